# The math module: sqrt, log, exp, floor, ceil, isclose, pi and inf.
import math
print(math.pi, math.inf, -math.inf, math.inf > 10**300)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(10**20))
print(math.log(1), math.log(10), math.log(8, 2), math.log(100, 10), math.log(0.5))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5))
print(math.floor(2.7), math.floor(-2.7), math.floor(5), math.ceil(2.1), math.ceil(-2.1), math.ceil(4.0))
print(math.floor(1e20), math.ceil(-0.5), math.floor(-0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
vector = [3.0, 4.0, 12.0]
norm = math.sqrt(sum(v * v for v in vector))
print(norm, [v / norm for v in vector])
a = [1.0, 2.0, 3.0]
b = [2.0, 0.5, -1.0]
dot = sum(x * y for x, y in zip(a, b))
cos = dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))
print(dot, cos, f"{cos:.4f}")
print(2 * math.pi * 3, math.pi / 2, round(math.pi, 2))
probs = [0.7, 0.2, 0.1]
entropy = -sum(p * math.log(p, 2) for p in probs)
print(entropy)
logits = [2.0, 1.0, 0.1]
exps = [math.exp(z) for z in logits]
print([e / sum(exps) for e in exps])
print(math.inf - math.inf == math.inf - math.inf, min(math.inf, 3), -math.inf < -1e308)
