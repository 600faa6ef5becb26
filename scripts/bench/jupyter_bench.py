#!/usr/bin/env python3
"""Jupyter (nbclient, python3 kernel with sentence-transformers) against `quill check` on the same tutorial
(jupyter_cells.py): the quickstart alone cold and warm, then the quickstart plus a 2,000-sentence corpus cold,
warm (unchanged rerun) and after editing one sentence of the corpus.
Started by scripts/bench/jupyter.sh, which makes the venv and the release build. Writes
docs/jupyter-benchmark.json and the section between the jupyter-benchmark markers of docs/benchmarks.md.

Per repetition, in alternating order of the tools:
  quill:   quickstart: `quill cache clear`, `quill check quick.md` (cold), again (warm);
           with the corpus: `quill cache clear`, `quill check bench.md` (cold), again (warm), edit, again (edited)
  jupyter: the same notebooks as .ipynb, each run in a new kernel
Jupyter has no cache, so each of its runs recomputes everything; the edited run's corpus cell alone is also
reported ("live kernel": what re-executing only that cell in an open kernel costs).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import jupyter_cells  # noqa: E402


def prepare(work, model, cross_encoder, quill, env):
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(os.path.join(work, "data"))
    os.makedirs(os.path.join(work, "models"))
    os.symlink(os.path.abspath(model), os.path.join(work, "models", "all-MiniLM-L6-v2"))
    os.symlink(os.path.abspath(cross_encoder), os.path.join(work, "models", "ce-bert-1"))
    shutil.copy(os.path.join(ROOT, "Notebooks", "data", "corpus.txt"), os.path.join(work, "data", "corpus.txt"))
    jsonl = os.path.join(work, "corpus-2000.jsonl")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "sentences", "2000", "15", jsonl], check=True)
    with open(jsonl, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    global CORPUS
    CORPUS = lines
    write_corpus(work, None)
    import nbformat
    for name, cells in (("bench", jupyter_cells.CELLS), ("quick", jupyter_cells.QUICKSTART)):
        with open(os.path.join(work, name + ".md"), "w", encoding="utf-8") as f:
            f.write(jupyter_cells.quill_notebook(cells))
        nbformat.write(jupyter_cells.jupyter_notebook(cells), os.path.join(work, name + ".ipynb"))
        # The expected blocks `quill check` compares against: Quill's own output, written once, not timed.
        subprocess.run([quill, "update", "--no-cache", name + ".md"], cwd=work, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def write_corpus(work, revision):
    lines = list(CORPUS)
    if revision is not None:
        lines[jupyter_cells.EDITED_LINE] = lines[jupyter_cells.EDITED_LINE] + f" (revision {revision})"
    with open(os.path.join(work, "data", "corpus-2000.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def run_quill(quill, work, env, *args):
    start = time.perf_counter()
    done = subprocess.run([quill, *args], cwd=work, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"quill {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed


def run_jupyter(work, name="bench"):
    """Seconds to execute the notebook in a new kernel (start to shutdown), and the corpus cell's own seconds."""
    import nbclient
    import nbformat
    nb = nbformat.read(os.path.join(work, name + ".ipynb"), as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=1200, record_timing=True,
                                     resources={"metadata": {"path": work}})
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                raise SystemExit(f"jupyter: a cell failed: {output.get('ename')}: {output.get('evalue')}")
    if name != "bench":
        return elapsed, None
    timing = nb.cells[jupyter_cells.CORPUS_CELL].metadata.get("execution", {})
    from datetime import datetime

    def parse(stamp):
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    cell = (parse(timing["shell.execute_reply"]) - parse(timing["iopub.execute_input"])).total_seconds()
    return elapsed, cell


def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    get = lambda k: next((l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith(k + ":")), "")
    import sentence_transformers
    import torch
    return {"cpu": get("Model name"), "cores": os.cpu_count(), "torch": torch.__version__,
            "sentence_transformers": sentence_transformers.__version__, "python": sys.version.split()[0]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quill", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--cross-encoder", default=os.path.join(ROOT, "Tests/ModelsTests/Fixtures/ce-bert-1"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build-bench-jupyter"))
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--label", default="release build", help="how quill was built, for the report")
    args = ap.parse_args()
    quill = os.path.abspath(args.quill)
    work = os.path.abspath(args.work)
    env = dict(os.environ, HF_HUB_OFFLINE="1", QUILL_CACHE_DIR=os.path.join(work, "quill-cache"))
    os.environ["HF_HUB_OFFLINE"] = "1"
    prepare(work, args.model, args.cross_encoder, quill, env)
    runs = {k: [] for k in ["quill_quick_cold", "quill_quick_warm", "jupyter_quick_cold", "jupyter_quick_warm",
                            "quill_cold", "quill_warm", "quill_edited", "jupyter_cold", "jupyter_warm",
                            "jupyter_edited", "jupyter_edited_cell"]}
    loads = []
    revision = 0

    def quill_round():
        nonlocal revision
        write_corpus(work, revision)
        run_quill(quill, work, env, "cache", "clear")
        runs["quill_quick_cold"].append(run_quill(quill, work, env, "check", "quick.md"))
        runs["quill_quick_warm"].append(run_quill(quill, work, env, "check", "quick.md"))
        run_quill(quill, work, env, "cache", "clear")
        runs["quill_cold"].append(run_quill(quill, work, env, "check", "bench.md"))
        runs["quill_warm"].append(run_quill(quill, work, env, "check", "bench.md"))
        revision += 1
        write_corpus(work, revision)
        runs["quill_edited"].append(run_quill(quill, work, env, "check", "bench.md"))

    def jupyter_round():
        nonlocal revision
        write_corpus(work, revision)
        runs["jupyter_quick_cold"].append(run_jupyter(work, "quick")[0])
        runs["jupyter_quick_warm"].append(run_jupyter(work, "quick")[0])
        runs["jupyter_cold"].append(run_jupyter(work)[0])
        runs["jupyter_warm"].append(run_jupyter(work)[0])
        revision += 1
        write_corpus(work, revision)
        total, cell = run_jupyter(work)
        runs["jupyter_edited"].append(total)
        runs["jupyter_edited_cell"].append(cell)

    for rep in range(args.reps):
        loads.append(os.getloadavg()[0])
        for step in ([quill_round, jupyter_round] if rep % 2 == 0 else [jupyter_round, quill_round]):
            step()
        print(f"rep {rep + 1}/{args.reps}: " + ", ".join(f"{k} {v[-1]:.3f}s" for k, v in runs.items()), file=sys.stderr)
        # Written after every repetition, so that a run cut short still leaves its measurements.
        report(runs, loads, quill, args, label=args.label)


def report(runs, loads, quill, args, label):
    med = {k: statistics.median(v) for k, v in runs.items()}
    ratios = {"quick_cold": med["jupyter_quick_cold"] / med["quill_quick_cold"],
              "quick_warm": med["jupyter_quick_warm"] / med["quill_quick_warm"],
              "cold": med["jupyter_cold"] / med["quill_cold"], "warm": med["jupyter_warm"] / med["quill_warm"],
              "edited": med["jupyter_edited"] / med["quill_edited"],
              "edited_vs_cold": med["quill_cold"] / med["quill_edited"]}
    version = subprocess.run([quill, "--version"], capture_output=True, text=True).stdout.strip()
    results = {"machine": machine(), "reps": len(loads), "runs": runs, "medians": med, "ratios": ratios,
               "load_average_at_reps": loads, "quill_version": f"{version}, {label}"}
    print(json.dumps({"medians": med, "ratios": ratios}, indent=2))
    if not args.no_docs:
        with open(os.path.join(ROOT, "docs", "jupyter-benchmark.json"), "w") as f:
            json.dump(results, f, indent=2)
            f.write("\n")
        import jupyter_report
        jupyter_report.update(os.path.join(ROOT, "docs", "benchmarks.md"), results)

if __name__ == "__main__":
    main()
