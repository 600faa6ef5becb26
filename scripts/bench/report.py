#!/usr/bin/env python3
"""docs/benchmarks.md and the growth plots (SVG), from the results of bench.py.
  report.py [RESULTS.json [DOCS_DIR]]   re-renders from a results file without running anything."""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
NAMES = {"quill": "Quill", "st": "sentence-transformers", "ort": "ONNX Runtime"}


def plots(res, docs):
    import matplotlib
    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "quill-bench"  # stable SVG ids between runs
    import matplotlib.pyplot as plt
    g = res.get("growth")
    if not g:
        return []
    made = []
    rows = g["length"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    xs = [r["tokens"] for r in rows]
    for k, style in [("quill", "o-"), ("st", "s--"), ("ort", "^:")]:
        ax1.plot(xs, [r[k]["sentences_per_second"] for r in rows], style, label=NAMES[k])
        ax2.plot(xs, [r["flops"] / r[k]["seconds"] / 1e9 for r in rows], style, label=NAMES[k])
    for ax in (ax1, ax2):
        ax.set_xscale("log", base=2)
        ax.set_xticks(xs)
        ax.set_xticklabels([str(x) for x in xs])
        ax.set_xlabel("tokens per sentence")
        ax.grid(True, alpha=0.3)
    ax1.set_yscale("log")
    ax1.set_ylabel("sentences / s")
    ax1.legend()
    ax2.set_ylabel("useful encoder GFLOP/s")
    for peak, label in [(225, "F32 GEMM peak, AVX2 kernels (225)"), (440, "F32 GEMM peak, AVX-512 kernels (440)")]:
        ax2.axhline(peak, color="grey", lw=0.8, ls="--")
        ax2.text(xs[0], peak + 5, label, fontsize=7, color="grey")
    ax2.set_ylim(0, 470)
    fig.suptitle(f"all-MiniLM-L6-v2, batch {res['batch_size']}, {res['threads']} threads: throughput vs sentence length")
    fig.tight_layout()
    p = os.path.join(docs, "bench-length.svg")
    fig.savefig(p, metadata={"Date": None})
    plt.close(fig)
    made.append(p)

    s = g["corpus_size"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    ns = [r["n"] for r in s]
    ax1.plot(ns, [r["seconds"] for r in s], "o-", label="Quill (in-process, --timings)")
    k = s[-1]["seconds"] / s[-1]["n"]
    ax1.plot(ns, [k * n for n in ns], "k:", lw=0.8, label="linear through the largest point")
    ax1.set_xscale("log")
    ax1.set_yscale("log")
    ax1.set_xlabel("sentences")
    ax1.set_ylabel("seconds")
    ax1.legend()
    ax2.plot(ns, [r["sentences_per_second"] for r in s], "o-", label="sentences / s")
    ax2.set_xscale("log")
    ax2.set_ylim(0, max(r["sentences_per_second"] for r in s) * 1.2)
    ax2.set_xlabel("sentences")
    ax2.set_ylabel("sentences / s")
    ax3 = ax2.twinx()
    ax3.plot(ns, [r["peak_rss_mib"] for r in s], "s--", color="tab:red", label="peak RSS")
    ax3.set_ylabel("peak RSS, MiB", color="tab:red")
    ax3.set_ylim(0, max(r["peak_rss_mib"] for r in s) * 1.3)
    for ax in (ax1, ax2):
        ax.grid(True, alpha=0.3)
    fig.suptitle("Quill embed: corpus size sweep (same sentence distribution)")
    fig.tight_layout()
    p = os.path.join(docs, "bench-corpus-size.svg")
    fig.savefig(p, metadata={"Date": None})
    plt.close(fig)
    made.append(p)
    return made


def fmt(x, d=1):
    return f"{x:,.{d}f}"


def ratio_and_diff(case, k):
    """The "Quill / engine" and "max |diff| vs ST" cells of engine k in a case."""
    ratio = "—" if k == "quill" else f"{case['quill_over'][k]['median_of_paired_ratios']:.2f}x"
    diff = "(reference)" if k == "st" else f"{case['max_abs_diff_vs_st'][k]:.2e}"
    return ratio, diff


def larger_section(res):
    """all-mpnet-base-v2 against both peers, and Quill's useful GFLOP/s as a fraction of the FMA roof."""
    x, rf, ge = res["cases"]["mpnet"], res["roof"], res["gemm_efficiency"]["cases"]
    run = res.get("larger_run")
    L = ["## all-mpnet-base-v2 and the FMA roof\n"]
    when = (f" This part was run on its own (`{run['command']}`, {run['date']}, {run['reps']} interleaved rounds, load "
            f"average {run['load_average']['before'][0]:.1f} before and {run['load_average']['after'][0]:.1f} after; "
            f"Quill `{run['quill']['commit'][:12]}`, CPU {run.get('cpu', '?')}) and merged into the results file; the cases above are from the "
            "whole run." if run else "")
    if run and "/debug/" in run.get("quill_binary", ""):
        when += (f" **Quill ran as a debug build** (`{run['quill_binary']}`: Swift unoptimized, C kernels at -O2), "
                 "so its figures here are a lower bound for the release build that `run.sh` uses.")
    L.append(f"The larger model (12 layers, hidden 768, MPNet's relative position bias) on the first {x['n']:,} sentences "
             f"of the bi-encoder corpus (mean {x['mean_tokens']:.1f} tokens), truncated at 384, batch "
             f"{res['batch_size']}; ONNX Runtime runs the model exported in setup (max |ONNX - PyTorch| "
             f"{x['onnx_vs_torch_hidden_max_abs']:.1e} on the hidden states).{when}\n")
    L.append("| engine | sentences/s | Quill / engine | useful GFLOP/s | peak RSS (MiB) | max \\|diff\\| vs ST |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    e = ge["mpnet"]
    for k in ["quill", "st", "ort"]:
        v = x["engines"][k]
        ratio, diff = ratio_and_diff(x, k)
        L.append(f"| {NAMES[k]} | {fmt(v['sentences_per_second'])} | {ratio} | {e[k + '_gflops']:.1f} | "
                 f"{fmt(v['peak_rss_mib'], 0)} | {diff} |")
    L.append("")
    L.append(f"The FMA roof: `scripts/bench/fma_roof.c` ({rf['before']['compile']}), twelve independent accumulators "
             f"per thread in registers, one thread per core ({rf['before']['threads']}), {rf['before']['isa'].upper()}, "
             f"best of three 2-second runs before the case ({rf['before']['gflops']:.1f} GFLOP/s) and after it "
             f"({rf['after']['gflops']:.1f}); the higher one, **{rf['gflops']:.1f} GFLOP/s**, is the roof below. Useful "
             "GFLOP/s count the encoder's matmuls on the unpadded lengths, as in the table above.\n")
    L.append("| case | Quill useful GFLOP/s | fraction of the roof |")
    L.append("| --- | ---: | ---: |")
    for case, v in ge.items():
        if "quill_fraction_of_roof" in v:
            L.append(f"| {case.replace('_', '-')} | {v['quill_gflops']:.1f} | {v['quill_fraction_of_roof']:.0%} |")
    L.append("")
    return L


def machine_roof_text(res, ok):
    """What applies on the CPU that ran: its GEMM kernel and, where the run measured it, its FMA roof."""
    m = res["machine"]
    avx512 = "avx512f" in m["simd"]
    same_cpu = res.get("larger_run", {}).get("cpu", m["cpu"]) == m["cpu"]   # the roof is measured with that case
    rf = res.get("roof") if same_cpu else None
    roof = (f"On this CPU ({m['cpu']}) a register-only FMA loop on every core measured {rf['gflops']:.0f} GFLOP/s in "
            f"this run ({rf['before']['isa'].upper()}; see the all-mpnet-base-v2 section), the practical ceiling. "
            if rf else "")
    kernel = ("Quill's linear layers run its own AVX-512 GEMM whatever OpenBLAS picks; "
              if avx512 else "This CPU has no AVX-512: Quill's linear layers run its own AVX2 + FMA GEMM "
              "(Sources/QuillKernels/gemm_avx2.c) whatever OpenBLAS picks, and the AVX2 column is the one that applies; ")
    blas = (f"the peers use their own kernels (oneDNN/MKL for PyTorch, MLAS for ONNX Runtime). In this run OpenBLAS used "
            f"its {ok.get('corename', '?')} kernels")
    tail = (" (no `OPENBLAS_CORETYPE` in the environment), so the AVX-512 column is the one that applies."
            if avx512 and ok.get("corename") == "SkylakeX" and not m["env"].get("OPENBLAS_CORETYPE") else ".")
    return roof + kernel + blas + tail


def write(res, docs):
    try:
        made = plots(res, docs)
    except ImportError as e:  # a venv without matplotlib (e.g. re-rendering with --only-larger): keep the old plots
        print(f"report: {e}; the plots in {docs} are left as they are", file=sys.stderr)
        made = []
    m, v, c = res["machine"], res["versions"], res["cases"]
    L = []
    L.append("# Benchmarks\n")
    L.append("Quill against sentence-transformers (PyTorch) and ONNX Runtime on the same CPU, with the same "
             "numbers. Everything on this page is generated by the benchmark:\n")
    L.append(f"```\n{res['command']}\n```\n")
    L.append("It sets up its own virtual environment for the peers (`scripts/bench/setup.sh`, outside the repo), "
             "builds `quill` in release, generates the corpora deterministically, runs every case and writes "
             "[`docs/benchmark-results.json`](benchmark-results.json) (all figures, every run), this page and the plots. "
             "`--full` adds the 50k and 100k points of the size sweep; `--quick` (one rep, 500 sentences, two points per "
             "sweep) only tries the harness. `python scripts/bench/report.py` re-renders this page from the results file.\n")
    L.append("## Machine and versions\n")
    L.append(f"- CPU: {m['cpu']}, {m['cores']} cores ({m['threads_per_core']} thread per core), L2 {m['l2']}, L3 {m['l3']}; "
             f"SIMD: {', '.join(m['simd'])}; {m['memory_gib']} GiB; {m['os']}, Linux {m['kernel']}")
    ok = m.get("openblas_kernels", {})
    L.append(f"- {m['swift']}; OpenBLAS {m['openblas']} ({ok.get('corename', '?')} kernels selected at run time); environment: "
             + (", ".join(f"`{k}={val}`" for k, val in m["env"].items()) or "no OPENBLAS_* variables"))
    L.append("- Peers: " + ", ".join(f"{k} {val}" for k, val in v.items() if val))
    q = res["quill"]
    src = f" (engine sources as of `{q['sources_commit'][:12]}`)" if q.get("sources_commit") else ""
    L.append(f"- Quill commit `{q['commit'][:12]}`{src}{' (with uncommitted changes in Sources/)' if q.get('dirty_sources') else ''}; "
             f"run {res['date']}, {res['wall_seconds'] / 60:.1f} minutes; load average before {res['load_average']['before'][0]:.2f}, "
             f"after {res['load_average']['after'][0]:.2f} (the machine is shared: figures from a loaded machine are noisier, "
             f"ratios from interleaved runs less so)")
    L.append(f"- All three engines limited to {res['threads']} threads (`torch.set_num_threads`, ORT `intra_op_num_threads`, "
             f"quill's default of one per core; `OMP/MKL/OPENBLAS/RAYON_NUM_THREADS={res['threads']}` for all); batch size {res['batch_size']}.\n")

    L.append("## Results\n")
    cc = res["corpora"]
    L.append(f"Medians of {res['reps']} interleaved runs (Quill, sentence-transformers, ONNX Runtime, Quill, ...), all on "
             f"{m['cpu']} ({', '.join(m['simd'])}). "
             "Ratios are the medians of the per-round ratios Quill / peer. Max |diff| is the largest absolute difference "
             "of any output component from sentence-transformers' on the whole case.\n")
    L.append("| case | engine | sentences/s | Quill / engine | peak RSS (MiB) | max \\|diff\\| vs ST |")
    L.append("| --- | --- | ---: | ---: | ---: | ---: |")
    labels = {"biencoder": f"bi-encoder, {c['biencoder']['n']:,} sentences (mean {cc['sentences']['mean_tokens']:.1f} tokens)",
              "long": f"long text, {c['long']['n']} paragraphs (mean {cc['long']['mean_tokens']:.0f} tokens, truncated at 256)",
              "cross_encoder": f"cross-encoder, {c['cross_encoder']['n']:,} pairs (mean {cc['pairs']['mean_tokens']:.1f} tokens)"}
    for case in ["biencoder", "long", "cross_encoder"]:
        x = c[case]
        for k in ["quill", "st", "ort"]:
            e = x["engines"][k]
            ratio, diff = ratio_and_diff(x, k)
            L.append(f"| {labels[case] if k == 'quill' else ''} | {NAMES[k]} | {fmt(e['sentences_per_second'])} | {ratio} | "
                     f"{fmt(e['peak_rss_mib'], 0)} | {diff} |")
    cs = c["cold_start"]
    L.append("")
    L.append("Cold start, process start to the first embedding printed (median of "
             f"{len(cs['seconds_all']['quill'])}, page cache warm):\n")
    L.append("| engine | seconds | Quill / engine |")
    L.append("| --- | ---: | ---: |")
    for k in ["quill", "st", "ort"]:
        s = cs["seconds_median"][k]
        ratio = "—" if k == "quill" else f"{cs['seconds_median']['quill'] / s:.3f}"
        L.append(f"| {NAMES[k]} | {s:.3f} | {ratio} |")
    st_command = re.sub(r"'[^' ]*/models/", "'models/", cs["st_command"])  # the model path relative to the repo
    L.append(f"\n- Quill: `{cs['quill_command']}`\n- sentence-transformers: `{st_command}`\n"
             "- ONNX Runtime: import onnxruntime and tokenizers, create the session, tokenize, run, pool, print.\n")

    L.append("## Targets\n")
    L.append("| target | measured | goal | |")
    L.append("| --- | ---: | ---: | --- |")
    for t in res["targets"]:
        name = t["target"].replace("|", "\\|")
        L.append(f"| {name} | {t['value']:.3g} | {t['goal']} | {'met' if t['met'] else '**missed**'} |")
    L.append("")

    ge = res["gemm_efficiency"]
    L.append("## Fraction of the machine's GEMM peak\n")
    L.append("Useful encoder FLOPs (Q/K/V/output projections, feed-forward, attention scores and weighted values, on the "
             "unpadded lengths; embeddings, softmax, layer norms and pooling not counted) divided by the median time. "
             "Every engine's time is the same in-process span (tokenization, encoder and pooling; model load excluded), "
             "so the figures count tokenization and pooling against the engine. "
             f"F32 GEMM peaks as the issue states them (2 cores): {ge['peaks_gflops']['avx2_openblas_haswell']:.0f} "
             f"GFLOP/s with OpenBLAS's AVX2 (Haswell) kernels, {ge['peaks_gflops']['avx512']:.0f} with AVX-512 kernels. "
             + machine_roof_text(res, ok) + "\n")
    L.append("| case | CPU | Quill GFLOP/s | of AVX2 peak | of AVX-512 peak | sentence-transformers GFLOP/s | ONNX Runtime GFLOP/s |")
    L.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    larger_cpu = res.get("larger_run", {}).get("cpu", m["cpu"])   # --only-larger merges a case run elsewhere
    for case, e in ge["cases"].items():
        L.append(f"| {case.replace('_', '-')} | {larger_cpu if case == 'mpnet' else m['cpu']} | {e['quill_gflops']:.1f} | "
                 f"{e['fraction_of_avx2_peak']:.0%} | {e['fraction_of_avx512_peak']:.0%} | {e['st_gflops']:.1f} | "
                 f"{e['ort_gflops']:.1f} |")
    if "cross_encoder" in ge["cases"]:
        L.append("")
        L.append("The cross-encoder row counts a whole encoder pass for every engine. Quill's last layer runs for each "
                 "pair's first token only (its queries, attention, output projection and feed-forward; no keys or values, "
                 "see Sources/QuillModels/FirstTokenAttention.swift), about a sixth of the pass skipped, so its figure there is the "
                 "rate the whole pass would need; its kernels execute about five sixths of it.")
    L.append("")

    if "mpnet" in c:
        L.extend(larger_section(res))

    g = res.get("growth")
    if g:
        L.append("## Growth\n")
        L.append("Throughput versus sentence length (one run per engine per point; a fixed budget of about "
                 "32k tokens per point, at least 64 sentences):\n")
        L.append("![throughput vs sentence length](bench-length.svg)\n")
        L.append("| tokens | sentences | Quill/s | ST/s | ORT/s | Quill / ST | Quill / ORT | Quill GFLOP/s | max \\|diff\\| |")
        L.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in g["length"]:
            L.append(f"| {r['tokens']} | {r['n']:,} | {fmt(r['quill']['sentences_per_second'])} | {fmt(r['st']['sentences_per_second'])} | "
                     f"{fmt(r['ort']['sentences_per_second'])} | {r['quill']['sentences_per_second'] / r['st']['sentences_per_second']:.2f}x | "
                     f"{r['quill']['sentences_per_second'] / r['ort']['sentences_per_second']:.2f}x | {r['flops'] / r['quill']['seconds'] / 1e9:.1f} | "
                     f"{r['max_abs_diff_quill_vs_st']:.1e} |")
        L.append("\nThroughput versus corpus size (Quill, in-process time, one run per point):\n")
        L.append("![corpus size sweep](bench-corpus-size.svg)\n")
        L.append("| sentences | seconds | sentences/s | peak RSS (MiB) |")
        L.append("| ---: | ---: | ---: | ---: |")
        for r in g["corpus_size"]:
            L.append(f"| {r['n']:,} | {r['seconds']:.2f} | {fmt(r['sentences_per_second'])} | {fmt(r['peak_rss_mib'], 0)} |")
        L.append("")

    L.append("## How it is measured\n")
    L.append("- Corpus: `scripts/bench/gen_corpus.py`, a seeded probabilistic English grammar (no downloads); the long "
             "case joins its sentences into paragraphs of 175+ words; the cross-encoder pairs are two sentences of the "
             "corpus each; the length sweep cuts paragraphs at an exact WordPiece count.")
    L.append("- Quill: `quill embed --model all-MiniLM-L6-v2 --input X.jsonl --output X.npy --batch-size 32` (and "
             "`quill score`) with `--timings`, a separate process per run. Its time is measured in-process like the "
             "peers': from the model in memory and the input read to the embeddings or scores computed (tokenization, "
             "encoder and pooling inside; model load and writing the output outside). The results file also keeps "
             "each run's whole-process wall time (`process_seconds_median`) and load time.")
    L.append("- sentence-transformers: `SentenceTransformer.encode` / `CrossEncoder.predict` (batch 32), and ONNX Runtime: "
             "the model exported by `torch.onnx.export` (dynamic batch and sequence axes; checked against PyTorch to 1e-5 in "
             f"setup: max {res['prepare']['onnx_vs_torch_hidden_max_abs']:.1e}), HF tokenizers, sorted by length and padded "
             "per batch as sentence-transformers does, mean pooling and normalization in NumPy. Each peer runs in its own "
             "process; its time is that of the encode call only (model load excluded, tokenization and pooling included).")
    L.append("- Cross-encoder: a real-size model made in setup, `BertForSequenceClassification` with all-MiniLM-L6-v2's "
             "config (6 layers, hidden 384) and its encoder weights under `bert.`, a seeded random pooler and one-label "
             "classifier, saved as safetensors with the tokenizer; scores through Sigmoid, as sentence-transformers' default "
             "for one label. ONNX Runtime's column uses the same model exported to ONNX.")
    L.append("- Peak RSS: `/usr/bin/time -f %M` of each run's process (the Python peers' figures include the interpreter, "
             "torch or onnxruntime and the model).")
    L.append("")
    notes = os.path.join(HERE, "notes.md")
    if os.path.exists(notes):
        L.append(open(notes, encoding="utf-8").read())
    # Keep the section that jupyter.sh writes between its markers (its results are in another file).
    import jupyter_report
    path = os.path.join(docs, "benchmarks.md")
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    if jupyter_report.START in old and jupyter_report.END in old:
        L.append(old[old.index(jupyter_report.START):old.index(jupyter_report.END) + len(jupyter_report.END)] + "\n")
    with open(path, "w") as f:
        f.write("\n".join(L))
    return made


if __name__ == "__main__":
    p = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "docs", "benchmark-results.json")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs")
    write(json.load(open(p)), out)
