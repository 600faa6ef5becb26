# Unpacking a row with the wrong number of fields.
rows = ["ana 31", "bo 25", "cy 40 Seoul"]
for row in rows:
    name, age = row.split()
    print(name, int(age) + 1)
