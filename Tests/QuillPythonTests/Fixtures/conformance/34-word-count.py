# Counting words in a text file and printing the most frequent ones.
def tokenize(text):
    """Lower-case words, with punctuation removed."""
    cleaned = text.lower()
    for mark in ".,;:!?":
        cleaned = cleaned.replace(mark, " ")
    return cleaned.split()


with open("data/story.txt", encoding="utf-8") as f:
    words = tokenize(f.read())

counts = {}
for word in words:
    counts[word] = counts.get(word, 0) + 1

print("words:", len(words), "distinct:", len(counts))
top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
for rank, (word, count) in enumerate(top, start=1):
    bar = "#" * count
    print(f"{rank:>2}. {word:<10} {count:>3} {bar}")

lengths = {}
for word in counts:
    lengths.setdefault(len(word), []).append(word)
for size in sorted(lengths):
    print(size, sorted(lengths[size]))

share = {w: c / len(words) for w, c in counts.items() if c > 1}
print({w: f"{s:.1%}" for w, s in share.items()})
longest = max(counts, key=len)
print("longest word:", longest, len(longest))
print("mean word length: %.2f" % (sum(len(w) for w in words) / len(words)))
