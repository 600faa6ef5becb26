# Reading a text file: read(), readlines() and iterating over lines.
with open("data/story.txt", encoding="utf-8") as f:
    text = f.read()
print(len(text), repr(text[:20]), text.count("\n"))
print(text.splitlines()[1])

with open("data/story.txt", encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), repr(lines[0]), repr(lines[2]))

with open("data/story.txt", encoding="utf-8") as f:
    for number, line in enumerate(f, start=1):
        line = line.rstrip("\n")
        if not line:
            print(number, "(blank)")
            continue
        print(number, len(line.split()), line[:25])

with open("data/scores.txt", encoding="utf-8") as f:
    scores = {}
    for line in f:
        name, value = line.split()
        scores[name] = float(value)
print(scores)
best = max(scores.values())
print("best:", [name for name in scores if scores[name] == best], best)
print("mean: %.3f" % (sum(scores.values()) / len(scores)))

with open("data/story.txt") as f:
    words = f.read().lower().replace(".", " ").replace(",", " ").replace(";", " ").split()
print(len(words), words[:6])
