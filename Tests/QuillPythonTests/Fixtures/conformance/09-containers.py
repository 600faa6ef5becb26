# True, False, None, and list, tuple and dict literals as print shows them.
print(True, False, None)
print([True, False, None])
print(repr(True), str(None))
print([], (), {})
print([1, 2, 3], (1, 2, 3), (1,), ("a",))
print({"a": 1, "b": [2, 3], "c": {"d": None}})
print({1: "one", 2.5: "two and a half", (1, 2): "pair", None: 0, True: "yes"})
print(["it's", 'say "hi"', "tab\t", "é", "한"])
print([[1, 2], [3, 4]], [(1, "a"), (2, "b")])
print((1, [2, (3, {"k": "v"})]))
print([1.0, 2.50, -0.0, 1e16, 0.1 + 0.2])
nested = {"model": "mini", "dims": (384,), "ok": True, "scores": [0.5, 0.25]}
print(nested)
print(nested["dims"], nested["scores"][1])
print(len(nested), len([[], []]), len(()))
print({"b": 1, "a": 2})
d = {"x": 1, "x": 2}
print(d)
print({1: "int", 1.0: "float"})
print([1, 2, 3,], (4, 5,))
empty_list = []
empty_list.append(empty_list == [])
print(empty_list)
t = 1, 2, 3
print(t, isinstance(t, tuple))
