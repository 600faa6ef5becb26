# Sorting values that cannot be compared.
values = [3, 1, 2]
print(sorted(values))
values.append("4")
print(values)
print(sorted(values))
