import torch

scores = torch.tensor([0.5, 0.25])
print(float(scores[0]), int(scores.argmax()))
print(float(scores))
