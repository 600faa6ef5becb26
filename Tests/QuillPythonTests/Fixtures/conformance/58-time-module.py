# Timing code as tutorials write it: the clocks' types and order, and sleep's lower bound (never the times).
import time

start = time.perf_counter()
time.sleep(0.02)
elapsed = time.perf_counter() - start
print(elapsed >= 0.02, elapsed < 5)

t0, t1 = time.monotonic(), time.monotonic()
print(t1 >= t0, type(t0).__name__, type(time.monotonic_ns()).__name__)
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time() > 1.7e9)
print(abs(time.time_ns() / 1e9 - time.time()) < 1)
print(type(time.process_time()).__name__, time.process_time_ns() >= 0, time.perf_counter_ns() > 0)
print(time.sleep(0), time.sleep(False), time.sleep(1e-3))

from time import perf_counter
begin = perf_counter()
total = sum(i * i for i in range(1000))
print(total, f"{perf_counter() - begin:.0f}")
