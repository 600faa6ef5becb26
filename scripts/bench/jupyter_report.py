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
        f"Two notebooks (`scripts/bench/jupyter_cells.py`): the quickstart's computations alone, and the same plus a "
        f"search over a 2,000-sentence corpus. Each is executed as a `.ipynb` by nbclient with a python3 kernel "
        f"(sentence-transformers {mach['sentence_transformers']}, torch {mach['torch']}, Python {mach['python']}) and as "
        f"a Quill notebook by `quill check` ({r['quill_version']}). {r['reps']} interleaved repetition(s), medians; "
        f"{mach['cpu']}, {mach['cores']} cores, load average {min(r['load_average_at_reps']):.1f} to "
        f"{max(r['load_average_at_reps']):.1f} at the repetitions "
        + ("(the machine was shared)" if max(r["load_average_at_reps"]) > 2 else "(no other job running)")
        + ". Regenerate with `bash scripts/bench/jupyter.sh`; raw runs in `docs/jupyter-benchmark.json`.",
        "",
        "| notebook | run | Jupyter (nbclient) | quill check | Jupyter / quill |",
        "|---|---|---:|---:|---:|",
        f"| quickstart | cold (first run; quill's cache cleared) | {m['jupyter_quick_cold']:.2f} s | "
        f"{m['quill_quick_cold']:.3f} s | {q['quick_cold']:.1f}x |",
        f"| quickstart | warm (unchanged rerun) | {m['jupyter_quick_warm']:.2f} s | {m['quill_quick_warm']:.3f} s | "
        f"{q['quick_warm']:.1f}x |",
        f"| quickstart + 2,000-sentence corpus | cold | {m['jupyter_cold']:.2f} s | {m['quill_cold']:.3f} s | {q['cold']:.1f}x |",
        f"| quickstart + 2,000-sentence corpus | warm | {m['jupyter_warm']:.2f} s | {m['quill_warm']:.3f} s | {q['warm']:.1f}x |",
        f"| quickstart + 2,000-sentence corpus | one sentence of the 2,000 edited | {m['jupyter_edited']:.2f} s | "
        f"{m['quill_edited']:.3f} s | {q['edited']:.1f}x |",
        "",
        f"In an open Jupyter kernel, re-executing only the corpus cell after the edit takes {m['jupyter_edited_cell']:.2f} s "
        "(no kernel start or imports, but all 2,000 sentences re-encoded).",
        "",
        "| target | measured | |",
        "|---|---:|---|",
        f"| cold at least 10x faster than Jupyter (the quickstart) | {q['quick_cold']:.1f}x | {met(q['quick_cold'] >= 10)} |",
        f"| warm at least 50x faster than Jupyter (the quickstart; with the corpus) | {q['quick_warm']:.1f}x; {q['warm']:.1f}x | "
        f"{met(min(q['quick_warm'], q['warm']) >= 50)} |",
        f"| edited 2,000-sentence rerun at least 5x faster than quill's cold run | {q['edited_vs_cold']:.1f}x | "
        f"{met(q['edited_vs_cold'] >= 5)} |",
        "",
        f"With the 2,000-sentence corpus, the cold run is bound by encoding: both tools spend most of it in the model, "
        f"so the ratio there ({q['cold']:.1f}x) is about the engines' speed ratio plus Jupyter's start-up.",
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
