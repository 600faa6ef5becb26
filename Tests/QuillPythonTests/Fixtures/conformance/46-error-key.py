# Looking up a missing key.
counts = {"cat": 2, "dog": 1}
print(counts["cat"], counts.get("cow", 0))
for animal in ["dog", "cow"]:
    print(animal, counts[animal])
