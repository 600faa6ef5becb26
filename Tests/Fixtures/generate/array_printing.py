#!/usr/bin/env python3
"""Golden fixtures for printing numpy arrays and torch tensors (QuillPython's Arrays).

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/array_printing.py

Reference versions of the committed fixtures: numpy 2.4.6, torch 2.15.0 (CPU), default print options.
Deterministic: a seeded numpy Generator draws every array.

Writes Tests/QuillPythonTests/Fixtures/arrays/printing.json:
  {"numpy": ..., "torch": ..., "cases": [case, ...]} where each case is
    "dtype": "float32" | "float64" | "int64" | "int32" | "bool",
    "shape": [..],
    "data":  base64 of the values in C order, little-endian (4 bytes for float32/int32, 8 for float64/int64,
             1 for bool), so that every float keeps its exact bit pattern (negative zeros, NaN, subnormals);
             or, for arrays of more than 1,000 elements (which print summarised):
    "edges": the same for the elements a summarised print shows (along every axis longer than 6, the first and
             last 3), in C order, and "fill": the one value every other element holds (chosen to change the
             format if a printer counted it),
    "np_str", "np_repr": str(a) and repr(a) of the numpy array,
    "sc_str", "sc_repr": for 0-d arrays only, str and repr of the numpy scalar a[()] (np.float32(0.5), ...),
    "torch": str(torch.from_numpy(a)) (repr is the same string; the script checks).
"""
import base64
import json
import os
import sys

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "arrays", "printing.json")

rng = np.random.default_rng(20250613)


def magnitudes(n):
    """Floats of one of many shapes of distribution: the printers switch formats on min, max and their ratio."""
    kind = rng.choice(["unit", "pos", "normal", "embedding", "wide", "ints", "dyadic", "rounded", "edge",
                       "tiny", "huge", "ratio", "const"],
                      p=[.14, .06, .14, .10, .10, .08, .08, .10, .06, .03, .03, .05, .03])
    if kind == "unit":
        return rng.uniform(-1, 1, n)
    if kind == "pos":
        return rng.uniform(0, 1, n)
    if kind == "normal":
        return rng.normal(0, 1, n) * 10.0 ** rng.integers(-9, 10)
    if kind == "embedding":
        return rng.normal(0, 0.05, n)
    if kind == "wide":
        lo, hi = sorted(rng.integers(-40, 40, 2))
        return rng.choice([-1, 1], n) * 10.0 ** rng.uniform(lo, hi + 1, n)
    if kind == "ints":
        return rng.integers(-10 ** int(rng.integers(1, 10)), 10 ** int(rng.integers(1, 10)), n).astype(float)
    if kind == "dyadic":
        # Exact binary fractions: ties for round-half-even at 4 decimals (0.03125 -> 0.0312).
        return rng.integers(-4096, 4096, n) / 2.0 ** int(rng.integers(0, 16))
    if kind == "rounded":
        return np.round(rng.uniform(-100, 100, n), int(rng.integers(0, 7)))
    if kind == "edge":
        # Around the switches: 1e-4 (both), 1e6 (numpy float32), 1e8 (numpy float64, torch), 1e16 (scalars).
        base = rng.choice([1e-4, 1e6, 1e8, 1e16, 1e3, 1.0])
        return base * rng.choice([1.0, 0.9999999, 1.0000001, 0.5, 2.0, 0.99, 1.01], n)
    if kind == "tiny":
        return rng.choice([-1, 1], n) * 10.0 ** rng.uniform(-46, -36, n)
    if kind == "huge":
        return rng.choice([-1, 1], n) * 10.0 ** rng.uniform(30, 39, n)
    if kind == "ratio":
        # min and max around a ratio of 1000.
        low = 10.0 ** rng.uniform(-3, 3)
        return low * rng.choice([1.0, 1000.0, 1000.0001, 999.9999, 1001.0, 10.0], n)
    return np.full(n, rng.choice([0.0, -0.0, 1.0, 0.5, 3.0, 100.0, 1e-5]))


def sprinkle(values):
    """Now and then some zeros, negative zeros, NaNs and infinities."""
    if values.size and rng.random() < 0.25:
        count = int(rng.integers(1, max(2, values.size // 3) + 1))
        where = rng.integers(0, values.size, count)
        values[where] = rng.choice([0.0, -0.0, np.nan, np.inf, -np.inf], count)
    return values


def shape():
    r = rng.random()
    if r < 0.10:
        return ()
    if r < 0.62:
        s = rng.random()
        if s < 0.75:
            return (int(rng.integers(0, 13)),)
        if s < 0.95:
            return (int(rng.integers(13, 100)),)
        if s < 0.975:
            return (int(rng.integers(100, 1001)),)
        return (int(rng.integers(1001, 1500)),)
    if r < 0.93:
        s = rng.random()
        if s < 0.80:
            return (int(rng.integers(0, 7)), int(rng.integers(0, 9)))
        if s < 0.94:
            return (int(rng.integers(1, 16)), int(rng.integers(1, 30)))
        return [(3, 384), (1, 1001), (1001, 1), (2, 600), (40, 30), (7, 200), (1, 384)][int(rng.integers(0, 7))]
    if rng.random() < 0.85:
        return tuple(int(rng.integers(0, 5)) for _ in range(3))
    return (11, 11, 11) if rng.random() < 0.5 else (2, 3, 200)


def array(dtype, dims):
    n = int(np.prod(dims)) if dims else 1
    if dtype in ("float32", "float64"):
        with np.errstate(over="ignore"):
            return sprinkle(magnitudes(n)).astype(dtype).reshape(dims)
    if dtype == "bool":
        return (rng.random(n) < rng.random()).reshape(dims)
    # Quill holds elements as Double: int64 elements are exact up to 2^53.
    top = {"int64": 2 ** 53, "int32": 2 ** 31 - 1}[dtype]
    bound = int(min(top, 10 ** int(rng.integers(1, 20))))
    low = -bound if rng.random() < 0.6 else 0
    return rng.integers(low, bound, n, dtype=dtype, endpoint=True).reshape(dims)


def edge_mask(dims):
    """The elements a summarised print shows: along every axis longer than 6, the first and last 3."""
    mask = np.ones(dims, dtype=bool)
    for axis, length in enumerate(dims):
        if length > 6:
            keep = np.zeros(length, dtype=bool)
            keep[:3] = keep[-3:] = True
            mask &= keep.reshape([-1 if i == axis else 1 for i in range(len(dims))])
    return mask


def fill_value(dtype):
    """A value for the hidden middle of a summarised array that would change the format if it were counted."""
    if dtype == "bool":
        return bool(rng.random() < 0.5)
    if dtype == "int64":
        return int(rng.choice([-10 ** 15, 10 ** 12, 0]))
    if dtype == "int32":
        return int(rng.choice([-2 ** 31, 2 ** 31 - 1, 0]))
    return float(rng.choice([1e30, -1e-30, np.nan, np.inf, 12345.678, 1e-7, 0.0, -0.0]))


def encode(values):
    return base64.b64encode(np.ascontiguousarray(values).astype(values.dtype.newbyteorder("<")).tobytes()).decode()


def case(a):
    c = {"dtype": str(a.dtype), "shape": list(a.shape)}
    if a.size > 1000:
        # Stored compactly: the shown elements in C order, and one value for all the others.
        mask = edge_mask(a.shape)
        a[~mask] = fill_value(c["dtype"])
        c["edges"] = encode(a[mask])
        c["fill"] = encode(a[~mask][:1])
    else:
        c["data"] = encode(a)
    c["np_str"] = str(a)
    c["np_repr"] = repr(a)
    if a.ndim == 0:
        c["sc_str"] = str(a[()])
        c["sc_repr"] = repr(a[()])
    t = torch.from_numpy(np.array(a, order="C"))  # (np.ascontiguousarray makes 0-d arrays 1-d)
    c["torch"] = str(t)
    assert repr(t) == c["torch"]
    return c


def main():
    cases = []
    # Hand-picked values first: the issue's own examples and the switches' boundaries.
    for values, dtype in [([8.607139, 5.506266, 6.352977], "float32"), (0.4579, "float32"), ([[1.0, 0.666], [0.666, 1.0]], "float32"),
                          ([1.0, 2.0], "float32"), ([-0.0, 1.5], "float32"), ([0.0, np.nan], "float32"),
                          ([1e-4, 1.0], "float32"), ([1e-4, 1.0], "float64"), ([1e6, 1.0], "float32"),
                          ([999999.94, 1.0], "float32"), ([1e8, 1.0], "float64"), ([1.5e-5, 1.2345678e-5], "float32"),
                          ([1.0, 1000.0], "float32"), ([1.0, 1000.0001], "float32"), ([1.0, 1000.0001], "float64"),
                          ([0.1, 0.123456789], "float32"), ([np.inf, -np.inf, np.nan], "float32"),
                          (1e16, "float64"), (1e16, "float32"), (1e-4, "float32"), (1e-4, "float64"), (123456.7, "float32"),
                          (-0.0, "float32"), (np.nan, "float64"), (3, "int64"), (True, "bool"), (-7, "int32")]:
        cases.append(case(np.array(values, dtype=dtype)))
    # Random ones, with at most 20 arrays of 101 to 1,000 elements (whose prints are long) and 350 of 13 to 100.
    room = {100: 350, 1000: 20}
    while len(cases) < 3000:
        dims = shape()
        size = int(np.prod(dims))
        bucket = 100 if 12 < size <= 100 else 1000 if 100 < size <= 1000 else None
        if bucket:
            if room[bucket] == 0:
                continue
            room[bucket] -= 1
        dtype = rng.choice(["float32", "float64", "int64", "int32", "bool"], p=[.6, .2, .1, .05, .05])
        cases.append(case(array(str(dtype), dims)))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
