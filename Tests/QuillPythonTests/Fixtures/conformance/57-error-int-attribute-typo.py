# A misspelt int method: CPython suggests the name it meant.
width = 1000
print(width.bit_lenght())
