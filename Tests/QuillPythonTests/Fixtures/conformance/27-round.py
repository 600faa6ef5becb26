# round(): banker's rounding of halves, ndigits, and what binary floats do to it.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999999999999, 2.4, 2.6, -2.6]:
    print(x, round(x))
print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 0), round(3.14159, 1), round(3.14159, 3), round(3.14159, 10))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(15, -1), round(25, -1), round(35, -1), round(-25, -1), round(1234, -2))
print(round(7, 2), round(-7), round(2**100 + 5, -1), round(10**20 + 50, -2))
print(round(0.0), round(-0.4), round(-0.4, 0), round(-0.0, 2))
print(round(1e16 + 1.0), round(123456789.987654321, 4))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(2 / 3, 5))
print(round(5e-324, 300), round(1.5e300, -299))
scores = [0.834567, 0.12345, 0.5, 0.99999]
print([round(s, 2) for s in scores], [round(s, 3) for s in scores])
print(sum(round(s, 1) for s in scores))
print(round(True), round(False, 2))
