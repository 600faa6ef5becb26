#!/usr/bin/env python3
"""The machine's FMA roof for the benchmark: compiles fma_roof.c (AVX-512 where the CPU has avx512f, else AVX2 + FMA)
with the system C compiler and runs it on every core at once, in the same run as the cases it is compared with.

  roof.py [WORKDIR] [SECONDS]     prints the measurement as JSON

measure(work) -> {"isa", "threads", "gflops", "per_thread", "compile": "cc ...", "runs": [...]}: the best of three
short runs (the roof is a ceiling, so the best is the figure; all runs are kept).
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def cpu_flags():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def build(work):
    flags = cpu_flags()
    isa = ["-mavx512f", "-mfma"] if "avx512f" in flags else ["-mavx2", "-mfma"]
    if "avx2" not in flags and "avx512f" not in flags:
        raise RuntimeError("roof: the CPU has neither AVX2 nor AVX-512; no FMA roof to measure")
    os.makedirs(work, exist_ok=True)
    exe = os.path.join(work, "fma_roof")
    cmd = ["cc", "-O2"] + isa + [os.path.join(HERE, "fma_roof.c"), "-o", exe, "-lpthread"]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"roof: {' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    return exe, " ".join(cmd[:-4] + ["fma_roof.c", "-o", "fma_roof", "-lpthread"])


def measure(work, seconds=2.0, runs=3, threads=None):
    exe, compile_cmd = build(work)
    threads = threads or os.cpu_count() or 1
    results = []
    for _ in range(runs):
        p = subprocess.run([exe, str(threads), str(seconds)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, check=True)
        r = json.loads(p.stdout.strip().splitlines()[-1])
        r["load1"] = round(os.getloadavg()[0], 2)
        results.append(r)
    best = max(results, key=lambda r: r["gflops"])
    return {"isa": best["isa"], "threads": threads, "gflops": best["gflops"], "per_thread": best["per_thread"],
            "compile": compile_cmd, "runs": [{"gflops": r["gflops"], "load1": r["load1"]} for r in results]}


if __name__ == "__main__":
    work = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", ".build-bench")
    secs = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    print(json.dumps(measure(work, secs), indent=1))
