# Methods and attributes of int, bool and float.
for n in [0, 1, -1, 5, 255, 256, -256, 2**31, -(2**63), 2**64 + 1, 10**30, -(10**40)]:
    print(n.bit_length(), n.bit_count(), n.as_integer_ratio()[0] == n, n.conjugate() == n)

print(True.bit_length(), False.bit_length(), True.conjugate(), type(True.conjugate()).__name__)
print(True.as_integer_ratio(), (7).real, (7).imag, (7).numerator, (7).denominator)
print((-12).real, True.numerator, type(True.real).__name__)

def bits_needed(values):
    return max(v.bit_length() for v in values)

print(bits_needed([3, 1000, -70000]))

for x in [0.5, 1.5, -2.75, 0.1, 1e100, 5e-324, 2.2250738585072014e-308, 1e-310, 3.0, -0.0, 0.0, 123456.789]:
    print(x.as_integer_ratio(), x.hex(), x.is_integer(), x.conjugate(), x.real, x.imag)

for x in [float("inf"), float("-inf"), float("nan")]:
    print(x.hex(), x.is_integer())

n, d = (0.1).as_integer_ratio()
print(n / d == 0.1, d.bit_length())
print(f"{(2**100).bit_length()} {(1.0).hex()} {(-1.0).hex()} {(2.0**1023).hex()}")
