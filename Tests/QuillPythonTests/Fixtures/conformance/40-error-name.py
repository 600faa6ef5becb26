# A typo in a name: NameError after some output.
sentences = ["The cat sits outside", "A man is playing guitar"]
for s in sentences:
    print(len(s), s)
print(len(sentence))
print("never printed")
