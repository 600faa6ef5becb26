# Dividing by zero: the mean of an empty list.
def mean(values):
    return sum(values) / len(values)


print(mean([1, 2, 3, 4]))
print(mean([]))
