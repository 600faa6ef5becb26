# List and dict comprehensions, and generator expressions as arguments.
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print([n * n for n in nums])
print([n for n in nums if n > 0])
print([n if n > 0 else 0 for n in nums])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c.upper() for word in ["ab", "cd"] for c in word if c != "c"])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[k] for row in matrix] for k in range(3)])
print([x for row in matrix for x in row if x % 2])
words = ["apple", "bob", "kayak", "cat", "level"]
print({w: len(w) for w in words})
print({w: w[::-1] == w for w in words if len(w) > 3})
print({i: i ** 2 for i in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3])})
inverse = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inverse)
print({n % 3: n for n in range(10)})
print(sum(n for n in nums if n > 0), sum(x * x for x in range(4)))
print(any(n > 5 for n in nums), any(n > 10 for n in nums))
print(all(n != 0 for n in nums), all(n > 0 for n in nums), all(x for x in []))
print(min(n for n in nums if n > 0), max(abs(n) for n in nums))
print(sorted(n * -1 for n in nums), sorted((w for w in words), key=len))
print(list(w[0] for w in words), list(x for x in ()))
print(dict((w, i) for i, w in enumerate(words)))
print(tuple(i * 2 for i in range(3)), sum(1 for w in words if "a" in w))
print(max((len(w), w) for w in words), min((s, i) for i, s in enumerate([0.3, 0.1, 0.1])))
x = 10
print([x for x in range(3)], x)
scores = [[0.9, 0.2], [0.4, 0.8]]
print([max(range(len(row)), key=lambda j: row[j]) for row in scores])
print([f"{s:.1f}" for row in scores for s in row])
print({f"q{i}": [j for j, s in enumerate(row) if s > 0.5] for i, row in enumerate(scores)})
