import numpy as np
from sentence_transformers import SentenceTransformer

model = SentenceTransformer("all-MiniLM-L6-v2")
sentences = ["Numbers are printed as numpy prints them.", "A second sentence.", "And a third one."]
embeddings = model.encode(sentences)
print(embeddings.shape, len(embeddings))
# Printed whole, these rows show numpy's 8 significant digits of float32, finer than two engines agree on (the
# last-digit rule allows one unit): print(embeddings[0][:5]) is in 05-tensors.py, as torch prints it.
print([f"{v:.4f}" for v in embeddings[0][:5]], f"{embeddings[2, 1]:.4f}")
single = model.encode("Just one sentence.")
print(single.shape)
print(f"{single[0]:.4f} {single[-1]:.4f}")
top_dims = np.argsort(embeddings[0])[::-1][:5]
print(top_dims)
print(embeddings[0].argmax(), embeddings.argmax(axis=1))
scores = model.similarity(embeddings, embeddings)
print(scores)
print([f"{float(v):.4f}" for v in embeddings[1][:3]])
