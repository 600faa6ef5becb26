# f-strings: sign, grouping, precision and the types d f e g % x s.
n = 1234567
neg = -9876
x = 1234.5678
small = 0.000123456
print(f"{n:d} {neg:d} {n:+d} {neg:+d} {n: d} {neg: d}")
print(f"{n:,} {n:_} {neg:,d} {2**70:,}")
print(f"{x:,.2f} {x:_.1f} {-x:,.3f}")
print(f"{x:f} {x:.0f} {x:.1f} {x:.10f}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {2.675:.2f}")
print(f"{x:e} {x:.2e} {small:e} {0.0:e} {n:.3e}")
print(f"{x:g} {small:g} {n:g} {1e16:g} {100000.0:g} {1000000.0:g}")
print(f"{x:.3g} {0.0001:g} {0.00001:g} {123.0:.10g} {2.5:g}")
print(f"{0.256:%} {0.256:.1%} {1:.0%} {-0.5:.2%}")
print(f"{255:x} {4096:x} {-255:x} {2**70:x} {3735928559:_x}")
print(f"{'text':s} {'text':.2s} {'text':>8s} {'text':.2}")
print(f"{x:+.2f} {-x:+.2f} {x: .2f} {-0.0:.1f} {-0.0:+.1f}")
print(f"{x:.3} {2.0:.3} {1234.5:.3} {0.1:.1}")
print(f"{x} {n} {-0.0} {1e16} {1e-5}")
print(f"{42:f} {42:e} {42:%} {42:.2f}")
print(f"{True:d} {False:.1f} {True}")
print(f"{float('inf'):f} {float('-inf'):.2f} {float('nan'):e}")
print(f"{12:08.3f} {-12:08.3f} {12:+08.2f}")
print(f"{n:>15,} {n:<15,d}| {x:>12,.2f}")
print(f"{2**100:d}")
print(f"{123456789.0:,.0f} {0.1 + 0.2:.17f}")
print(f"{1e300 * 1e300:,.2f} {1/3:.15g} {2/3:.16g}")
