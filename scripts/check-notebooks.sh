#!/usr/bin/env bash
# Checks the notebooks in Notebooks/ against their expected output blocks (called by scripts/test.sh after the
# tests, so the debug build is already there; builds it when missing). QUILL=path/to/quill overrides the binary.
#  - quickstart.md must pass: it needs only all-MiniLM-L6-v2 (scripts/fetch-model.sh) and a test fixture.
#  - The seed notebooks need models from the Hugging Face hub. Where those cannot be had, quill reports each
#    notebook as "not run: model X unavailable (...)"; this script passes --allow-missing-models for them, explicitly
#    (without it a missing model exits 1); where they can be had, their numbers must match the document's.
set -euo pipefail
cd "$(dirname "$0")/.."
QUILL=${QUILL:-.build/debug/quill}
# Tests never reach the network: models come from ./models or the local Hugging Face cache only.
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
if [[ ! -x "$QUILL" ]]; then
  swift build --product quill -Xcc -O2
  QUILL=.build/debug/quill
fi
echo "== quill check Notebooks/quickstart.md"
"$QUILL" check Notebooks/quickstart.md
echo "== quill check Notebooks/"
"$QUILL" check --allow-missing-models Notebooks/
