#!/usr/bin/env bash
# Checks the notebooks in Notebooks/ against their expected output blocks (called by scripts/test.sh after the
# tests, so the debug build is already there; builds it when missing). QUILL=path/to/quill overrides the binary.
#  - quickstart.md must pass: it needs only all-MiniLM-L6-v2 (scripts/fetch-model.sh) and a test fixture.
#  - The seed notebooks need models from the Hugging Face hub. Where those cannot be had, quill reports each
#    notebook as "not run: model X unavailable (...)" and `check` still exits 0 (exit 1 only with --require-models);
#    where they can be had, their numbers must match the document's.
# The cells are Python using sentence-transformers, numpy and torch. While QuillPython is being built, a quill
# without that surface cannot run them: the script says so and checks nothing (a probe file that imports them).
set -euo pipefail
cd "$(dirname "$0")/.."
QUILL=${QUILL:-.build/debug/quill}
# Tests never reach the network: models come from ./models or the local Hugging Face cache only.
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
if [[ ! -x "$QUILL" ]]; then
  swift build --product quill
  QUILL=.build/debug/quill
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'from sentence_transformers import SentenceTransformer, CrossEncoder, util\nimport torch\nimport numpy\n' > "$probe/probe.py"
if ! QUILL_ENGINE=hash "$QUILL" run "$probe/probe.py" > "$probe/out" 2>&1; then
  echo "== SKIPPED quill check Notebooks/: this quill cannot import sentence_transformers, torch and numpy yet:"
  cat "$probe/out"
  exit 0
fi
echo "== quill check Notebooks/quickstart.md"
"$QUILL" check --require-models Notebooks/quickstart.md
echo "== quill check Notebooks/"
"$QUILL" check Notebooks/
