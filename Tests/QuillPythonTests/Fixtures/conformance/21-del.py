# del of dict keys and list items.
inventory = {"apples": 3, "pears": 0, "plums": 7, "figs": 0}
del inventory["pears"]
print(inventory)
for name in [k for k in inventory if inventory[k] == 0]:
    del inventory[name]
print(inventory, len(inventory))
queue = ["a", "b", "c", "d", "e"]
del queue[0]
print(queue)
del queue[-1]
print(queue)
del queue[1]
print(queue, len(queue))
matrix = [[1, 2, 3], [4, 5, 6]]
del matrix[0][1]
print(matrix)
record = {"name": "x", "tags": {"a": 1, "b": 2}}
del record["tags"]["a"]
print(record)
inventory["kiwis"] = 4
print(list(inventory.keys()))
temp = 5
del temp
print("deleted a name")
