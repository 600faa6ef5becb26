# int() of text that is not a number.
fields = "12,7,abc,4".split(",")
total = 0
for field in fields:
    total += int(field)
    print("running total", total)
