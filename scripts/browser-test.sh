#!/usr/bin/env bash
# The browser test of the HTML output (called by scripts/test.sh after the Swift tests): renders the quickstart with
# `quill run --to html` into a temp folder, opens it from file:// in headless Chromium (Debian's `chromium`, installed by
# scripts/install-deps.sh), takes a screenshot and checks that it is not blank (scripts/check-screenshot.py), and checks
# that the DOM Chromium built holds the page's tables and SVG figures. No network is used.
# Without chromium it is skipped, unless QUILL_REQUIRE_BROWSER=1 (scripts/test.sh sets it): then it fails.
# QUILL=path/to/quill overrides the binary (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
QUILL=${QUILL:-.build/debug/quill}
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
    if [[ "${QUILL_REQUIRE_BROWSER:-0}" == 1 ]]; then
        echo "browser-test: FAILED: chromium is not installed (run scripts/install-deps.sh)" >&2
        exit 1
    fi
    echo "browser-test: skipped: chromium is not installed (QUILL_REQUIRE_BROWSER=1 makes this a failure)"
    exit 0
fi
[[ -x "$QUILL" ]] || { echo "browser-test: FAILED: no quill binary at $QUILL (build first)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$QUILL" run --to html --output-dir "$tmp/out" Notebooks/quickstart.md >/dev/null
page="$tmp/out/quickstart.html"
[[ -s "$page" ]] || { echo "browser-test: FAILED: quill wrote no $page" >&2; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-extensions
       --hide-scrollbars --user-data-dir="$tmp/profile" --window-size=800,1100)
timeout 60 "$browser" "${flags[@]}" --screenshot="$tmp/shot.png" "file://$page" >/dev/null 2>"$tmp/chromium.log" || {
    echo "browser-test: FAILED: chromium --screenshot failed:" >&2; tail -n 20 "$tmp/chromium.log" >&2; exit 1; }
timeout 60 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$tmp/dom.html" 2>>"$tmp/chromium.log" || {
    echo "browser-test: FAILED: chromium --dump-dom failed:" >&2; tail -n 20 "$tmp/chromium.log" >&2; exit 1; }

python3 scripts/check-screenshot.py "$tmp/shot.png"
python3 - "$tmp/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
tables = len(re.findall(r"<table[\s>]", dom))
cells = len(re.findall(r"<td[\s>]", dom))
figures = len(re.findall(r"<figure[^>]*>\s*<svg[\s>]", dom))
problems = []
if tables < 1 or cells < 4: problems.append(f"{tables} tables with {cells} cells in the DOM (want a table)")
if figures < 1: problems.append(f"{figures} SVG figures in the DOM (want at least one)")
if "<script" in dom: problems.append("a <script> element in the DOM")
if problems:
    sys.exit("browser-test: FAILED: " + "; ".join(problems))
print(f"browser-test: ok: {tables} tables ({cells} cells) and {figures} SVG figures in Chromium's DOM")
PY
