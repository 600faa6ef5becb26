from sentence_transformers import SentenceTransformer, util

model = SentenceTransformer("all-MiniLM-L6-v2")
sentences = ["I like apples", "Apples are my favourite fruit", "The train was late", "Trains run every hour"]
embeddings = model.encode(sentences, convert_to_tensor=True)
print(embeddings.shape)
print(len(embeddings), len(embeddings[0]))
print(embeddings)
print(embeddings[0][:5])
print(embeddings[-1, :3])
print(embeddings[1][-2:])

cosine_scores = util.cos_sim(embeddings, embeddings)
print(cosine_scores)
print(cosine_scores[0][1])
print(cosine_scores[0, 1])
print(f"{cosine_scores[0][1].item():.4f}")
print(cosine_scores[2][-1:])
for row in cosine_scores:
    print(row)
print(cosine_scores[0].argmax(), cosine_scores[0][1:].argmax())
print([[f"{v:.3f}" for v in row] for row in cosine_scores.tolist()])

dot_scores = util.dot_score(embeddings[:2], embeddings[2:])
print(dot_scores)
print(util.pytorch_cos_sim(embeddings[0], embeddings[1]))
best = cosine_scores[3][:3].argmax().item()
print(best, sentences[best])
