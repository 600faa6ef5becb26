# NameError raised inside a function: the line is the one inside the function.
def total_length(words):
    count = 0
    for w in words:
        count += len(w)
    return count + extra_padding


print("start")
print(total_length(["a", "bb"]))
