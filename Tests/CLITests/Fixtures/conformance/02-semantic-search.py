"""
Semantic search: embed a small corpus, then find the closest sentences for each query.
"""
import torch
from sentence_transformers import SentenceTransformer, util

embedder = SentenceTransformer("all-MiniLM-L6-v2")

corpus = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The girl is carrying a baby.",
    "A man is riding a horse.",
    "A woman is playing violin.",
    "Two men pushed carts through the woods.",
    "A man is riding a white horse on an enclosed ground.",
    "A monkey is playing drums.",
    "A cheetah is running behind its prey.",
]
corpus_embeddings = embedder.encode(corpus, convert_to_tensor=True)
print(corpus_embeddings.shape)

queries = [
    "A man is eating pasta.",
    "Someone in a gorilla costume is playing a set of drums.",
    "A cheetah chases prey on across a field.",
]

top_k = min(3, len(corpus))
for query in queries:
    query_embedding = embedder.encode(query, convert_to_tensor=True)
    similarity_scores = embedder.similarity(query_embedding, corpus_embeddings)[0]
    scores, indices = torch.topk(similarity_scores, k=top_k)
    print("\nQuery:", query)
    print(scores)
    print(indices)
    print("Top 3 most similar sentences in corpus:")
    for score, idx in zip(scores, indices):
        print(corpus[idx], f"(Score: {score:.4f})")

query_embeddings = embedder.encode(queries, convert_to_tensor=True)
hits = util.semantic_search(query_embeddings, corpus_embeddings, top_k=2)
print(len(hits), len(hits[0]), sorted(hits[0][0].keys()))
for query, query_hits in zip(queries, hits):
    print(query)
    for hit in query_hits:
        print("\t{}\t{:.4f}\t{}".format(hit["corpus_id"], hit["score"], corpus[hit["corpus_id"]]))
