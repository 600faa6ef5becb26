# Subtracting a str from an int.
totals = {"a": 10, "b": "7"}
print(totals["a"] - 3)
print(totals["a"] - totals["b"])
