# Ranking documents by a score and printing a table of the results.
query = "how do cats sleep"
documents = [
    "Cats sleep for up to sixteen hours a day.",
    "Dogs need daily walks.",
    "A cat naps in the sun.",
    "Sleep hygiene for people.",
    "How to train a cat to sleep at night.",
]
query_words = query.split()


def overlap_score(doc):
    doc_words = doc.lower().replace(".", "").split()
    hits = sum(1 for w in query_words if w in doc_words)
    return hits / len(query_words) + len(doc_words) / 1000


scores = [overlap_score(d) for d in documents]
ranking = sorted(range(len(documents)), key=lambda i: scores[i], reverse=True)
print(f"Query: {query!r}")
print(f"{'rank':<5}{'id':>3}  {'score':>7}  text")
print("-" * 50)
for rank, i in enumerate(ranking, start=1):
    text = documents[i] if len(documents[i]) <= 30 else documents[i][:27] + "..."
    print(f"{rank:<5}{i:>3}  {scores[i]:>7.4f}  {text}")
print("-" * 50)
best = ranking[0]
print("best: %d (%.2f%%)" % (best, 100 * scores[best]))
results = [{"corpus_id": i, "score": round(scores[i], 4)} for i in ranking[:3]]
print(results)
for hit in results:
    print(f"{hit['corpus_id']}\t{hit['score']:.4f}")
above = [i for i in ranking if scores[i] >= 0.5]
print(len(above), "documents at or above 0.5:", above)
totals = {"hits": len(above), "mean": sum(scores) / len(scores), "max": max(scores)}
for key, value in totals.items():
    print(f"{key:>5} = {value}")
