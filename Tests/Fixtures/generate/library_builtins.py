#!/usr/bin/env python3
# Generates builtins.json: calls of Python's builtins, list and dict methods, and the math, json and csv modules,
# with CPython 3.11's results (repr) or errors ("TypeError: message"), for LibraryBuiltinsTests. The cases are in
# library/builtins_cases.py, methods_cases.py, math_cases.py, json_cases.py and csv_cases.py (beside this script).
# Run with CPython 3.11: python3 Tests/Fixtures/generate/library_builtins.py
# Writes Tests/QuillPythonTests/Fixtures/library/builtins.json.
import builtins, io, json, contextlib, sys, math, importlib, os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "library")
OUT = os.path.join(HERE, "..", "..", "QuillPythonTests", "Fixtures", "library", "builtins.json")

assert sys.version_info[:2] == (3, 11), "expected outputs come from CPython 3.11"

class B:
    """A builtin passed as an argument (key=len)."""
    def __init__(self, name): self.name = name
    def value(self):
        first, *rest = self.name.split(".")
        obj = getattr(builtins, first) if hasattr(builtins, first) else importlib.import_module(first)
        for part in rest: obj = getattr(obj, part)
        return obj

def encode(v):
    if isinstance(v, B): return {"builtin": v.name}
    if v is None: return {"none": None}
    if isinstance(v, bool): return {"bool": v}
    if isinstance(v, int): return {"int": str(v)}
    if isinstance(v, float): return {"float": repr(v)}
    if isinstance(v, str): return {"str": v}
    if isinstance(v, list): return {"list": [encode(x) for x in v]}
    if isinstance(v, tuple): return {"tuple": [encode(x) for x in v]}
    if isinstance(v, dict): return {"dict": [[encode(k), encode(x)] for k, x in v.items()]}
    raise TypeError(v)

def error(e):
    """CPython's last traceback line: the type (qualified outside builtins) and the message."""
    name = type(e).__name__ if type(e).__module__ == "builtins" else f"{type(e).__module__}.{type(e).__name__}"
    return f"{name}: {e}" if str(e) else name

def decode(v):
    if isinstance(v, B): return v.value()
    if isinstance(v, tuple): return tuple(decode(x) for x in v)
    if isinstance(v, list): return [decode(x) for x in v]
    return v

cases = []
def C(name, *args, then=None, **kwargs):
    """One call: name(*args, **kwargs), optionally passed through `then` (list, str, repr) before repr."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            r = B(name).value()(*[decode(a) for a in args], **{k: decode(v) for k, v in kwargs.items()})
            if then: r = getattr(builtins, then)(r)
        expected = repr(r)
    except Exception as e:
        expected = error(e)
    cases.append({"call": name, "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()], "then": then,
                  "expected": expected, "stdout": out.getvalue()})

def M(receiver, method, *args, then=None, **kwargs):
    """One method call on a fresh copy of `receiver`; expected: repr of the result, " | ", repr of the receiver."""
    obj = receiver.copy() if hasattr(receiver, "copy") else receiver
    try:
        r = getattr(obj, method)(*[decode(a) for a in args], **{k: decode(v) for k, v in kwargs.items()})
        if then: r = getattr(builtins, then)(r)
        expected = repr(r)
    except Exception as e:
        expected = error(e)
    cases.append({"method": method, "receiver": encode(receiver), "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()], "then": then,
                  "expected": expected + " | " + repr(obj), "stdout": ""})

nan, inf = float("nan"), float("inf")
exec(open(os.path.join(CASES, "builtins_cases.py")).read())
exec(open(os.path.join(CASES, "methods_cases.py")).read())
exec(open(os.path.join(CASES, "math_cases.py")).read())
exec(open(os.path.join(CASES, "json_cases.py")).read())
exec(open(os.path.join(CASES, "csv_cases.py")).read())

with open(OUT, "w") as f:
    f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n]\n")
print(f"{len(cases)} cases")
