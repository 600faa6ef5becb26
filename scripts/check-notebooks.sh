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
# The committed render (Output/, written by scripts/setup.sh) must be what this checkout renders: a notebook edited
# without re-rendering fails here.
echo "== Output/quickstart.md, quickstart.html and quickstart_files/ are current"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
QUILL_CACHE_DIR="$fresh/cache" "$QUILL" run --to md,html --output-dir "$fresh" Notebooks/quickstart.md > /dev/null
# Numbers may differ by one unit in their last printed digit (scripts/same-render.py says why).
for file in quickstart.md quickstart.html $(cd Output && ls quickstart_files/* 2>/dev/null); do
  python3 scripts/same-render.py "Output/$file" "$fresh/$file" || {
    echo "Output/$file is stale: re-render with .build/release/quill run --to md,html Notebooks/quickstart.md" >&2
    exit 1
  }
done
[[ "$(cd Output/quickstart_files && ls)" == "$(cd "$fresh/quickstart_files" && ls)" ]] \
  || { echo "Output/quickstart_files/ holds other figures than a fresh render: re-render (see above)" >&2; exit 1; }
echo "current"
echo "== quill check Notebooks/"
"$QUILL" check --allow-missing-models Notebooks/
