import numpy as np
import torch
x = np.float32(0.1)
print(x + 0.2, repr(x + 0.2), x * 2, repr(x * 2), x / 3, x > 0.05, repr(x > 0.05), -x, abs(-x))
print(repr(np.float64(0.1) + np.float32(0.2)), repr(np.int64(3) + 1), repr(np.int64(3) / 2), repr(np.int64(7) // 2))
y = torch.tensor(0.1)
print(y + 0.2, y * 2, y > 0.05, -y, (y + 1).item())
scores = [np.float32(0.91), np.float32(0.35), np.float32(0.77)]
print(sorted(scores), max(scores), sum(scores), [round(s, 2) for s in scores])
print(f"{scores[0]:.2f} {scores[1]!r} {scores[2]}")
pairs = sorted(zip(scores, ["a", "b", "c"]), reverse=True)
print(pairs)
d = {"score": np.float32(0.5), "t": torch.tensor([1.0, 2.0])}
print(d)
print([torch.tensor(0.5), np.array([1, 2])])
print(str(np.array([1.5, 2.5])), str(torch.tensor([1.5])))
print("%.3f" % np.float32(0.12345), "%s" % torch.tensor(0.5), "{:.1%}".format(np.float32(0.5)))
print(int(np.int64(5)) + 1, float(np.float32(0.1)), int(torch.tensor(3)))
