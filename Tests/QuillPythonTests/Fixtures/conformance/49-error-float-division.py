# Float division by zero, after two good divisions.
ratios = [2.0, 0.5, 0.0]
for r in ratios:
    print(r, 1.0 / r)
