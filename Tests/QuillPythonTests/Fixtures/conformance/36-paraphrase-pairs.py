# Paraphrase-mining style: score every pair (i, j), sort [score, i, j] triples with ties, keep the best.
sentences = ["The cat sits outside", "A man is playing guitar", "The cat sits outdoors",
             "A man plays the guitar", "The new movie is awesome", "The new film is great"]


def jaccard(a, b):
    wa = a.lower().split()
    wb = b.lower().split()
    shared = [w for w in wa if w in wb]
    union = len(wa) + len(wb) - len(shared)
    return len(shared) / union


pairs = []
for i in range(len(sentences)):
    for j in range(i + 1, len(sentences)):
        pairs.append([round(jaccard(sentences[i], sentences[j]), 4), i, j])
print(len(pairs), pairs[:3])
pairs = sorted(pairs, key=lambda x: x[0], reverse=True)
for score, i, j in pairs[:6]:
    print(f"{sentences[i]:<25} | {sentences[j]:<25} | Score: {score:.4f}")
triples = [(0.5, 2, 3), (0.75, 0, 1), (0.5, 0, 4), (0.75, 1, 2), (0.5, 1, 3), (0.0, 4, 5)]
print(sorted(triples, reverse=True))
print(sorted(triples, key=lambda t: t[0], reverse=True))
print(sorted(triples, key=lambda t: (-t[0], t[1], t[2])))
print(sorted(triples, key=lambda t: t[0]))
top_k = 3
best = sorted(triples, key=lambda t: t[0], reverse=True)[:top_k]
print([[s, i, j] for s, i, j in best])
seen = {}
for score, i, j in sorted(triples, reverse=True):
    for k in (i, j):
        if k not in seen:
            seen[k] = score
print(seen)
matrix = [[1.0 if i == j else round(jaccard(a, b), 2) for j, b in enumerate(sentences)] for i, a in enumerate(sentences)]
for row in matrix:
    print(" ".join(f"{v:4.2f}" for v in row))
