# dict methods: get, items, keys, values, pop, update, setdefault.
ages = {"ana": 31, "bo": 25}
print(ages.get("ana"), ages.get("zed"), ages.get("zed", 0), ages.get("bo", 99))
print(ages.keys(), ages.values(), ages.items())
print(list(ages.items()), sorted(ages.values()))
ages.update({"cy": 40, "ana": 32})
print(ages)
ages.update(dee=22)
ages.update([("eve", 50)])
print(ages)
print(ages.pop("bo"), ages.pop("nobody", "missing"), ages)
print(ages.setdefault("ana", 0), ages.setdefault("fay", 19), ages)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1])[:2])
keys = ages.keys()
values = ages.values()
ages["new"] = 1
print(len(keys), list(values)[-1], "new" in keys)
d = dict(a=1)
d["b"] = 2
d["a"] = 3
print(d, list(d))
e = {"x": 0}
e.update({"y": 1}, z=2)
print(e, e.pop("x"), e)
nested = {"outer": {"inner": 1}}
print(nested.get("outer").get("inner"), nested.get("none", {}).get("inner", "default"))
print({}.get("k"), {1: "a"}.get(1.0), {True: "t"}.get(1))
copy = dict(ages)
copy["ana"] = -1
print(ages["ana"], copy["ana"])
