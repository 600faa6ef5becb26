import numpy as np
import torch

values = np.arange(1500) / 7
print(values)
print(repr(values.astype(np.float32)))
grid = torch.arange(2400).reshape(40, 60) * 0.5
print(grid)
print(grid.shape, grid[39, 59], grid.max(), grid.argmax())
small = torch.tensor([1e-5, 1.0, 123456.0])
print(small, small.tolist())
print(np.array([1e-5, 1.0, 123456.0], dtype=np.float32))
print(torch.tensor([-0.0, 0.0, 2.0]), np.array([-0.0, 2.5]))
print(np.float32(0.4579), repr(np.float32(0.4579)), np.int64(3), repr(np.int64(3)), torch.tensor(0.4579))
