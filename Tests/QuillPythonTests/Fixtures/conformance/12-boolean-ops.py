# and / or return one of their operands; not returns a bool; conditional expressions.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "given" or "default", None or 0, [] or {})
print([] and "never", [0] and "yes", None and 1/0)
print(0 or 1 and 2, (0 or 1) and 2, 1 or 1/0)
print(not 0, not 5, not "", not "x", not [], not None, not 0.0)
name = ""
display = name or "anonymous"
print(display)
def check(label, result):
    print("check", label)
    return result
print(check("a", False) and check("b", True))
print(check("c", True) or check("d", False))
print(check("e", 0) or check("f", "") or check("g", "last"))
for n in [-3, 0, 4]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)
score = 0.72
print("match" if score > 0.5 else "no match")
print(1 if True else 1/0, "empty" if not [] else "full")
values = [0, 1, "", "a", [], [0], {}, {"k": 0}, None, 0.0, -0.1]
print([bool(v) for v in values])
print([v for v in values if v])
print(True and 3, False or 0.0, 5 and not 5)
