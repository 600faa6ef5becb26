# Tuple unpacking in assignments and for loops.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, second = [10, 20]
print(first + second)
name, (lat, lon) = "Seoul", (37.57, 126.98)
print(f"{name}: {lat}, {lon}")
pairs = [("cat", 3), ("dog", 5), ("eel", 1)]
for word, count in pairs:
    print(word, count)
for i, (word, count) in enumerate(pairs):
    print(i, word, count)
for i, ch in enumerate("ab", start=1):
    print(i, ch)
points = [(1, 2, 3), (4, 5, 6)]
for px, py, pz in points:
    print(px * py * pz)
m = n = 0
m += 1
print(m, n)
i, j = divmod(17, 5)
print(i, j)
lst = [0, 0, 0]
lst[0], lst[2] = "left", "right"
print(lst)
d = {}
d["k"], d["v"] = 1, 2
print(d)
for key, value in {"one": 1, "two": 2}.items():
    print(key, "->", value)
fibs = [0, 1]
for _ in range(8):
    a, b = fibs[-2], fibs[-1]
    fibs.append(a + b)
print(fibs)
