#!/usr/bin/env python3
"""Golden fixtures for what numpy arrays and torch tensors do (QuillPython's Arrays): arithmetic and comparison
with dtype promotion and broadcasting, reductions, indexing, sorting, rounding, reshaping, tolist, and their errors.

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/array_behaviour.py

Reference versions of the committed fixtures: numpy 2.4.6, torch 2.15.0 (CPU). Deterministic (seeded).

Writes Tests/QuillPythonTests/Fixtures/arrays/behaviour.json: {"cases": [case, ...]}, each case
    "lib": "numpy" | "torch",
    "a": operand, and for binary operations "b": operand, where an operand is
         {"dtype", "shape", "data"} (base64 little-endian elements, as in printing.json) for an array or tensor,
         plus "scalar": true for a numpy scalar (np.float32(...)), or
         {"float": repr} / {"int": n} / {"bool": b} for a Python number, or {"list": [...]} for a Python list,
    "op": one of
         "binary" with "operator" (+ - * / // % ** @) and "reflected" (the operand b on the left),
         "compare" with "operator" (== != < <= > >=),
         "unary" with "operator" (- ~),
         "reduce" with "name" (sum mean max min argmax argmin) and "axis" (null for all elements),
         "index" with "index": a list of components {"int": i} / {"slice": [start, stop, step]} / {"list": [...]} /
                  {"none": true} / {"ellipsis": true}, applied as a[c0, c1, ...] (a single component: a[c0]),
         "argsort" (numpy: np.argsort(a, axis=-1); torch: torch.argsort(a, dim=-1, descending)),
         "topk" with "k" and "largest", "sort" with "descending" (torch),
         "round" with "decimals", "reshape" with "shape", "transpose", "tolist", "item",
    "out": repr(result), or "!ExceptionType: message" when the reference raises.
Elements are drawn distinct where an order depends on them (sorting, argmax), because both libraries order ties
their own way.
"""
import base64
import json
import os
import sys

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "arrays", "behaviour.json")

rng = np.random.default_rng(20250614)
DTYPES = ["float32", "float64", "int64", "int32", "bool"]


def values(dtype, n, distinct=False, small_ints=False):
    if small_ints and dtype != "bool":
        return rng.integers(-9, 10, n).astype(dtype)
    if dtype == "bool":
        return rng.random(n) < 0.5
    if dtype in ("int64", "int32"):
        if distinct:
            return rng.permutation(np.arange(-n * 3, n * 3))[:n].astype(dtype)
        return rng.integers(-20, 20, n).astype(dtype)
    scale = 10.0 ** rng.integers(-3, 4)
    v = rng.normal(0, scale, n)
    if not distinct and rng.random() < 0.2 and n:
        v[rng.integers(0, n)] = rng.choice([0.0, -0.0, 0.5, 2.0])
    return v.astype(dtype)


def shape(large=False):
    """Small shapes; with `large`, also lengths past numpy's 8-wide and 128-long summation blocks."""
    shapes = [(), (1,), (3,), (5,), (2, 3), (3, 2), (1, 3), (3, 1), (4, 4), (2, 2, 3)]
    if large:
        shapes += [(13,), (130,), (300,), (3, 150), (150, 3), (20, 40), (2, 9, 33), (1100,)]
    return shapes[int(rng.integers(0, len(shapes)))]


def array(dtype, dims, distinct=False, small_ints=False):
    n = int(np.prod(dims)) if dims else 1
    return values(dtype, n, distinct, small_ints).reshape(dims)


def encode(a):
    data = base64.b64encode(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()).decode()
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": data}


def as_library(a, lib):
    return a if lib == "numpy" else torch.from_numpy(np.array(a, order="C"))


def outcome(f):
    try:
        return repr(f())
    except Exception as e:  # the reference's error, as Quill must raise it
        return f"!{type(e).__name__}: {e}"


def python_scalar():
    kind = rng.choice(["float", "int", "bool"], p=[0.6, 0.3, 0.1])
    if kind == "float":
        x = float(rng.choice([0.5, 2.0, -1.5, 0.1, 3.0, 1e-3, 0.0]))
        return {"float": repr(x)}, x
    if kind == "int":
        x = int(rng.choice([2, -3, 0, 1, 7]))
        return {"int": x}, x
    x = bool(rng.random() < 0.5)
    return {"bool": x}, x


def binary_cases(lib, cases):
    count = 0
    while count < 700:
        op = rng.choice(["+", "-", "*", "/", "//", "%", "**", "@"], p=[.2, .15, .2, .15, .08, .08, .07, .07])
        ta = str(rng.choice(DTYPES, p=[.5, .15, .15, .1, .1]))
        # Products are sums: small integers keep them exact whatever order BLAS adds in (and integer powers
        # within int64).
        small = op in ("@", "**")
        a = array(ta, shape(), small_ints=small)
        kind = rng.choice(["scalar", "array", "row", "list", "numpy_scalar"], p=[.4, .25, .15, .1, .1])
        if kind == "scalar":
            bspec, b = python_scalar()
        elif kind == "list":
            b = [float(x) for x in values("float64", a.shape[-1] if a.ndim else 1)]
            bspec = {"list": [repr(x) for x in b]}
        else:
            tb = str(rng.choice(DTYPES, p=[.5, .15, .15, .1, .1]))
            dims = a.shape if kind == "array" else a.shape[-1:] if kind == "row" else ()
            if op == "@":
                dims = a.shape[::-1] if rng.random() < 0.7 else shape()
            b = array(tb, dims, small_ints=small)
            bspec = encode(b)
            if kind == "numpy_scalar":
                b = b[()]
                bspec["scalar"] = True
            b = as_library(b, lib) if not isinstance(b, np.generic) or lib == "numpy" else torch.tensor(b)
        if lib == "numpy" and op in ("//", "%", "**") and ta == "bool" and bspec.get("dtype", "bool" if "bool" in bspec else None) == "bool":
            continue  # numpy gives int8 there, which Quill does not have
        count += 1
        reflected = bool(rng.random() < 0.3)
        x = as_library(a, lib)
        f = {"+": lambda p, q: p + q, "-": lambda p, q: p - q, "*": lambda p, q: p * q, "/": lambda p, q: p / q,
             "//": lambda p, q: p // q, "%": lambda p, q: p % q, "**": lambda p, q: p ** q, "@": lambda p, q: p @ q}[op]
        with np.errstate(all="ignore"):
            out = outcome(lambda: f(b, x) if reflected else f(x, b))
        cases.append({"lib": lib, "a": encode(a), "b": bspec, "op": "binary", "operator": op, "reflected": reflected,
                      "out": out})


def other_cases(lib, cases):
    for _ in range(250):
        op = str(rng.choice([">", "<", "==", "!=", ">=", "<="]))
        a = array(str(rng.choice(DTYPES[:4])), shape())
        bspec, b = python_scalar()
        x = as_library(a, lib)
        out = outcome(lambda: {">": x > b, "<": x < b, "==": x == b, "!=": x != b, ">=": x >= b, "<=": x <= b}[op])
        cases.append({"lib": lib, "a": encode(a), "b": bspec, "op": "compare", "operator": op, "out": out})
    for _ in range(60):
        op = str(rng.choice(["-", "~"]))
        a = array(str(rng.choice(DTYPES)), shape())
        x = as_library(a, lib)
        cases.append({"lib": lib, "a": encode(a), "op": "unary", "operator": op,
                      "out": outcome(lambda: -x if op == "-" else ~x)})
    for _ in range(400):
        name = str(rng.choice(["sum", "mean", "max", "min", "argmax", "argmin"]))
        dims = shape(large=name in ("sum", "mean"))
        dtype = str(rng.choice(DTYPES[:4], p=[.6, .2, .1, .1]))
        a = array(dtype, dims, distinct=name.startswith("arg"))
        axis = None if rng.random() < 0.4 else int(rng.integers(-len(dims) - 1, len(dims) + 1)) if dims else 0
        x = as_library(a, lib)
        if lib == "numpy":
            out = outcome(lambda: getattr(x, name)(axis=axis))
        else:
            out = outcome(lambda: getattr(x, name)() if axis is None else getattr(x, name)(dim=axis))
        cases.append({"lib": lib, "a": encode(a), "op": "reduce", "name": name, "axis": axis, "out": out})
    for _ in range(300):
        dims = shape()
        a = array(str(rng.choice(DTYPES)), dims)
        components, index = [], []
        for axis in range(int(rng.integers(1, len(dims) + 2)) if dims else 1):
            length = dims[axis] if axis < len(dims) else 3
            kind = rng.choice(["int", "slice", "list", "none", "ellipsis"], p=[.45, .35, .08, .06, .06])
            if kind == "int":
                i = int(rng.integers(-length - 1, length + 1))
                components.append({"int": i}); index.append(i)
            elif kind == "slice":
                parts = [None if rng.random() < 0.4 else int(rng.integers(-length - 1, length + 2)) for _ in range(2)]
                step = None if rng.random() < 0.6 else int(rng.choice([1, 2, -1, -2, 3]))
                components.append({"slice": parts + [step]}); index.append(slice(parts[0], parts[1], step))
            elif kind == "list":
                items = [int(i) for i in rng.integers(-length, length, int(rng.integers(1, 4)))] if length else []
                components.append({"list": items}); index.append(items)
            elif kind == "none":
                components.append({"none": True}); index.append(None)
            else:
                components.append({"ellipsis": True}); index.append(Ellipsis)
        x = as_library(a, lib)
        key = index[0] if len(index) == 1 else tuple(index)
        cases.append({"lib": lib, "a": encode(a), "op": "index", "index": components, "out": outcome(lambda: x[key])})
    for _ in range(120):
        dims = [(5,), (2, 4), (3, 3), (1,), (6,)][int(rng.integers(0, 5))]
        a = array(str(rng.choice(["float32", "float64", "int64"])), dims, distinct=True)
        x = as_library(a, lib)
        op = str(rng.choice(["argsort", "topk", "sort"] if lib == "torch" else ["argsort"]))
        case = {"lib": lib, "a": encode(a), "op": op}
        if op == "argsort":
            descending = lib == "torch" and bool(rng.random() < 0.5)
            case["descending"] = descending
            case["out"] = outcome(lambda: np.argsort(x) if lib == "numpy" else torch.argsort(x, descending=descending))
        elif op == "topk":
            k = int(rng.integers(0, dims[-1] + 2))
            largest = bool(rng.random() < 0.8)
            case.update(k=k, largest=largest, out=outcome(lambda: torch.topk(x, k, largest=largest)))
        else:
            descending = bool(rng.random() < 0.5)
            case.update(descending=descending, out=outcome(lambda: torch.sort(x, descending=descending)))
        cases.append(case)
    for _ in range(80):
        a = array(str(rng.choice(["float32", "float64"])), shape())
        decimals = int(rng.integers(-1, 4))
        x = as_library(a, lib)
        out = outcome(lambda: np.round(x, decimals) if lib == "numpy" else torch.round(x, decimals=decimals))
        cases.append({"lib": lib, "a": encode(a), "op": "round", "decimals": decimals, "out": out})
    for _ in range(60):
        dims = shape()
        a = array(str(rng.choice(DTYPES)), dims)
        x = as_library(a, lib)
        op = str(rng.choice(["reshape", "transpose", "tolist", "item"]))
        case = {"lib": lib, "a": encode(a), "op": op}
        if op == "reshape":
            n = int(np.prod(dims)) if dims else 1
            target = [(-1,), (n,), (1, -1), (-1, 1), (2, -1), (n, 1, 1), (-1, -1)][int(rng.integers(0, 7))]
            case.update(shape=list(target), out=outcome(lambda: x.reshape(target)))
        else:
            case["out"] = outcome(lambda: x.T if op == "transpose" else getattr(x, op)())
        cases.append(case)


def main():
    cases = []
    for lib in ("numpy", "torch"):
        binary_cases(lib, cases)
        other_cases(lib, cases)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"numpy": np.__version__, "torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
