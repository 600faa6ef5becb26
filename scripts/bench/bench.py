#!/usr/bin/env python3
"""Quill vs sentence-transformers (PyTorch) vs ONNX Runtime: runs every case, writes the results
file, the plots and docs/benchmarks.md. Started by scripts/bench/run.sh (which sets up the venv,
fetches the model and builds quill); see docs/benchmarks.md for what each figure means.

  bench.py --quill BIN --model DIR [--work DIR] [--reps N] [--threads N] [--full] [--quick] [--no-docs]
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import prepare  # noqa: E402

PY = sys.executable
WORKER = os.path.join(HERE, "worker.py")
GEMM_PEAK = {"avx2_openblas_haswell": 225.0, "avx512": 440.0}  # GFLOP/s, F32 GEMM, 2 cores (issue figures)


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


def env_for(threads):
    e = dict(os.environ)
    for k in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "RAYON_NUM_THREADS"]:
        e[k] = str(threads)
    e["TOKENIZERS_PARALLELISM"] = "true"
    e["HF_HUB_OFFLINE"] = "1"
    e["TRANSFORMERS_OFFLINE"] = "1"
    e["PYTHONWARNINGS"] = "ignore"
    return e


def timed(cmd, env, stdin_path=None, want_stderr=False):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS MiB, stdout[, stderr])."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%M", "-o", tf.name] + cmd
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        t = time.perf_counter()
        p = subprocess.run(full, env=env, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t
        if stdin_path:
            stdin.close()
        if p.returncode != 0:
            raise RuntimeError(f"{shlex.join(cmd)} failed ({p.returncode}):\n{p.stderr.decode()[-3000:]}")
        kb = int(tf.read().strip().splitlines()[-1])
    if want_stderr:
        return wall, kb / 1024.0, p.stdout.decode(), p.stderr.decode()
    return wall, kb / 1024.0, p.stdout.decode()


class Engines:
    def __init__(self, a, work, prep):
        self.a, self.work, self.prep = a, work, prep
        self.env = env_for(a.threads)
        self.out = os.path.join(work, "out")
        os.makedirs(self.out, exist_ok=True)

    def quill_run(self, args):
        """Quill in its own process; like the peers' workers, "seconds" is the work measured in-process (model
        load and input reading excluded; tokenization, encoder and pooling included), from --timings."""
        wall, rss, stdout, stderr = timed([self.a.quill] + args + ["--batch-size", str(self.a.batch), "--timings"],
                                          self.env, want_stderr=True)
        t = json.loads(stderr.strip().splitlines()[-1])
        return {"seconds": t["seconds"], "process_seconds": wall, "load_seconds": t["load_seconds"], "rss_mib": rss}, stdout

    def quill_embed(self, inp, tag, model=None):
        out = os.path.join(self.out, f"quill-{tag}.npy")
        r, _ = self.quill_run(["embed", "--model", model or self.a.model, "--input", inp, "--output", out])
        return dict(r, out=out)

    def quill_score(self, inp, tag):
        out = os.path.join(self.out, f"quill-{tag}.txt")
        r, stdout = self.quill_run(["score", "--model", self.prep["models"]["cross_encoder"], "--input", inp])
        vals = np.array([float(x) for x in stdout.split()], dtype=np.float32).reshape(-1, 1)
        np.save(out + ".npy", vals)
        return dict(r, out=out + ".npy")

    def worker(self, kind, args, tag):
        out = os.path.join(self.out, f"{kind}-{tag}.npy")
        wall, rss, stdout = timed([PY, WORKER, kind] + args(out), self.env)
        r = json.loads(stdout.strip().splitlines()[-1])
        return {"seconds": r["seconds"], "process_seconds": wall, "load_seconds": r["load_seconds"], "rss_mib": rss, "out": out}

    def st_embed(self, inp, tag, model=None):
        return self.worker("st-embed", lambda o: [model or self.a.model, inp, o, str(self.a.batch), str(self.a.threads)], tag)

    def ort_embed(self, inp, tag, model=None, onnx=None):
        return self.worker("ort-embed", lambda o: [model or self.a.model, onnx or self.prep["models"]["onnx"], inp, o,
                                                   str(self.a.batch), str(self.a.threads)], tag)

    def st_score(self, inp, tag):
        return self.worker("st-score", lambda o: [self.prep["models"]["cross_encoder"], inp, o, str(self.a.batch),
                                                  str(self.a.threads)], tag)

    def ort_score(self, inp, tag):
        return self.worker("ort-score", lambda o: [self.prep["models"]["cross_encoder"], self.prep["models"]["cross_encoder_onnx"],
                                                   inp, o, str(self.a.batch), str(self.a.threads)], tag)


def wait_for_quiet(limit, threads):
    """Other work on the machine skews every figure; give it a chance to finish first."""
    t, i = time.time(), 0
    while os.getloadavg()[0] > 1.0 and time.time() - t < limit:
        if i % 6 == 0:
            log(f"load average {os.getloadavg()[0]:.2f}: waiting up to {limit - (time.time() - t):.0f} s for a quieter machine")
        i += 1
        time.sleep(5)
    if os.getloadavg()[0] > 1.0:
        log(f"warning: load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; absolute figures will be low, "
            "ratios (interleaved) less affected")


def case_input(data, name, limit):
    """The case's input file, or a copy of its first `limit` lines (--quick)."""
    path = os.path.join(data, name + ".jsonl")
    if not limit:
        return path, sum(1 for _ in open(path, encoding="utf-8"))
    out = os.path.join(data, f"quick-{name}.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()[:limit]
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return out, len(lines)


def flops_per_sequence(L, layers=6, h=384, ffn=1536):
    """Multiply-adds x 2 of one BERT encoder pass over L tokens: Q, K, V, output and FFN projections,
    plus attention scores and weighted values (embeddings, softmax, layer norms and pooling not counted)."""
    proj = 2 * L * (4 * h * h + 2 * h * ffn)
    attn = 2 * 2 * L * L * h
    return layers * (proj + attn)


def interleaved(name, n, engines, reps):
    """engines: list of (label, fn) run round-robin reps times; returns per-engine runs."""
    runs = {label: [] for label, _ in engines}
    for r in range(reps):
        for label, fn in engines:
            res = fn(f"{name}-{r}")
            res["sentences_per_second"] = n / res["seconds"]
            res["load1"] = os.getloadavg()[0]
            runs[label].append(res)
            log(f"{name} rep {r + 1}/{reps} {label}: {res['seconds']:.2f} s, {res['sentences_per_second']:.1f}/s, "
                f"peak RSS {res['rss_mib']:.0f} MiB")
    return runs


def compare(name, n, engines, reps, tokens, flops_fn=flops_per_sequence):
    """One case: the engines interleaved, Quill's and ONNX Runtime's outputs against sentence-transformers', and
    the useful FLOPs of its first n sequences (token counts after truncation; flops_fn gives one sequence's)."""
    runs = interleaved(name, n, engines, reps)
    c = summarize(runs, n)
    c["max_abs_diff_vs_st"] = {k: maxdiff(runs[k][0]["out"], runs["st"][0]["out"]) for k in ("quill", "ort")}
    c["flops"] = float(sum(flops_fn(L) for L in tokens[:n]))
    return c


def summarize(runs, n, ref="st"):
    out = {}
    for label, rs in runs.items():
        out[label] = {
            "sentences_per_second": statistics.median(r["sentences_per_second"] for r in rs),
            "seconds_median": statistics.median(r["seconds"] for r in rs),
            "seconds_all": [round(r["seconds"], 4) for r in rs],
            "peak_rss_mib": max(r["rss_mib"] for r in rs),
            "load_average_at_runs": [round(r["load1"], 2) for r in rs],
        }
        if "process_seconds" in rs[0]:
            out[label]["process_seconds_median"] = statistics.median(r["process_seconds"] for r in rs)
            out[label]["load_seconds_median"] = statistics.median(r["load_seconds"] for r in rs)
    ratios = {}
    for label in runs:
        if label == "quill":
            continue
        per_round = [runs["quill"][i]["sentences_per_second"] / runs[label][i]["sentences_per_second"]
                     for i in range(len(runs["quill"]))]
        ratios[label] = {"median_of_paired_ratios": statistics.median(per_round), "per_round": [round(x, 3) for x in per_round]}
    return {"n": n, "engines": out, "quill_over": ratios}


def maxdiff(a_path, b_path):
    a, b = np.load(a_path), np.load(b_path)
    assert a.shape == b.shape, (a_path, a.shape, b_path, b.shape)
    return float(np.abs(a.astype(np.float64) - b.astype(np.float64)).max())


def first_output_seconds(cmd, env, stdin_bytes=None):
    """Wall time from process start to the first byte on stdout; then waits for the exit."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE if stdin_bytes is not None else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if stdin_bytes is not None:
        p.stdin.write(stdin_bytes)
        p.stdin.close()
    first = p.stdout.read(1)
    dt = time.perf_counter() - t
    p.stdout.read()
    rc = p.wait()
    if rc != 0 or not first:
        raise RuntimeError(f"cold start: {shlex.join(cmd)} failed ({rc})")
    return dt


def cold_start(a, env, reps):
    # The command verbatim (threads limited through OMP_NUM_THREADS/MKL_NUM_THREADS in the environment).
    st_code_threads = ("from sentence_transformers import SentenceTransformer; "
                       f"m=SentenceTransformer({a.model!r}); print(m.encode(['x']))")
    ort_code = ("import numpy as np, onnxruntime as ort; from tokenizers import Tokenizer; "
                "so=ort.SessionOptions(); so.intra_op_num_threads=%d; so.inter_op_num_threads=1; "
                "s=ort.InferenceSession(%r, so, providers=['CPUExecutionProvider']); "
                "t=Tokenizer.from_file(%r); e=t.encode('x'); "
                "i=np.array([e.ids]); m=np.array([e.attention_mask]); "
                "h=s.run(None, {'input_ids': i, 'attention_mask': m, 'token_type_ids': np.zeros_like(i)})[0]; "
                "v=h.mean(axis=1); print(v/np.linalg.norm(v))") % (
                    a.threads, a.prep["models"]["onnx"], os.path.join(a.model, "tokenizer.json"))
    cmds = [("quill", [a.quill, "embed", "--model", a.model], b'"x"\n'),
            ("st", [PY, "-c", st_code_threads], None),
            ("ort", [PY, "-c", ort_code], None)]
    for label, cmd, sin in cmds:  # warm the page cache once
        first_output_seconds(cmd, env, sin)
    runs = {label: [] for label, _, _ in cmds}
    for r in range(reps):
        for label, cmd, sin in cmds:
            runs[label].append(first_output_seconds(cmd, env, sin))
        log(f"cold start rep {r + 1}/{reps}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in runs.items()))
    med = {k: statistics.median(v) for k, v in runs.items()}
    return {"seconds_median": med, "seconds_all": {k: [round(x, 4) for x in v] for k, v in runs.items()},
            "quill_fraction_of_st": med["quill"] / med["st"], "quill_fraction_of_ort": med["quill"] / med["ort"],
            "st_command": "python -c " + shlex.quote(st_code_threads), "quill_command": "echo '\"x\"' | quill embed --model MODEL",
            "note": "page cache warm (one untimed run of each first); time from process start to the first byte on stdout"}


def openblas_core(quill):
    """The kernel family OpenBLAS picks for quill's process (same library, same environment)."""
    import ctypes
    try:
        ldd = subprocess.run(["ldd", quill], stdout=subprocess.PIPE, text=True).stdout
        path = next(l.split("=>")[1].split("(")[0].strip() for l in ldd.splitlines() if "openblas" in l)
        lib = ctypes.CDLL(path)
        lib.openblas_get_corename.restype = ctypes.c_char_p
        lib.openblas_get_config.restype = ctypes.c_char_p
        return {"library": path, "corename": lib.openblas_get_corename().decode(), "config": lib.openblas_get_config().decode()}
    except Exception as e:
        return {"error": str(e)}


def machine_info(quill):
    def sh(c):
        try:
            return subprocess.run(c, shell=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
        except Exception:
            return ""
    lscpu = sh("lscpu")
    get = lambda k: next((l.split(":", 1)[1].strip() for l in lscpu.splitlines() if l.startswith(k + ":")), "")
    flags = get("Flags").split()
    return {
        "cpu": get("Model name"), "cores": os.cpu_count(), "threads_per_core": get("Thread(s) per core"),
        "l2": get("L2 cache"), "l3": get("L3 cache"),
        "simd": [f for f in ["avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx512_bf16", "amx_tile"] if f in flags],
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "kernel": platform.release(), "os": sh(". /etc/os-release && echo $PRETTY_NAME"),
        "swift": sh("swift --version 2>&1 | head -1"), "openblas": sh("dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || dpkg-query -W -f='${Version}' libopenblas0"),
        "env": {k: os.environ[k] for k in sorted(os.environ) if k.startswith("OPENBLAS_")},
        "openblas_kernels": openblas_core(quill),
    }


def versions():
    import importlib.metadata as md
    v = {"python": platform.python_version()}
    for p in ["torch", "sentence-transformers", "transformers", "tokenizers", "onnxruntime", "onnx", "numpy"]:
        try:
            v[p] = md.version(p)
        except Exception:
            v[p] = None
    return v


def git_info():
    def g(*c):
        return subprocess.run(["git", "-C", ROOT] + list(c), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return {"commit": g("rev-parse", "HEAD"), "branch": g("rev-parse", "--abbrev-ref", "HEAD"),
            "sources_commit": g("log", "-1", "--format=%H", "--", "Sources", "Package.swift"),
            "dirty_sources": bool(g("status", "--porcelain", "--", "Sources", "Package.swift"))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quill", required=True)
    ap.add_argument("--quill-commit", default=None, help="commit the quill binary was built from, when not this checkout")
    ap.add_argument("--model", required=True)
    ap.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--full", action="store_true", help="also the 100k-sentence growth point")
    ap.add_argument("--quick", action="store_true", help="one rep, 500 sentences, no growth sweeps (to try the harness; not for figures)")
    ap.add_argument("--results", default=os.path.join(ROOT, "docs", "benchmark-results.json"))
    ap.add_argument("--no-docs", action="store_true", help="write the results file only, not docs/benchmarks.md and plots")
    ap.add_argument("--command", default="bash scripts/bench/run.sh")
    ap.add_argument("--larger-model", default=os.path.join(ROOT, "models", "all-mpnet-base-v2"),
                    help="all-mpnet-base-v2's folder; its case (and the FMA roof) runs when it is there")
    ap.add_argument("--larger-n", type=int, default=1000, help="sentences in the all-mpnet-base-v2 case")
    ap.add_argument("--only-larger", action="store_true",
                    help="run only the all-mpnet-base-v2 case and the FMA roof; merge them into the existing results file")
    ap.add_argument("--wait-quiet", type=float, default=180,
                    help="wait up to this many seconds for the 1-minute load average to drop under 1 before starting")
    a = ap.parse_args()
    a.model = os.path.abspath(a.model)
    a.quill = os.path.abspath(a.quill)
    t_start = time.time()
    wait_for_quiet(a.wait_quiet, a.threads)
    load_before = os.getloadavg()
    reps = 1 if a.quick else a.reps
    if a.only_larger:
        return only_larger(a, reps)

    log("preparing corpora and models in", a.work)
    env = env_for(a.threads)
    subprocess.run([PY, os.path.join(HERE, "prepare.py"), a.model, a.work] + (["--full"] if a.full else []), check=True, env=env)
    prep = json.load(open(os.path.join(a.work, "prepare.json")))
    a.prep = prep
    data = os.path.join(a.work, "data")
    E = Engines(a, a.work, prep)
    res = {"command": a.command, "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "quill": dict(git_info(), **({"commit": a.quill_commit} if a.quill_commit else {})),
           "machine": machine_info(a.quill), "versions": versions(), "threads": a.threads, "batch_size": a.batch,
           "reps": reps, "model": "sentence-transformers/all-MiniLM-L6-v2", "prepare": prep["models"], "cases": {}}
    res["corpora"] = {k: {kk: vv for kk, vv in v.items() if kk != "tokens_after_truncation"} for k, v in prep["corpora"].items()}

    # Bi-encoder, short sentences.
    inp, n = case_input(data, "sentences", 500 if a.quick else 0)
    res["cases"]["biencoder"] = compare(
        "embed", n, [("quill", lambda t: E.quill_embed(inp, t)), ("st", lambda t: E.st_embed(inp, t)),
                     ("ort", lambda t: E.ort_embed(inp, t))], reps, prep["corpora"]["sentences"]["tokens_after_truncation"])

    # Long texts (200+ tokens, truncated at 256 by the model).
    inp, n = case_input(data, "long", 32 if a.quick else 0)
    res["cases"]["long"] = compare(
        "long", n, [("quill", lambda t: E.quill_embed(inp, t)), ("st", lambda t: E.st_embed(inp, t)),
                    ("ort", lambda t: E.ort_embed(inp, t))], reps, prep["corpora"]["long"]["tokens_after_truncation"])

    # Cross-encoder on sentence pairs.
    inp, n = case_input(data, "pairs", 500 if a.quick else 0)
    c = compare("score", n, [("quill", lambda t: E.quill_score(inp, t)), ("st", lambda t: E.st_score(inp, t)),
                             ("ort", lambda t: E.ort_score(inp, t))], reps, prep["corpora"]["pairs"]["tokens_after_truncation"])
    c["model"] = ("BertForSequenceClassification with all-MiniLM-L6-v2's config and encoder weights, seeded random "
                  "pooler and one-label classifier (scores through Sigmoid)")
    res["cases"]["cross_encoder"] = c

    # Cold start.
    res["cases"]["cold_start"] = cold_start(a, env, max(3, reps + 2) if not a.quick else 1)

    # Growth sweeps.
    if True:
        g = []
        for L in ([8, 256] if a.quick else prepare.LENGTHS):
            inp, n = case_input(data, f"length-{L}", 64 if a.quick else 0)
            runs = interleaved(f"length-{L}", n, [("quill", lambda t: E.quill_embed(inp, t)), ("st", lambda t: E.st_embed(inp, t)),
                                                  ("ort", lambda t: E.ort_embed(inp, t))], 1)
            row = {"tokens": L, "n": n, "flops": n * flops_per_sequence(L)}
            for k, rs in runs.items():
                row[k] = {"sentences_per_second": rs[0]["sentences_per_second"], "seconds": rs[0]["seconds"]}
            row["max_abs_diff_quill_vs_st"] = maxdiff(runs["quill"][0]["out"], runs["st"][0]["out"])
            g.append(row)
        sizes = [1000] if a.quick else prepare.SIZES_FULL if a.full else prepare.SIZES
        s = []
        for N in sizes:
            inp = os.path.join(data, f"size-{N}.jsonl")
            r = E.quill_embed(inp, f"size-{N}")
            s.append({"n": N, "seconds": r["seconds"], "sentences_per_second": N / r["seconds"], "peak_rss_mib": r["rss_mib"]})
            log(f"size {N}: quill {r['seconds']:.2f} s, {N / r['seconds']:.1f}/s, peak RSS {r['rss_mib']:.0f} MiB")
            os.remove(r["out"])
        res["growth"] = {"length": g, "corpus_size": s}

    # GEMM efficiency (useful encoder FLOPs over the median in-process time of each engine).
    eff = {}
    for case in ["biencoder", "long", "cross_encoder"]:
        c = res["cases"][case]
        gf = c["flops"] / c["engines"]["quill"]["seconds_median"] / 1e9
        eff[case] = {"quill_gflops": gf, "fraction_of_avx2_peak": gf / GEMM_PEAK["avx2_openblas_haswell"],
                     "fraction_of_avx512_peak": gf / GEMM_PEAK["avx512"],
                     "st_gflops": c["flops"] / c["engines"]["st"]["seconds_median"] / 1e9,
                     "ort_gflops": c["flops"] / c["engines"]["ort"]["seconds_median"] / 1e9}
    res["gemm_efficiency"] = {"peaks_gflops": GEMM_PEAK, "cases": eff,
                              "note": "useful encoder FLOPs (projections, FFN, attention; unpadded lengths) / median time"}

    if os.path.isdir(a.larger_model):
        larger_case(a, E, res, data, reps)
    res["targets"] = targets(res)
    res["load_average"] = {"before": load_before, "after": os.getloadavg()}
    res["wall_seconds"] = time.time() - t_start
    save(a, res, "wrote")


def larger_case(a, E, res, data, reps, every_case=True):
    """all-mpnet-base-v2 against both peers, the FMA roof around it, and its fraction of that roof (and every other
    case's, when they ran in the same process: every_case)."""
    import larger
    n = min(a.larger_n, 100) if a.quick else a.larger_n
    case, roof, eff = larger.run(sys.modules[__name__], a, E, os.path.abspath(a.larger_model), a.work, data, reps, n)
    res["cases"]["mpnet"] = case
    res["roof"] = roof
    ge = res.setdefault("gemm_efficiency", {"cases": {}})
    ge["cases"]["mpnet"] = dict(eff, fraction_of_avx2_peak=eff["quill_gflops"] / GEMM_PEAK["avx2_openblas_haswell"],
                                fraction_of_avx512_peak=eff["quill_gflops"] / GEMM_PEAK["avx512"])
    for name, e in ge["cases"].items():
        if every_case or name == "mpnet":
            e["quill_fraction_of_roof"] = e["quill_gflops"] / roof["gflops"]
        else:
            e.pop("quill_fraction_of_roof", None)


def only_larger(a, reps):
    """--only-larger: the corpora if missing, the all-mpnet-base-v2 case and the roof, merged into the results file
    (whose other cases stay as they were measured; "larger_run" says when and how this part ran)."""
    if not os.path.isdir(a.larger_model):
        raise SystemExit(f"bench: {a.larger_model} is missing: run scripts/fetch-model.sh all-mpnet-base-v2")
    data = os.path.join(a.work, "data")
    if not os.path.exists(os.path.join(data, "sentences.jsonl")):
        prepare.corpora(a.model, a.work, False)
    res = json.load(open(a.results)) if os.path.exists(a.results) else None
    if res is None:
        raise SystemExit(f"bench: --only-larger merges into {a.results}, which is missing: run the whole benchmark once")
    a.prep = {"models": {}}
    E = Engines(a, a.work, a.prep)
    t = time.time()
    load = os.getloadavg()
    larger_case(a, E, res, data, reps, every_case=False)
    res["larger_run"] = {"command": a.command, "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                         "quill": dict(git_info(), **({"commit": a.quill_commit} if a.quill_commit else {})),
                         "quill_binary": os.path.relpath(a.quill, ROOT),
                         "cpu": machine_info(a.quill)["cpu"], "reps": reps, "wall_seconds": time.time() - t,
                         "load_average": {"before": load, "after": os.getloadavg()}}
    res["targets"] = targets(res)
    save(a, res, "merged the all-mpnet-base-v2 case into")


def save(a, res, verb):
    """Writes the results file, then (unless --no-docs) docs/benchmarks.md, and prints the summary."""
    os.makedirs(os.path.dirname(a.results), exist_ok=True)
    with open(a.results, "w") as f:
        json.dump(res, f, indent=1)
    log(verb, a.results)
    if not a.no_docs:
        import report
        report.write(res, os.path.join(ROOT, "docs"))
    print(summary_text(res))


def targets(res):
    cs = res["cases"]
    t = []
    def add(name, value, op, goal):
        t.append({"target": name, "value": value, "goal": f"{op} {goal}", "met": value >= goal if op == ">=" else value <= goal})
    b = cs["biencoder"]
    add("bi-encoder throughput, Quill / sentence-transformers", b["quill_over"]["st"]["median_of_paired_ratios"], ">=", 2.0)
    add("bi-encoder throughput, Quill / ONNX Runtime", b["quill_over"]["ort"]["median_of_paired_ratios"], ">=", 1.0)
    add("bi-encoder max |Quill - sentence-transformers|", b["max_abs_diff_vs_st"]["quill"], "<=", 1e-5)
    add("long-text max |Quill - sentence-transformers|", cs["long"]["max_abs_diff_vs_st"]["quill"], "<=", 1e-5)
    add("cross-encoder throughput, Quill / sentence-transformers", cs["cross_encoder"]["quill_over"]["st"]["median_of_paired_ratios"], ">=", 2.0)
    add("cold start, Quill / sentence-transformers", cs["cold_start"]["quill_fraction_of_st"], "<=", 0.1)
    add("peak RSS (bi-encoder job), Quill / sentence-transformers",
        b["engines"]["quill"]["peak_rss_mib"] / b["engines"]["st"]["peak_rss_mib"], "<=", 0.5)
    m = cs.get("mpnet")
    if m:
        roof = res["gemm_efficiency"]["cases"]["mpnet"]["quill_fraction_of_roof"]
        add("all-mpnet-base-v2 throughput, Quill / sentence-transformers", m["quill_over"]["st"]["median_of_paired_ratios"], ">=", 2.0)
        add("all-mpnet-base-v2 useful GFLOP/s, fraction of the FMA roof (the alternative goal where the roof caps the ratio)",
            roof, ">=", 0.85)
        add("all-mpnet-base-v2 throughput, Quill / ONNX Runtime", m["quill_over"]["ort"]["median_of_paired_ratios"], ">=", 1.0)
        add("all-mpnet-base-v2 max |Quill - sentence-transformers|", m["max_abs_diff_vs_st"]["quill"], "<=", 1e-5)
    return t


def summary_text(res):
    lines = []
    for case in ["biencoder", "long", "cross_encoder", "mpnet"]:
        if case not in res["cases"]:
            continue
        c = res["cases"][case]
        e = c["engines"]
        lines.append(f"{case}: n={c['n']}  " + "  ".join(
            f"{k} {v['sentences_per_second']:.1f}/s ({v['peak_rss_mib']:.0f} MiB)" for k, v in e.items())
            + "  quill/st {:.2f}x quill/ort {:.2f}x  max|d| quill {:.2e} ort {:.2e}".format(
                c["quill_over"]["st"]["median_of_paired_ratios"], c["quill_over"]["ort"]["median_of_paired_ratios"],
                c["max_abs_diff_vs_st"]["quill"], c["max_abs_diff_vs_st"]["ort"]))
    cs = res["cases"]["cold_start"]["seconds_median"]
    lines.append("cold start: " + "  ".join(f"{k} {v:.3f} s" for k, v in cs.items()))
    for t in res["targets"]:
        lines.append(f"  [{'met' if t['met'] else 'MISSED'}] {t['target']}: {t['value']:.4g} (goal {t['goal']})")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
