import numpy as np
from sentence_transformers.cross_encoder import CrossEncoder

# A tiny cross-encoder with random weights: its scores mean nothing, but they are computed as any other model's.
model = CrossEncoder("ce-bert-1")

pairs = [
    ("How many people live in Berlin?", "Berlin has a population of 3,520,031 registered inhabitants."),
    ("How many people live in Berlin?", "Berlin is well known for its museums."),
    ("What is the capital of France?", "Paris is the capital of France."),
    ("What is the capital of France?", "The cat sits outside"),
]
scores = model.predict(pairs)
# print(scores) would show numpy's 8 significant digits of float32, finer than two engines agree on (the last
# digit rule allows one unit): the scores are printed with a format instead.
print(scores.shape, len(scores))
for (query, passage), score in zip(pairs, scores):
    print(f"{score:.4f}  {query} | {passage}")

order = np.argsort(scores)[::-1]
print(order)
print([pairs[i][1][:20] for i in order])
print(f"best: {scores.argmax()} {scores[scores.argmax()]:.4f}")

query = "A man is eating pasta."
documents = [
    "A man is eating food.",
    "A man is riding a horse.",
    "A woman is playing violin.",
    "A man is eating a piece of bread.",
]
ranks = model.rank(query, documents, return_documents=True)
for rank in ranks:
    print(f"{rank['corpus_id']}\t{rank['score']:.4f}\t{rank['text']}")
top_two = model.rank(query, documents, top_k=2)
print(len(top_two), [hit["corpus_id"] for hit in top_two], sorted(top_two[0].keys()))

single = model.predict(("A man is eating pasta.", "A man is eating food."))
print(f"{single:.4f}")
batched = model.predict(pairs, batch_size=2)
print([f"{s:.4f}" for s in batched])
