from sentence_transformers import SentenceTransformer, SimilarityFunction

sentences = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]

model = SentenceTransformer("all-MiniLM-L6-v2")
print(model.similarity_fn_name)
embeddings = model.encode(sentences)
print(model.similarity(embeddings, embeddings))

model.similarity_fn_name = "dot"
print(model.similarity_fn_name)
print(model.similarity(embeddings, embeddings))

model.similarity_fn_name = SimilarityFunction.EUCLIDEAN
print(model.similarity_fn_name)
print(model.similarity(embeddings, embeddings))

model.similarity_fn_name = "manhattan"
print(model.similarity(embeddings[:1], embeddings))

dot_model = SentenceTransformer("all-MiniLM-L6-v2", similarity_fn_name=SimilarityFunction.DOT_PRODUCT)
print(dot_model.similarity_fn_name)
scores = dot_model.similarity(embeddings[0], embeddings[1:])
print(scores)
print(f"{scores[0][0]:.4f} {scores[0][1]:.4f}")
