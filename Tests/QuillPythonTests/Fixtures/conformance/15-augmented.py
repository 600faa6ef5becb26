# Augmented assignment on numbers, strings, lists and dict entries.
n = 10
n += 5
n -= 3
n *= 2
print(n)
n /= 4
print(n)
n //= 2
print(n)
n **= 3
print(n)
k = 17
k %= 5
print(k)
k = -17
k //= 5
print(k)
k = 2
k **= 100
print(k)
s = "ab"
s += "cd"
s *= 2
print(s)
items = [1]
same = items
items += [2, 3]
items *= 2
print(items, same, items is same)
t = (1,)
t += (2,)
print(t)
counts = {"a": 0}
counts["a"] += 1
counts["a"] += 1
print(counts)
grid = [[1, 2], [3, 4]]
grid[1][0] *= 10
grid[0][-1] -= 5
print(grid)
total = 0.0
for v in [0.1] * 10:
    total += v
print(total, total == 1.0)
word = ""
for ch in "python":
    word = ch + word
print(word)
