from sentence_transformers import SentenceTransformer

# 1. Load a pretrained Sentence Transformer model
model = SentenceTransformer("all-MiniLM-L6-v2")

# The sentences to encode
sentences = [
    "A young girl is playing the violin.",
    "A child performs music on a string instrument.",
    "The stock market fell sharply on Monday.",
    "Shares dropped at the start of the week.",
]

# 2. Calculate embeddings by calling model.encode()
embeddings = model.encode(sentences)
print(embeddings.shape)
# (4, 384)

# 3. Calculate the embedding similarities
similarities = model.similarity(embeddings, embeddings)
print(similarities)
print(similarities.shape)

for i in range(len(sentences)):
    for j in range(i + 1, len(sentences)):
        print(f"{similarities[i][j]:.4f}  {sentences[i]} <-> {sentences[j]}")
