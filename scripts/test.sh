#!/usr/bin/env bash
# Sets up what the tests need (system libraries, the all-MiniLM-L6-v2 test model) and runs every test.
# This is the README's test command, and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/fetch-model.sh
export QUILL_REQUIRE_MODEL=1
swift build --build-tests -Xcc -O2
swift test --skip-build -Xcc -O2
if [[ -f scripts/check-notebooks.sh ]]; then bash scripts/check-notebooks.sh; fi
QUILL_REQUIRE_BROWSER=1 bash scripts/browser-test.sh
