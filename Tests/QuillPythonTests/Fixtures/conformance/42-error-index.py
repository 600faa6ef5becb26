# Reading past the end of a list.
scores = [0.91, 0.45, 0.12]
for i in range(len(scores)):
    print(i, scores[i])
print("top:", scores[0])
print("fourth:", scores[3])
