import numpy as np
import torch

scores = np.array([0.3, 0.9, 0.1, 0.45], dtype=np.float32)
print(scores)
print(repr(scores))
order = np.argsort(scores)[::-1]
print(order)
for i in order[:2]:
    print(i, scores[i], f"{scores[i]:.4f}")
print(scores.max(), scores.argmax(), scores.sum(), scores.mean())
print(scores.shape, scores.dtype, len(scores))
print(scores.tolist())
best = int(np.argmax(scores))
print(["a", "b", "c", "d"][best])
t = torch.tensor([[1.0, 0.5], [0.25, 1.0]])
print(t)
print(t.shape, t.shape[0], t.dtype)
values, indices = torch.topk(t[0], k=2)
print(values, indices)
for score, idx in zip(values, indices):
    print(f"{score:.4f}", int(idx), idx.item())
print(t[0][1], t[0, 1].item(), float(t[1][0]))
print(t.T)
print(t @ t.T)
print(t * 2 + 1)
print((t > 0.5).sum())
print(t.mean(dim=0), t.argmax(dim=1))
with torch.no_grad():
    print(torch.stack([t[0], t[1]]).numpy())
r = torch.topk(t.flatten(), 3)
print(r)
print(r.values.tolist())
emb = np.array([[0.1, 0.2], [0.3, 0.4]], dtype=np.float32)
sim = emb @ emb.T
print(sim)
print(np.round(sim, 3))
print(sim[0, 1], round(float(sim[0, 1]), 4))
print(-scores, scores * 0.5, scores[1:3], scores[scores > 0.2])
x = torch.tensor([0.5])
if x > 0.2:
    print("big")
print(bool(x), x.numpy(), x.tolist())
