# A float method that takes no arguments, called with one.
values = [3, 4.5]
print(values[0].bit_length(), values[1].hex())
print(values[1].hex(16))
