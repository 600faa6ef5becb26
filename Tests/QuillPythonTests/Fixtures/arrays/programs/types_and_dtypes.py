import numpy as np
import torch
a = np.array([1.5, 2.5], dtype=np.float32)
t = torch.tensor([1.0])
print(isinstance(a, np.ndarray), isinstance(t, torch.Tensor), isinstance(a[0], np.float32), isinstance(a, torch.Tensor))
print(type(a), type(t), type(a) is np.ndarray, np.float32, np.bool_)
print(a.astype(float), a.astype(int), a.astype(np.float64).dtype, np.array([1, 2], dtype=float))
print(a.dtype == np.float32, a.dtype == np.float64, a.dtype == "float32", t.dtype == torch.float32)
with torch.no_grad():
    print(t * 2)
print(np.float32(1.5), np.int64(7), np.bool_(True))
