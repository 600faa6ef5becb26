from sentence_transformers import SentenceTransformer, util

model = SentenceTransformer("all-MiniLM-L6-v2")
print("Max Sequence Length:", model.max_seq_length)

long_text = ("Sentence embeddings turn a text into a vector so that similar texts get similar vectors, "
             "and the model reads at most a fixed number of word pieces before it stops.")
short_text = "Sentence embeddings turn a text into a vector"
full = model.encode([long_text, short_text], convert_to_tensor=True)
print(f"full: {util.cos_sim(full[0], full[1]).item():.4f}")

model.max_seq_length = 12
print("Max Sequence Length:", model.max_seq_length)
cut = model.encode([long_text, short_text], convert_to_tensor=True)
print(f"truncated: {util.cos_sim(cut[0], cut[1]).item():.4f}")
print(util.cos_sim(full, cut))

model.max_seq_length = 256
normalized = model.encode([long_text, short_text], normalize_embeddings=True, convert_to_tensor=True)
print(util.dot_score(normalized, normalized))
print(util.normalize_embeddings(full)[0][:4])
print(model.get_sentence_embedding_dimension())
