import numpy as np

scores = np.array([0.5, 0.25, 0.125], dtype=np.float32)
print(scores[-1], scores[0:2])
print(scores[5])
