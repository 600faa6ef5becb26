#!/usr/bin/env python3
"""Expected outputs of the array programs run as Quill cells (QuillPython's Arrays, end to end).

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/array_programs.py

Reference versions of the committed outputs: CPython 3.11, numpy 2.4.6, torch 2.15.0 (CPU).

For every Tests/QuillPythonTests/Fixtures/arrays/programs/NAME.py, runs it as a script and writes NAME.json:
  {"stdout": what it printed, "error": the last line of the traceback ("IndexError: ...") or null}.
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROGRAMS = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "arrays", "programs")

for path in sorted(glob.glob(os.path.join(PROGRAMS, "*.py"))):
    run = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=PROGRAMS)
    lines = run.stderr.strip().splitlines()
    error = lines[-1] if run.returncode != 0 and lines else None
    with open(path[:-3] + ".json", "w") as f:
        json.dump({"stdout": run.stdout, "error": error}, f, indent=1)
        f.write("\n")
    print(os.path.basename(path), "error:" if error else "ok", error or "", file=sys.stderr)
