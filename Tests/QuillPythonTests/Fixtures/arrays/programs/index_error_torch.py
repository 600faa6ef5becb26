import torch

scores = torch.tensor([[0.5, 0.25, 0.125]])
print(scores[0, -1])
print(scores[0, 3])
