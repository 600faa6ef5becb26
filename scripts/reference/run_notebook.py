#!/usr/bin/env python3
"""Runs a Quill notebook's cells in CPython with sentence-transformers: the reference for its expected output.

Quill cells are Python, so the reference runs the very code Quill runs: the cells of the notebook, in order, in one
shared namespace (as Jupyter and Quill share names across cells), with the notebook's folder as the current directory
(data files and relative model paths start there). Each cell's output is what it prints, as Quill compares it.

Model names resolve to local folders as Quill resolves them offline: a folder relative to the notebook, else
./models/NAME (or ./models/ORG/NAME) at the repository root, else the name as given (the Hugging Face cache; set
HF_HUB_OFFLINE=1 to stay offline).

Reference versions: sentence-transformers 6.2.0, torch 2.15.0 (CPU), numpy 2.x, in ~/.venvs/ref.

    ~/.venvs/ref/bin/python scripts/reference/run_notebook.py NOTEBOOK.md
        prints each cell's output after a '--- cell N (line L)' header;
    ~/.venvs/ref/bin/python scripts/reference/run_notebook.py --compare NOTEBOOK.md
        checks that the notebook's expected blocks are exactly this output (cells marked '#| check: false' are
        skipped); exit 1 on a difference;
    ~/.venvs/ref/bin/python scripts/reference/run_notebook.py --fill NOTEBOOK.md
        writes this output into the notebook's expected blocks (adding a block after a cell that has none).
"""

import builtins
import contextlib
import io
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


class Block:
    """A top-level fenced block: its info string, content, and the line numbers (1-based) of its fences."""

    def __init__(self, info, text, open_line, close_line):
        self.info, self.text, self.open_line, self.close_line = info, text, open_line, close_line


def is_cell(info):
    """The fences Quill runs: quill, python ... quill, and Quarto's {python}."""
    words = info.split()
    if not words:
        return False
    first = words[0]
    if first == "quill":
        return True
    if first == "python":
        return "quill" in words[1:]
    if first == "{python}":
        return True
    return (first == "{python" or first.startswith("{python,")) and words[-1].endswith("}")


def blocks(lines):
    """Top-level fenced blocks (a front matter block at the top skipped). Enough for notebooks without fences
    inside quotes or lists."""
    found, k = [], 0
    if lines and lines[0].rstrip() == "---":
        k = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    while k < len(lines):
        m = FENCE.match(lines[k])
        if not m or (m.group(2)[0] == "`" and "`" in m.group(3)):
            k += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
        body, j = [], k + 1
        while j < len(lines):
            close = lines[j].strip()
            if close and set(close) == {fence[0]} and len(close) >= len(fence) and len(lines[j]) - len(lines[j].lstrip(" ")) < 4:
                break
            body.append(lines[j][min(indent, len(lines[j]) - len(lines[j].lstrip(" "))):])
            j += 1
        found.append(Block(info, "".join(body), k + 1, j + 1))
        k = j + 1
    return found


def cells(path):
    """(cell block, its output block or None) for each cell, in file order."""
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    found = blocks(lines)
    result = []
    for i, block in enumerate(found):
        if not is_cell(block.info):
            continue
        output = None
        if i + 1 < len(found) and found[i + 1].info.split()[:1] == ["output"]:
            between = lines[block.close_line:found[i + 1].open_line - 1]
            if all(not line.strip() for line in between):
                output = found[i + 1]
        result.append((block, output))
    return result


def checked(source):
    """False for a cell marked '#| check: false' (volatile output)."""
    for line in source.splitlines():
        if not line.startswith("#|"):
            break
        if re.match(r"#\|\s*check\s*:\s*false\s*$", line):
            return False
    return True


def resolve_models(notebook_folder):
    """Makes SentenceTransformer and CrossEncoder find models as Quill does (see the module docstring)."""
    from sentence_transformers import CrossEncoder, SentenceTransformer

    def local(name):
        if not isinstance(name, str) or (notebook_folder / name).is_dir():
            return name
        parts = name.split("/")
        candidates = [ROOT / "models" / name]
        if len(parts) == 1 or parts[0] == "sentence-transformers":
            candidates.insert(0, ROOT / "models" / parts[-1])
        return next((str(c) for c in candidates if (c / "config.json").is_file()), name)

    for cls in (SentenceTransformer, CrossEncoder):
        original = cls.__init__

        def init(self, model_name_or_path=None, *args, _original=original, **kwargs):
            _original(self, local(model_name_or_path), *args, **kwargs)

        cls.__init__ = init


def table(value, rows=None, columns=None, format=".4f"):
    """Quill's table(...) (the quill module): a Markdown table of a 2-D tensor or array, a list of lists or tuples,
    a list of dicts (search hits) or a list of values. Arrays and tensors anywhere in the value are read as their
    tolist(). Floats are formatted with `format`, anything else with str(); columns whose every cell reads as a
    number align right. Rows are labelled 0, 1, ... (or `rows`), except a list of dicts without `rows`."""
    def plain(v):
        return v.tolist() if hasattr(v, "tolist") else v

    def text(v):
        v = plain(v)
        return builtins.format(v, format) if isinstance(v, float) else str(v)

    listed = plain(value)
    items = [plain(v) for v in (listed if isinstance(listed, list) else list(value))]
    records = bool(items) and isinstance(items[0], dict)
    if records:
        keys = list(items[0].keys())
        header = [str(k) for k in keys]
        body = [[text(item[k]) if isinstance(item, dict) and k in item else "" for k in keys] for item in items]
    elif any(isinstance(v, (list, tuple)) for v in items):
        cells = [list(v) if isinstance(v, (list, tuple, dict)) else [v] for v in items]
        width = max(len(c) for c in cells)
        header = [str(c) for c in range(width)]
        body = [[text(c) for c in row] + [""] * (width - len(row)) for row in cells]
    else:
        header = ["value"]
        body = [[text(v)] for v in items]
    if columns is not None:
        labels = [str(c) for c in columns]
        if len(labels) != len(header):
            raise ValueError(f"columns: {len(labels)} labels for {len(header)} columns")
        header = labels
    show_rows = rows is not None or not records
    if show_rows:
        labels = [str(r) for r in rows] if rows is not None else [str(i) for i in range(len(body))]
        if len(labels) != len(body):
            raise ValueError(f"rows: {len(labels)} labels for {len(body)} rows")
        header = [""] + header
        body = [[label] + cells for label, cells in zip(labels, body)]

    def number(s):
        try:
            float(s)
            return True
        except ValueError:
            return False

    numeric = [not (c == 0 and show_rows) and bool(body) and all(c < len(r) and number(r[c]) for r in body)
               for c in range(len(header))]

    def row(cells):
        escaped = [c.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " ") for c in cells]
        return "| " + " | ".join(escaped) + " |"

    lines = [row(header), "|" + "".join("---:|" if n else "---|" for n in numeric)] + [row(r) for r in body]
    print("\n".join(lines))


class Throughput:
    """What Quill's throughput(...) returns: the fastest of `repeat` runs."""

    def __init__(self, items, unit, repeat, seconds):
        self.items, self.unit, self.repeat, self.seconds = items, unit, repeat, seconds
        self.per_second = items / seconds if seconds > 0 else float("inf")

    def __repr__(self):
        return (f"Throughput(items={self.items!r}, unit={self.unit!r}, repeat={self.repeat!r}, "
                f"seconds={self.seconds!r}, per_second={self.per_second!r})")


def throughput(model, inputs, repeat=3):
    """Quill's throughput(...): a SentenceTransformer encodes sentences (both sentences of each pair), a
    CrossEncoder predicts pairs; one string or tuple is one input; the fastest of `repeat` runs."""
    import time
    from sentence_transformers import CrossEncoder, SentenceTransformer

    if type(repeat) is not int or not 1 <= repeat <= 1000:
        raise ValueError(f"throughput: repeat must be an int from 1 to 1000, got {repeat!r}")
    if not isinstance(model, (SentenceTransformer, CrossEncoder)):
        raise TypeError(f"throughput() needs a SentenceTransformer or a CrossEncoder, not {type(model).__name__}")
    inputs = [inputs] if isinstance(inputs, (str, tuple)) else list(inputs)
    if not inputs:
        raise ValueError("throughput: nothing to measure (no inputs)")
    pairs = isinstance(inputs[0], (tuple, list))
    if isinstance(model, CrossEncoder):
        work = lambda: model.predict(inputs)
    else:
        sentences = [s for pair in inputs for s in pair] if pairs else inputs
        work = lambda: model.encode(sentences)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return Throughput(len(inputs), "pairs" if pairs else "sentences", repeat, best)


def install_quill_module():
    """Quill's own builtins, as a `quill` module and as names every cell sees (a cell may rebind them)."""
    import types

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import quill_figures

    functions = {"table": table, "throughput": throughput, **quill_figures.FUNCTIONS}
    module = types.ModuleType("quill")
    for name, function in functions.items():
        setattr(module, name, function)
    sys.modules["quill"] = module
    return functions


def run(path):
    """Each cell's printed output, run in one namespace; stops at the first cell that raises."""
    import torch

    torch.set_num_threads(2)
    folder = Path(path).resolve().parent
    resolve_models(folder)
    os.chdir(folder)
    namespace = {"__name__": "__main__", **install_quill_module()}
    outputs = []
    for block, _ in cells(path):
        buffer = io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(block.text, f"{path}:{block.open_line + 1}", "exec"), namespace)
        except Exception as error:  # the reference should not fail; say where it did
            sys.stdout.write(buffer.getvalue())
            raise SystemExit(f"{path}: the cell at line {block.open_line} raised {type(error).__name__}: {error}")
        outputs.append(buffer.getvalue())
    return outputs


def fence_for(text):
    longest = max((len(m) for m in re.findall(r"^ *(`+)", text, re.M)), default=0)
    return "`" * max(3, longest + 1)


def fill(path, outputs):
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    edits = []  # (first line index, last line index exclusive, replacement lines)
    for (block, output), text in zip(cells(path), outputs):
        fence = fence_for(text)
        new = [fence + "output\n"] + text.splitlines(keepends=True) + [fence + "\n"]
        if output is None:
            edits.append((block.close_line, block.close_line, ["\n"] + new))
        else:
            edits.append((output.open_line - 1, output.close_line, new))
    for start, end, new in reversed(edits):
        lines[start:end] = new
    Path(path).write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(outputs)} blocks into {path}")
    return 0


def compare(path, outputs):
    bad = 0
    for k, ((block, output), text) in enumerate(zip(cells(path), outputs), 1):
        if not checked(block.text):
            continue
        stored = output.text if output else None
        if stored != text:
            bad += 1
            print(f"cell {k} (line {block.open_line}) differs\n--- reference\n{text}--- notebook\n{stored}")
    print(f"{len(outputs)} cells, {bad} differ")
    return 1 if bad else 0


def main():
    args = sys.argv[1:]
    mode = args.pop(0) if args and args[0] in ("--fill", "--compare") else None
    if len(args) != 1:
        print(__doc__)
        return 64
    path = os.path.abspath(args[0])
    outputs = run(path)
    if mode == "--fill":
        return fill(path, outputs)
    if mode == "--compare":
        return compare(path, outputs)
    for k, ((block, _), text) in enumerate(zip(cells(path), outputs), 1):
        print(f"--- cell {k} (line {block.open_line})" + ("" if checked(block.text) else " (check: false)"))
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
