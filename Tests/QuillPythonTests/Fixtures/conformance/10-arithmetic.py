# Arithmetic with Python's int and float rules.
print(7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 // 2, 7 % 2, 7 ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(-7 // 3, -7 % 3, 7 % -3, -1 % 10, -11 // 10)
print(10 / 5, 1 / 4, 0 / 3, -6 / 3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(5.0 // 0.3, 5.0 % 0.3)
print(2 ** 10, 2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(2.0 ** 3, 4 ** 0.5, 8 ** (1 / 3), 10 ** -2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * (3 - 4) / 2)
print(3 + 4.0, 3 * 1.5, 10 - 0.5, 2 * 0.1)
print(-(-5), +5, -+-5, -(3.0), +(-2.5))
print(True + True, True * 10, False - 1, True / 2)
print(17 // 5 * 5 + 17 % 5)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2.0, 0.5), pow(-8, 2))
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(1e308 + 1e308, -1e308 - 1e308)
total = 0
for k in range(1, 11):
    total = total + k * k
print(total, total / 10, total // 10, total % 10)
mean = sum([3, 4, 5, 6]) / 4
print(mean, int(mean), round(mean))
celsius = [-40, 0, 37, 100]
for c in celsius:
    print(c, "C =", c * 9 / 5 + 32, "F")
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 10 ** 20 == 1e20)
