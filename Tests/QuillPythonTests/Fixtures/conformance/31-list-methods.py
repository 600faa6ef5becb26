# list methods: append, extend, insert, pop, remove, index, count, sort, copy.
items = []
items.append("a")
items.append(["nested"])
print(items, items.append("b"))
items.extend(["c", "d"])
items.extend("ef")
items.extend((1, 2))
items.extend(range(2))
print(items)
items.insert(0, "start")
items.insert(-1, "before last")
items.insert(100, "end")
items.insert(-100, "very start")
print(items)
print(items.pop(), items.pop(0), items.pop(2), items.pop(-2))
print(items)
items.remove("c")
items.remove(1)
print(items)
letters = list("mississippi")
print(letters.index("s"), letters.index("s", 4), letters.index("p", 0, 9), letters.count("s"), letters.count("z"))
print([1, 1.0, True].count(1), [[1], [1]].count([1]), [1, 2, 3].index(2.0))
nums = [5, 2, 9, 1]
snapshot = nums.copy()
nums.sort()
print(nums, snapshot, nums.sort(), nums)
nums.sort(reverse=True, key=lambda n: n % 3)
print(nums)
shallow = [[1], [2]]
dup = shallow.copy()
dup[0].append(99)
dup.append([3])
print(shallow, dup)
stack = []
for token in "3 4 + 2 *".split():
    if token in "+*":
        right = stack.pop()
        left = stack.pop()
        stack.append(left + right if token == "+" else left * right)
    else:
        stack.append(int(token))
print(stack)
queue = ["first", "second"]
queue.append("third")
print(queue.pop(0), queue)
