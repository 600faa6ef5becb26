#!/usr/bin/env python3
"""How papermill reads `-p NAME VALUE`, for Quill's `-p NAME=VALUE` and front matter params (ParamsTests).

Run by humans, never by tests, in a venv with papermill (not the shared reference venv):
    python3 -m venv ~/.venvs/checks && ~/.venvs/checks/bin/pip install papermill==2.7.0
    ~/.venvs/checks/bin/python Tests/Fixtures/generate/params_papermill.py

Reference: papermill 2.7.0 (papermill.cli._resolve_type), CPython 3.11. Writes
Tests/NotebookTests/Fixtures/params_papermill.json: for each input text, the type papermill gives it
(bool, NoneType, int, float, str) and the value's repr, which is also what a cell printing repr(value) shows.
"""
import json
import os
import sys

import papermill
from papermill.cli import _resolve_type

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "NotebookTests", "Fixtures", "params_papermill.json")

INPUTS = [
    "True", "False", "None", "true", "false", "none", "TRUE", " True",
    "0", "7", "-7", "+7", "007", "-0", "1_000", "1__000", "_1", "1_", " 42 ", "\t42\n",
    "123456789012345678901234567890", "0x10", "0b1", "1e3", "١٢٣",
    "0.5", ".5", "5.", "-0.5", "+.5e-3", "1e-05", "1E5", "1_0.5", "1.5_0", "0.1", "1e16", "1e22", "123456789.125",
    "inf", "-inf", "Infinity", "nan", "NaN", "-nan", " 2.5 ", "1e", "e5", ".", "-", "",
    "all-MiniLM-L6-v2", "cross-encoder/stsb-roberta-base", "./models/x", "hello world", "it's", 'say "hi"',
    "back\\slash", "3 pairs", "0.5.1", "1,000", "１２", "٣.٥",
]


def main():
    cases = []
    for text in INPUTS:
        value = _resolve_type(text)
        cases.append({"input": text, "type": type(value).__name__, "repr": repr(value)})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"papermill": papermill.__version__, "python": sys.version.split()[0], "cases": cases}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
