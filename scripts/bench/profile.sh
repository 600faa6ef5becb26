#!/usr/bin/env bash
# Where quill spends its time: perf profiles of `quill embed` on the benchmark's short-sentence corpus
# (first 1,000 sentences) and its long-text case, top symbols printed. Run scripts/bench/run.sh first
# (it builds quill and writes the corpora under .build-bench/).
#   bash scripts/bench/profile.sh [QUILL_BIN]
# QUILL_PROFILE_MODEL=models/all-mpnet-base-v2 profiles that model instead of all-MiniLM-L6-v2.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-.build/release/quill}"
work="${QUILL_BENCH_WORK:-.build-bench}"
model="${QUILL_PROFILE_MODEL:-models/all-MiniLM-L6-v2}"
command -v perf >/dev/null || { echo "profile: needs perf (apt-get install linux-perf)" >&2; exit 1; }
for case in size-1000 long; do
    perf record -q -F 999 -g -o "$work/perf-$case.data" "$bin" embed --model "$model" \
        --input "$work/data/$case.jsonl" --output "$work/out/perf-$case.npy" 2>/dev/null
    echo "== $case: top symbols (self time)"
    perf report -i "$work/perf-$case.data" --no-children --sort dso,symbol -g none 2>/dev/null \
        | grep -v '^#' | grep '%' | head -25 | cut -c1-160 | sed 's/ *$//' || true
done
