from sentence_transformers import SentenceTransformer

model = SentenceTransformer("all-MiniLM-L6-v2")
print(model.get_sentence_embedding_dimension())

queries = ["What is the capital of China?", "Explain gravity"]
documents = [
    "The capital of China is Beijing.",
    "Gravity is a force that attracts two bodies towards each other.",
    "Pandas eat bamboo.",
]
query_embeddings = model.encode_query(queries)
document_embeddings = model.encode_document(documents)
print(query_embeddings.shape, document_embeddings.shape)

similarities = model.similarity(query_embeddings, document_embeddings)
print(similarities)
for i, query in enumerate(queries):
    best = int(similarities[i].argmax())
    print(f"{query} -> {documents[best]} ({similarities[i][best]:.4f})")

same = model.encode(queries, batch_size=1, show_progress_bar=False)
print(model.similarity(same, query_embeddings))
