# Calling a method a list does not have.
stack = [1, 2]
stack.append(3)
print(stack)
stack.push(4)
