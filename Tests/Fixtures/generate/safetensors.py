#!/usr/bin/env python3
"""Golden safetensors fixtures for Tests/TensorsTests, written by the real Python `safetensors` package.

Run by a human from the package root:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/safetensors.py
Written with safetensors 0.8.0, torch 2.15.0, numpy 2.4.6. No randomness (fixed values only, seed unused).

Outputs (in Tests/TensorsTests/Fixtures/):
  golden.safetensors         F32, F16, BF16 (special values), F64, I64, a 0-dim scalar, an empty tensor, metadata
  golden.expected.json       per tensor: dtype, shape, and the expected Float32 values as uint32 bit patterns
                             (torch's own `.to(torch.float32)`), so NaN payloads, -0.0 and infinities compare exactly
  sharded/model-0000{1,2}-of-00002.safetensors + sharded/model.safetensors.index.json
  sharded.expected.json      the same, for the merged view
"""
import json
import os
import struct
import sys

# This script is itself named safetensors.py: keep its folder off the import path so `import safetensors` finds the package.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import numpy as np
import safetensors
import torch
from safetensors.torch import save_file

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "TensorsTests", "Fixtures")

# Half bit patterns: ±0, smallest and largest subnormal, smallest normal, 1, max finite, ±inf, a quiet NaN, a
# signaling NaN (payload 1), a negative NaN with payload, 0.1, -2.5.
HALF_BITS = [0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0x7C01, 0xFE55,
             0x2E66, 0xC100]
# bfloat16 bit patterns: ±0, smallest subnormal, largest subnormal, smallest normal, 1, max finite, ±inf, quiet NaN,
# signaling NaN, 0.1 (rounded), -2.5.
BF16_BITS = [0x0000, 0x8000, 0x0001, 0x007F, 0x0080, 0x3F80, 0x7F7F, 0x7F80, 0xFF80, 0x7FC0, 0x7F81, 0x3DCD, 0xC020]


def from_bits(bits, dtype):
    return torch.tensor(np.array(bits, dtype=np.uint16).view(np.int16)).view(dtype)


def golden_tensors():
    return {
        "f32": torch.tensor([[0.0, -0.0, 1.0], [float.fromhex("0x1p-149"), float("inf"), -3.25]], dtype=torch.float32),
        "f16": from_bits(HALF_BITS, torch.float16).reshape(2, 7),
        "bf16": from_bits(BF16_BITS, torch.bfloat16),
        "f64": torch.tensor([0.1, -1e300, 1e-320, 2.0 ** -150 * 3], dtype=torch.float64),
        "ids": torch.tensor([0, 1, -2], dtype=torch.int64),
        "scalar": torch.tensor(3.5, dtype=torch.float32),
        "empty": torch.zeros((2, 0), dtype=torch.float32),
        "encoder.layer.0.attention.self.query.weight": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8,
    }


def expected(tensors):
    out = {}
    for name, t in tensors.items():
        entry = {"dtype": str(t.dtype).removeprefix("torch."), "shape": list(t.shape)}
        if t.is_floating_point():
            f = t.to(torch.float32).contiguous().numpy().reshape(-1)
            entry["bits"] = [int(b) for b in f.view(np.uint32)]
        out[name] = entry
    return out


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    os.makedirs(os.path.join(OUT, "sharded"), exist_ok=True)
    tensors = golden_tensors()
    save_file(tensors, os.path.join(OUT, "golden.safetensors"), metadata={"format": "pt", "note": "golden ✓"})
    write_json(os.path.join(OUT, "golden.expected.json"), expected(tensors))

    shard_a = {"embeddings.weight": torch.arange(6, dtype=torch.float32).reshape(2, 3),
               "layer.0.bias": torch.tensor([1.5, -0.5], dtype=torch.float16)}
    shard_b = {"layer.1.weight": torch.tensor([[0.25, 8.0]], dtype=torch.bfloat16)}
    names = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
    weight_map = {}
    total = 0
    for shard, name in zip([shard_a, shard_b], names):
        save_file(shard, os.path.join(OUT, "sharded", name), metadata={"format": "pt"})
        for key, t in shard.items():
            weight_map[key] = name
            total += t.numel() * t.element_size()
    write_json(os.path.join(OUT, "sharded", "model.safetensors.index.json"),
               {"metadata": {"total_size": total}, "weight_map": weight_map})
    write_json(os.path.join(OUT, "sharded.expected.json"), expected({**shard_a, **shard_b}))

    with open(os.path.join(OUT, "golden.safetensors"), "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
    print(f"safetensors {safetensors.__version__}, torch {torch.__version__}, numpy {np.__version__}; header {n} bytes")


if __name__ == "__main__":
    main()
