#!/usr/bin/env python3
"""torch.topk's order on tie-heavy inputs, for Quill's TorchTopK (libstdc++'s algorithms step for step).

Run by humans, never by tests:
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/st_topk.py

Reference: torch 2.15.0 (CPU). Writes Tests/QuillPythonTests/Fixtures/st/topk.json: a list of cases
{values, k, largest, sorted, indices}. Values are small integers (many ties; null for NaN);
sizes straddle torch's switch between partial sort (k * 64 <= n) and nth_element, and libstdc++'s thresholds
(insertion sort below 16 elements, 3 for nth_element).
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import json
import math
import os
import random

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "st", "topk.json")


def main():
    rng = random.Random(2026)
    cases = []
    for _ in range(240):
        n = rng.choice([1, 2, 3, 4, 5, 8, 16, 17, 20, 33, 64, 65, 100, 130, 200, 257, 400])
        k = rng.randint(1, min(n, rng.choice([1, 2, 3, 5, 10, 40, n])))
        distinct = rng.choice([1, 2, 3, 5, 20, 1000])
        values = [float(rng.randint(0, distinct)) for _ in range(n)]
        if rng.random() < 0.1:
            values[rng.randrange(n)] = math.nan
        largest = rng.random() < 0.8
        sorted_ = rng.random() < 0.5
        v, i = torch.topk(torch.tensor(values, dtype=torch.float32), k, largest=largest, sorted=sorted_)
        cases.append({"values": [None if math.isnan(x) else int(x) for x in values], "k": k, "largest": largest,
                      "sorted": sorted_, "indices": i.tolist()})
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: {len(cases)} cases")


if __name__ == "__main__":
    main()
