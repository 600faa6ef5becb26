#!/usr/bin/env bash
# The benchmark, from one command:
#   bash scripts/bench/run.sh [--full] [--quick] [--reps N] [--threads N]
# Sets up the peers' venv (scripts/bench/setup.sh; outside the repo), fetches all-MiniLM-L6-v2 and
# all-mpnet-base-v2, builds quill in release, generates the corpora, runs every case interleaved (Quill,
# sentence-transformers, ONNX Runtime, ...) with the machine's FMA roof measured around the all-mpnet-base-v2
# case, and writes docs/benchmark-results.json, docs/benchmarks.md and the plots in docs/.
# --full adds the 50k and 100k points of the corpus-size sweep (several more minutes).
# --only-larger runs only the all-mpnet-base-v2 case and the roof (--larger-n N sentences, default 1000) and
# merges them into the existing docs/benchmark-results.json.
# Env: QUILL_BIN (use this quill binary instead of building one), QUILL_BENCH_VENV, QUILL_BENCH_WORK.
# OPENBLAS_CORETYPE and the other OPENBLAS_* settings are kept as the environment has them.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/bench/setup.sh
VENV="${QUILL_BENCH_VENV:-$HOME/.venvs/quill-bench}"
bash scripts/fetch-model.sh all-MiniLM-L6-v2 all-mpnet-base-v2 >&2
if [[ -z "${QUILL_BIN:-}" ]]; then
    swift build -c release --product quill >&2
    QUILL_BIN="$(swift build -c release --product quill --show-bin-path)/quill"
fi
exec "$VENV/bin/python" scripts/bench/bench.py --quill "$QUILL_BIN" --model models/all-MiniLM-L6-v2 \
    --work "${QUILL_BENCH_WORK:-.build-bench}" --command "bash scripts/bench/run.sh${*:+ $*}" "$@"
