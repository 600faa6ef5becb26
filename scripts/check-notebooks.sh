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
# without re-rendering fails here. Only the throughput cell's measured rate may differ.
echo "== Output/quickstart.md, quickstart.html and quickstart_files/ are current"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
QUILL_CACHE_DIR="$fresh/cache" "$QUILL" run --to md,html --output-dir "$fresh" Notebooks/quickstart.md > /dev/null
rate() { sed -E 's/[0-9]+ sentences, best of ([0-9]+) runs: [0-9]+ sentences\/s/N sentences, best of \1 runs: R sentences\/s/' "$1"; }
for file in quickstart.md quickstart.html; do
  diff <(rate "Output/$file") <(rate "$fresh/$file") > "$fresh/diff" || {
    head -40 "$fresh/diff" >&2
    echo "Output/$file is stale: re-render with .build/release/quill run --to md,html Notebooks/quickstart.md" >&2
    exit 1
  }
done
diff -r Output/quickstart_files "$fresh/quickstart_files" >&2 \
  || { echo "Output/quickstart_files/ is stale: re-render (see above)" >&2; exit 1; }
echo "current"
echo "== quill check Notebooks/"
"$QUILL" check --allow-missing-models Notebooks/
