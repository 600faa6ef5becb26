import numpy as np

scores = np.array([0.5, 0.25], dtype=np.float32)
if scores[0] > 0.3:
    print("first is high")
if scores > 0.3:
    print("never printed")
