import numpy as np
import torch
emb = np.array([[3.0, 4.0], [1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
unit = emb / np.linalg.norm(emb, axis=1, keepdims=True)
print(unit, np.linalg.norm(emb, axis=1, keepdims=True).shape)
sim = unit @ unit.T
print(sim)
pairs = []
for i in range(len(sim)):
    for j in range(i + 1, len(sim)):
        pairs.append((float(sim[i][j]), i, j))
pairs.sort(reverse=True)
for score, i, j in pairs:
    print(f"{i} {j} {score:.4f}")
t = torch.from_numpy(sim)
print(t.topk(2, dim=1))
print(t.topk(2, dim=1).indices[0].tolist())
vals, idx = torch.sort(t[0], descending=True)
print(vals, idx)
mask = t > 0.9
print(mask, mask.sum(), t[mask])
print(torch.nn.functional.normalize(torch.tensor([[3.0, 4.0]]), p=2, dim=1))
print(np.sqrt(np.array([4, 9])), np.sqrt(np.array([2.0], dtype=np.float32)))
print(torch.nn.functional.softmax(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), dim=1))
