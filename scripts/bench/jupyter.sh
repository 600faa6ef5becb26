#!/usr/bin/env bash
# Jupyter vs quill on the same tutorial (issue 15, item 6):
#   bash scripts/bench/jupyter.sh [--reps N] [--no-docs]
# Makes a venv with nbclient and ipykernel over the reference venv's packages (sentence-transformers, torch), builds
# quill in release, and runs scripts/bench/jupyter_bench.py: cold, warm and edited-corpus runs of both, interleaved.
# Writes docs/jupyter-benchmark.json and the "Jupyter vs quill" section of docs/benchmarks.md.
# Env: QUILL_BIN (use this quill binary), QUILL_REF_VENV (default ~/.venvs/ref), QUILL_JUPYTER_VENV (default
# ~/.venvs/quill-jupyter), QUILL_BENCH_MODEL (default models/all-MiniLM-L6-v2).
set -euo pipefail
cd "$(dirname "$0")/../.."
REF="${QUILL_REF_VENV:-$HOME/.venvs/ref}"
VENV="${QUILL_JUPYTER_VENV:-$HOME/.venvs/quill-jupyter}"
MODEL="${QUILL_BENCH_MODEL:-models/all-MiniLM-L6-v2}"
if ! "$VENV/bin/python" -c "import nbclient, nbformat, ipykernel, sentence_transformers" 2>/dev/null; then
    echo "jupyter.sh: creating $VENV over $REF" >&2
    "$REF/bin/python" -m venv "$VENV"
    # The reference venv's packages (sentence-transformers, torch) stay importable, after the venv's own.
    ref_site=$("$REF/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    own_site=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$ref_site" > "$own_site/quill-ref-venv.pth"
    "$VENV/bin/pip" install -q nbclient nbformat ipykernel
fi
[[ -d "$MODEL" ]] || bash scripts/fetch-model.sh >&2
if [[ -z "${QUILL_BIN:-}" ]]; then
    swift build -c release --product quill -Xcc -O2 >&2
    QUILL_BIN="$(swift build -c release --product quill --show-bin-path)/quill"
fi
exec nice "$VENV/bin/python" scripts/bench/jupyter_bench.py --quill "$QUILL_BIN" --model "$MODEL" "$@"
