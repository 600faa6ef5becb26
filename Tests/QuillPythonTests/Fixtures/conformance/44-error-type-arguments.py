# Calling a function without a required argument.
def describe(name, score, unit="points"):
    return f"{name}: {score} {unit}"


print(describe("ana", 3))
print(describe("bo", 4, unit="goals"))
print(describe("cy"))
