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
# Row D4 of the reliability catalogue in short form: `quill update` killed at random points 40 times (the
# 1,000-run loop is `python3 scripts/kill-loop.py`).
python3 scripts/kill-loop.py --runs 40
# The Spark tier in its short form (issue 18): the job in local[2] mode on 2,000 sentences against single-process
# `quill embed` (every id once, equal to 1e-6), with this build's quill. It sets up Java and a pyspark venv outside
# the repo (scripts/spark/setup.sh; about 4 minutes on a fresh machine). The 20,000-sentence run is
# `bash scripts/spark/test.sh`. QUILL_TEST_SPARK=0 skips it.
if [[ "${QUILL_TEST_SPARK:-1}" == 1 ]]; then
    QUILL_BIN="$(swift build --show-bin-path -Xcc -O2)/quill" bash scripts/spark/test.sh --sentences 2000
fi
# Fuzz smoke, opt-in (QUILL_FUZZ_SMOKE=SECONDS per target; unset or 0 skips): one sanitizer build of Fuzz/ and seven
# runs took about 15 minutes on a 2-core machine, past the 12 that CI can spare (docs/reliability.md, "The CI budget").
# A 120 s per-input timeout, so that a slow machine reports no false finding.
if [[ "${QUILL_FUZZ_SMOKE:-0}" != 0 ]]; then QUILL_FUZZ_TIMEOUT=120 bash scripts/fuzz.sh --all "$QUILL_FUZZ_SMOKE"; fi
