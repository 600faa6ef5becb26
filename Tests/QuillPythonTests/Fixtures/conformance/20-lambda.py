# lambda: small functions for keys and callbacks.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(9), add(1), add(1, 2), add(b=5, a=5))
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=lambda w: -len(w)))
print(max(words, key=lambda w: len(w)), min(words, key=lambda w: w[-1]))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda p: p[0] * 10, pairs)))
print(list(filter(lambda p: p[0] > 1, pairs)))
ops = {"double": lambda x: 2 * x, "negate": lambda x: -x, "inverse": lambda x: 1 / x}
for name, op in ops.items():
    print(name, op(4))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
print((lambda: "no arguments")())
threshold = 0.5
above = lambda s: s > threshold
print([s for s in [0.2, 0.7, 0.5, 0.9] if above(s)])
