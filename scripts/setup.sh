#!/usr/bin/env bash
# Sets Quill up on a fresh Debian machine with Swift 6 and renders the notebooks:
# system libraries, the all-MiniLM-L6-v2 model, a release build, then Notebooks/ -> Output/ (NAME.md and NAME.html).
# Notebooks whose models cannot be had here (the seed's hub models, offline) are reported as not run; the rest render
# (--allow-missing-models, explicitly: without it a missing model fails the command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/fetch-model.sh
swift build -c release --product quill
.build/release/quill run --to md,html --allow-missing-models Notebooks/
echo "Rendered notebooks are in Output/."
