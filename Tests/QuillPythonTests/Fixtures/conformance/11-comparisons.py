# Comparisons: chained, identity and membership.
x = 0.5
print(0 < x < 1, 0 < x > 1, 1 < 2 < 3 < 4, 1 < 3 < 2)
print(1 <= 1 < 2 == 2 != 3)
print(3 == 3.0, 3 != "3", "a" < "b", "Z" < "a", "apple" < "apples")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "b") > (1, "a"), [] < [0])
print((2, 1) == (2, 1), [1, 2] == [1, 2.0], {"a": 1} == {"a": 1.0})
print("abc" == "abc", "abc" != "ABC", "" < "a")
def middle(label, value):
    print("evaluating", label)
    return value
print(middle("a", 1) < middle("b", 2) < middle("c", 3))
print(middle("a", 5) < middle("b", 2) < middle("c", 3))
y = None
print(y is None, y is not None, x is not None)
print(True is True, None is None)
words = ["cat", "dog", "bird"]
print("cat" in words, "cow" in words, "cow" not in words)
print("at" in "cat", "ta" in "cat", "" in "cat")
print(2 in (1, 2, 3), 2.0 in [1, 2, 3], True in [1, 0])
scores = {"ana": 3, "bo": 5}
print("ana" in scores, 3 in scores, 3 in scores.values(), "bo" in scores.keys())
print(("ana", 3) in scores.items())
print([1, 2] in [[1, 2], [3]], (1,) in [(1,), (2,)])
print(max(3, 7) == 7 > 5)
print(not 1 < 2, not (1 < 2 < 0))
print(1 < 2.5 < 3, -1.5 < -1 < 0.0)
print(2**100 > 2**99 > 0 > -2**100)
