import numpy as np
import torch

a = np.ones((2, 3), dtype=np.float32)
b = torch.ones(2, 3)
print(a.reshape(3, 2), b.reshape(-1))
print(a.T.shape, b.T.shape, b.unsqueeze(0).shape, b.squeeze().shape)
print(torch.cat([b, b]).shape, torch.cat([b, b], dim=1).shape, np.vstack([a, a]).shape)
print(b @ b)
