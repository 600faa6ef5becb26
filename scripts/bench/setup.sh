#!/usr/bin/env bash
# Creates the benchmark's own virtual environment (outside the repo) with the peers:
# sentence-transformers (PyTorch), ONNX Runtime, onnx, numpy, psutil, matplotlib.
# Idempotent: does nothing when the venv already has everything.
# Env: QUILL_BENCH_VENV (default ~/.venvs/quill-bench).
set -euo pipefail
VENV="${QUILL_BENCH_VENV:-$HOME/.venvs/quill-bench}"
PY="${PYTHON:-python3}"
if [[ -x "$VENV/bin/python" ]] && "$VENV/bin/python" -c "import sentence_transformers, onnxruntime, onnx, numpy, psutil, matplotlib, onnxscript" 2>/dev/null; then
    exit 0
fi
echo "setup: creating $VENV" >&2
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
# A CPU-only torch wheel avoids several GB of CUDA libraries; use a local one when the machine has it
# (pip's find-links), else the CPU build from PyPI's default index.
cpu_wheel=$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | head -1 || true)
if [[ -n "$cpu_wheel" ]]; then
    "$VENV/bin/pip" install -q "$cpu_wheel"
else
    "$VENV/bin/pip" install -q torch
fi
"$VENV/bin/pip" install -q sentence-transformers onnxruntime onnx onnxscript numpy psutil matplotlib
"$VENV/bin/python" - <<'PY'
import torch, sentence_transformers, onnxruntime, numpy, transformers
print("setup: torch", torch.__version__, "| sentence-transformers", sentence_transformers.__version__,
      "| transformers", transformers.__version__, "| onnxruntime", onnxruntime.__version__, "| numpy", numpy.__version__)
PY
