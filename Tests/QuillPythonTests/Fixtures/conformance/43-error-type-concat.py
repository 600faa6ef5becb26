# Concatenating a str and an int.
count = 3
print("found " + str(count) + " matches")
print("found " + count + " matches")
