#!/usr/bin/env python3
"""The text forms of heatmap, bar_chart and scatter (PCA included) and their errors, for FigureTests.

Run by humans, never by tests:
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/figures.py

Reference: numpy 2.x and torch 2.15.0 (CPU) in ~/.venvs/ref, with the figure functions of the reference oracle
(scripts/reference/quill_figures.py). Writes Tests/NotebookTests/Fixtures/figures.json: a list of cases, each with
the cell's "code" and what CPython printed ("output") or the exception it raised ("error": "TypeError: ...").
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import contextlib
import io
import json
import os
import types

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "NotebookTests", "Fixtures", "figures.json")
sys.path.insert(0, os.path.join(ROOT, "scripts", "reference"))
import quill_figures  # noqa: E402

CASES = {
    "heatmap of a list": 'heatmap([[1, 0.5], [0.25, -0.125]], rows=["a", "b"], columns=["x", "y"], title="T")',
    "heatmap of a numpy array": "import numpy as np\nheatmap(np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]))",
    "heatmap of a torch tensor": "import torch\nheatmap(torch.tensor([[1.0, -1.0], [0.0, 2.5]]), title='tensor')",
    "heatmap via the quill module": "from quill import heatmap\nheatmap([[3]])",
    "heatmap after printing": 'print("before")\nheatmap([[1, 2]], columns=["c1", "c2"])\nprint("after")',
    "bar chart": 'bar_chart(["one", "two", "three"], [0.5, -0.25, 1.5], title="Bars")',
    "bar chart of an array": "import numpy as np\nbar_chart(('a', 'b'), np.array([1.0, 2.0]))",
    "scatter in 2-D": 'scatter([[0, 0], [1, 2], [-1, 0.5]], labels=["o", "p", "q"])',
    "scatter with PCA": (
        "import numpy as np\n"
        "points = np.array([[1.0, 2.0, 0.0, 1.0], [0.0, 1.0, 3.0, 1.0], [2.0, 0.5, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0],"
        " [0.5, -1.0, 2.0, 3.0]])\n"
        "scatter(points, labels=['p', 'q', 'r', 's', 't'], title='PCA')"),
    "scatter with PCA of more dimensions than points": (
        "import torch\n"
        "scatter(torch.tensor([[1.0, 0.0, 0.0, 2.0, 1.0, 0.5], [0.0, 1.0, 0.0, 1.0, -1.0, 0.0],"
        " [0.0, 0.0, 1.0, 0.5, 0.0, 2.0]]))"),
    "scatter of identical points": "scatter([[1, 2, 3], [1, 2, 3]])",
    "ragged matrix": "heatmap([[1, 2], [3]])",
    "matrix of strings": 'heatmap([["a", "b"]])',
    "vector for a heatmap": "heatmap([1, 2, 3])",
    "heatmap of a number": "heatmap(3)",
    "wrong row labels": 'heatmap([[1, 2], [3, 4]], rows=["only one"])',
    "labels as a string": 'bar_chart("ab", [1, 2])',
    "bar labels count": 'bar_chart(["a"], [1, 2])',
    "nested bar values": 'bar_chart(["a"], [[1]])',
    "scatter in 1-D": "scatter([[1], [2]])",
    "not finite": 'heatmap([[float("nan")]])',
    "empty matrix": "heatmap([])",
}


def run(code):
    module = types.ModuleType("quill")
    for name, function in quill_figures.FUNCTIONS.items():
        setattr(module, name, function)
    sys.modules["quill"] = module
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            exec(code, {"__name__": "__main__", **quill_figures.FUNCTIONS})
    except Exception as error:  # the error cases
        return {"error": f"{type(error).__name__}: {error}"}
    return {"output": buffer.getvalue()}


def main():
    cases = [{"name": name, "code": code, **run(code)} for name, code in CASES.items()]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
