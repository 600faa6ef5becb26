import numpy as np
import torch

corpus = np.array([[0.6, 0.8, 0.0], [0.0, 1.0, 0.0], [0.8, 0.0, 0.6]], dtype=np.float32)
query = np.array([0.6, 0.8, 0.0], dtype=np.float32)
scores = corpus @ query
print(scores)
ranking = np.argsort(-scores)
for rank, idx in enumerate(ranking, start=1):
    print(f"{rank}. doc {idx} score={scores[idx]:.3f}")
top = scores.argsort()[::-1][:2]
print(top, top.tolist(), [float(scores[i]) for i in top])
norms = np.linalg.norm(corpus, axis=1)
print(norms)
normalized = corpus / norms[:, None]
print(normalized.shape, normalized.sum(axis=1))
emb = torch.tensor([[0.1 * i for i in range(8)], [0.05 * i for i in range(8)]])
print(emb)
print(emb[:, :3], emb[1, -2:], emb[:, 0])
cos = torch.nn.functional.cosine_similarity(emb[0:1], emb[1:2])
print(cos)
print(torch.tensor([1, 2, 3]) * 2, torch.tensor([1, 2, 3]) / 2, torch.tensor([True, False]))
m = np.zeros((2, 3))
m[0, 1] = 5
m[1] = 7
print(m)
row = m[0]
row[2] = -1
print(m, m.ndim, m.size)
print(np.mean(scores), np.max(scores), np.sum(corpus, axis=0))
t3 = torch.ones(2, 2, 2)
print(t3, t3.shape, t3.sum(dim=2))
values = [np.float32(0.25), np.float32(0.5)]
print(values, sum(values), max(values), sorted(values, reverse=True))
print(len(emb), emb.size(), emb.size(0), emb.dim(), emb.numel())
for v in torch.tensor([0.5, 0.25]):
    print(v, v.item())
