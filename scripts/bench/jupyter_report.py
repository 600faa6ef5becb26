"""The "Jupyter vs quill" section of docs/benchmarks.md, from jupyter_bench.py's results: written between the
markers below (appended with them when absent), so the rest of the file (report.py's) is left as it is."""
import re

START = "<!-- jupyter-benchmark:start (scripts/bench/jupyter.sh writes this section) -->"
END = "<!-- jupyter-benchmark:end -->"


def section(r):
    m, q = r["medians"], r["ratios"]
    mach = r["machine"]
    met = lambda ok: "met" if ok else "**not met**"
    lines = [
        START,
        "## Jupyter vs quill: the author's loop",
        "",
        f"The quickstart's computations plus a search over a 2,000-sentence corpus (`scripts/bench/jupyter_cells.py`), "
        f"executed as a `.ipynb` by nbclient with a python3 kernel (sentence-transformers {mach['sentence_transformers']}, "
        f"torch {mach['torch']}, Python {mach['python']}) and as a Quill notebook by `quill check` ("
        f"{r['quill_version']}). {r['reps']} interleaved repetition(s), medians; {mach['cpu']}, {mach['cores']} cores, "
        f"load average {min(r['load_average_at_reps']):.1f} to {max(r['load_average_at_reps']):.1f} at the repetitions "
        + ("(the machine was shared)" if max(r["load_average_at_reps"]) > 2 else "(no other job running)")
        + ". Regenerate with `bash scripts/bench/jupyter.sh`; raw runs in "
        "`docs/jupyter-benchmark.json`.",
        "",
        "| run | Jupyter (nbclient) | quill check | Jupyter / quill |",
        "|---|---:|---:|---:|",
        f"| cold (first run; quill's cache cleared) | {m['jupyter_cold']:.2f} s | {m['quill_cold']:.3f} s | {q['cold']:.1f}x |",
        f"| warm (unchanged rerun) | {m['jupyter_warm']:.2f} s | {m['quill_warm']:.3f} s | {q['warm']:.1f}x |",
        f"| one sentence of the 2,000 edited | {m['jupyter_edited']:.2f} s | {m['quill_edited']:.3f} s | {q['edited']:.1f}x |",
        "",
        f"In an open Jupyter kernel, re-executing only the corpus cell after the edit takes {m['jupyter_edited_cell']:.2f} s "
        "(no kernel start or imports, but all 2,000 sentences re-encoded).",
        "",
        "| target | measured | |",
        "|---|---:|---|",
        f"| cold at least 10x faster than Jupyter | {q['cold']:.1f}x | {met(q['cold'] >= 10)} |",
        f"| warm at least 50x faster than Jupyter | {q['warm']:.1f}x | {met(q['warm'] >= 50)} |",
        f"| edited 2,000-sentence rerun at least 5x faster than quill's cold run | {q['edited_vs_cold']:.1f}x | "
        f"{met(q['edited_vs_cold'] >= 5)} |",
        "",
        "Jupyter has no result cache: its cold, warm and edited runs each start a kernel, import sentence-transformers, "
        "load the models and encode everything. Quill's warm run reads every embedding and score from its cache "
        "(`quill cache info`) and loads no weights; its edited run encodes the one changed sentence. The quickstart's "
        "`throughput` cell is left out of both: timing calls bypass the cache by design.",
        END,
    ]
    return "\n".join(lines) + "\n"


def update(path, results):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    block = section(results)
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END) + "\n?", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
