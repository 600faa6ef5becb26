#!/usr/bin/env bash
# Sets up what the tests need (system libraries, the all-MiniLM-L6-v2 test model) and runs every test.
# This is the README's test command, and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/fetch-model.sh
export QUILL_REQUIRE_MODEL=1
# The real all-mpnet-base-v2 tier (440 MB; about 3 minutes to fetch, join and check). QUILL_TEST_MPNET=0 skips it.
if [[ "${QUILL_TEST_MPNET:-1}" == 1 ]]; then bash scripts/fetch-model.sh all-mpnet-base-v2; export QUILL_REQUIRE_MPNET=1; fi
swift build --build-tests -Xcc -O2
swift test --skip-build -Xcc -O2
if [[ -f scripts/check-notebooks.sh ]]; then bash scripts/check-notebooks.sh; fi
QUILL_REQUIRE_BROWSER=1 bash scripts/browser-test.sh
# Quill as a versioned dependency of another package (offline, from SwiftPM's cache; about 4 minutes).
bash scripts/consumer-test.sh
# Fuzz smoke, opt-in (QUILL_FUZZ_SMOKE=SECONDS per target; unset or 0 skips): one sanitizer build of Fuzz/ and seven
# runs took about 15 minutes on a 2-core machine, past the 12 that CI can spare (docs/reliability.md, "The CI budget").
# A 120 s per-input timeout, so that a slow machine reports no false finding.
if [[ "${QUILL_FUZZ_SMOKE:-0}" != 0 ]]; then QUILL_FUZZ_TIMEOUT=120 bash scripts/fuzz.sh --all "$QUILL_FUZZ_SMOKE"; fi
