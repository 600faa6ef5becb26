# The math module for library_builtins.py.
for name in ["sqrt", "exp", "expm1", "log1p", "fabs", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
             "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "cbrt", "exp2", "degrees", "radians",
             "log", "log2", "log10", "floor", "ceil", "trunc", "isnan", "isinf", "isfinite", "frexp", "modf", "ulp",
             "factorial", "isqrt"]:
    for x in [0, 1, -1, 2, 0.5, -0.0, 2.5, -2.5, 10, 1e-320, 1e308, 710, -1000, inf, -inf, nan, 2**70, 2**2000, True, "a", None]:
        C("math." + name, x)
    C("math." + name); C("math." + name, 1, 2); C("math." + name, x=1)
for name in ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter", "ldexp", "comb", "perm", "log", "dist"]:
    for x, y in [(2, 3), (0, -1), (-8, 1 / 3), (10, 400), (7, -2), (1, 0), (inf, 1), (1, inf), (nan, 0), (5, 2), (5, -1),
                 (3, 5), (1, 1.5), (5.0, 2), (8, 2), (100, 10), (2**2000, 2), (1, 1), (10, 0), ([0, 0], [3, 4]),
                 ([1], [1, 2]), ((1.5, 2.5, -3), (0, 0.5, 1)), (1, 2000), (0.5, -1074)]:
        C("math." + name, x, y)
    C("math." + name, 1)
C("math.log", 1, 2, 3); C("math.log")
C("math.isclose", 1, 1.0000000001); C("math.isclose", 1, 1.1, rel_tol=0.2); C("math.isclose", 0, 1e-10, abs_tol=1e-9)
C("math.isclose", 1, 2, rel_tol=-1); C("math.isclose", 1); C("math.isclose", inf, inf); C("math.isclose")
C("math.isclose", 1, 2, 3); C("math.isclose", 1e-10, 0); C("math.isclose", 1, 1 + 1e-9); C("math.isclose", -inf, inf)
C("math.isclose", nan, nan); C("math.isclose", 1.0, 1.0, foo=1); C("math.isclose", a=1, b=1)
C("math.fsum", [0.1] * 10); C("math.fsum", [1e100, 1, -1e100]); C("math.fsum", [inf, -inf]); C("math.fsum", [inf, 1])
C("math.fsum", [1e308, 1e308]); C("math.fsum", [nan]); C("math.fsum", []); C("math.fsum", 1); C("math.fsum")
C("math.fsum", [1, 2**70, 0.5]); C("math.fsum", [1e16, 1.0, 1e-16]); C("math.fsum", [0.1, 0.2, 0.3, -0.6])
C("math.fsum", [1.0, 1e100, 1.0, -1e100]); C("math.fsum", [2.0**53, 1.0, 2.0**-53]); C("math.fsum", ["a"])
C("math.hypot"); C("math.hypot", 3, 4); C("math.hypot", 1, 2, 3); C("math.hypot", inf, nan); C("math.hypot", "a")
C("math.hypot", -5); C("math.hypot", 0.1, 0.2, 0.3, 0.4); C("math.hypot", 1e-320, 1e-320); C("math.hypot", 1e300, 1e300)
C("math.hypot", 1.5, 2.5, 3.5, 4.5, 5.5); C("math.hypot", 2, 3); C("math.hypot", 0.7, 1.1, 1e-5)
C("math.prod", [1, 2, 3]); C("math.prod", []); C("math.prod", [1.5, 2], start=2); C("math.prod", ["a"], start=2)
C("math.prod", [2, "a"]); C("math.prod", [2**40, 2**40]); C("math.prod"); C("math.prod", [1], [2]); C("math.prod", [None])
C("math.gcd", 12, 18); C("math.gcd"); C("math.gcd", 1.5); C("math.gcd", -12, 18, 0); C("math.lcm"); C("math.lcm", 0, 5)
C("math.lcm", 4, 6); C("math.lcm", -4, 6, 10); C("math.perm", 5); C("math.comb", 10**3, 500, then="str")
C("math.factorial", 30); C("math.isqrt", 10**30); C("math.comb", 5)
