# for over lists, tuples, strings, dicts, range, enumerate, zip and dict views.
for x in [1, "two", 3.0]:
    print(x)
for x in (True, None):
    print(x)
for ch in "héllo":
    print(ch, end="|")
print()
ages = {"ana": 31, "bo": 25, "cy": 40}
for name in ages:
    print(name, ages[name])
for name in ages.keys():
    print(name.upper(), end=" ")
print()
for age in ages.values():
    print(age * 2, end=" ")
print()
for name, age in ages.items():
    print(f"{name}={age}", end=" ")
print()
print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)))
print(list(range(1, 10, 4)), list(range(-5, -1)), list(range(5, 1)))
r = range(3, 30, 5)
print(r, len(r), r[1], r[-1], 13 in r, 14 in r)
print(range(4), range(1, 4), range(0, 10, 2))
for i in range(len("abc")):
    print(i, "abc"[i])
for i, item in enumerate(["x", "y", "z"]):
    print(i, item)
for i, item in enumerate(["x", "y"], start=10):
    print(i, item)
print(list(enumerate("ab")), list(enumerate([5], 1)))
names = ["ana", "bo", "cy"]
scores = [0.9, 0.75, 0.6, 0.1]
for name, score in zip(names, scores):
    print(name, score)
print(list(zip(names, scores)), list(zip()), list(zip("ab", [1, 2], (True, False))))
for i, (name, score) in enumerate(zip(names, scores), start=1):
    print(f"{i}. {name} {score:.2f}")
print(ages.keys(), ages.values(), ages.items())
print(list(ages), list(ages.values()), list(ages.items())[0])
view = ages.keys()
ages["dee"] = 22
print(view, len(view))
for row in [[1, 2], [3, 4]]:
    for cell in row:
        print(cell, end=",")
print()
for _ in range(2):
    print("repeat")
print(list(reversed(range(4))), list(reversed("abc")), list(reversed([1, 2, 3])))
