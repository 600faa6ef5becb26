#!/usr/bin/env bash
# Quill's fuzz targets (libFuzzer + AddressSanitizer), in the package Fuzz/ so the main package needs no fuzzer flags.
#   scripts/fuzz.sh --list              names the targets
#   scripts/fuzz.sh TARGET SECONDS      builds TARGET and fuzzes it for SECONDS (seed corpus from the test fixtures)
#   scripts/fuzz.sh --all SECONDS       every target, SECONDS each, after one build of the whole package
#   scripts/fuzz.sh --hours             seconds and executions so far, per target (from Fuzz/hours.tsv)
# QUILL_FUZZ_TIMEOUT=SECONDS sets libFuzzer's per-input timeout (default 10; the CI smoke in scripts/test.sh gives 120,
# so that a slow or crowded machine reports no false timeout).
# Leak checks are off: LeakSanitizer cannot follow Swift's tagged pointers in long-lived globals (the fixtures'
# tokenizers) and reports them as leaks at exit.
# Each run appends a line to Fuzz/hours.tsv (date, target, seconds, runs, result): the fuzz hours in
# docs/reliability.md add up that file (a run stopped early by a finding counts the seconds it ran). A finding
# (crash, failed check, timeout, out-of-memory) is kept in
# Fuzz/Findings/TARGET/ and fails the run; reproduce it with
# `SWIFT_BACKTRACE=enable=no Fuzz/.build/release/TARGET FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGETS=(FuzzJSON FuzzSafetensors FuzzTokenizerFile FuzzTokenize FuzzNotebook FuzzPython FuzzJSONLines)

usage() { sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2; exit 64; }

hours() {
  python3 - "${TARGETS[@]}" <<'PY'
import sys
totals = {t: [0, 0, 0] for t in sys.argv[1:]}
with open("Fuzz/hours.tsv", encoding="utf-8") as f:
    next(f)
    for line in f:
        date, target, seconds, runs, result = line.rstrip("\n").split("\t")
        row = totals.setdefault(target, [0, 0, 0])
        row[0] += 1; row[1] += int(seconds); row[2] += int(runs)
print("| Target | Runs of the script | Minutes | Executions |")
print("| --- | ---: | ---: | ---: |")
for target, (n, seconds, runs) in totals.items():
    print(f"| `{target}` | {n} | {seconds / 60:.1f} | {runs:,} |")
PY
}

# seed TARGET DIR: copies the fixtures that make TARGET's seed corpus into DIR.
seed() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  case $target in
    FuzzJSON) find Tests -name '*.json' -size -64k | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    FuzzSafetensors) find Tests -name '*.safetensors' -size -1024k | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    FuzzTokenizerFile) find Tests -name 'tokenizer.json' -size -512k | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    FuzzTokenize) python3 - "$dir" <<'PY'
import json, sys, glob, hashlib, os
out = sys.argv[1]
for path in glob.glob("Tests/TokenizersTests/Fixtures/expected-*.json"):
    data = json.load(open(path, encoding="utf-8"))
    cases = data if isinstance(data, list) else data.get("cases", [])
    for case in cases[:400]:
        text = case.get("text") if isinstance(case, dict) else None
        if isinstance(text, str):
            b = b"\x05" + text.encode("utf-8", "surrogatepass")
            open(os.path.join(out, hashlib.sha1(b).hexdigest()), "wb").write(b)
PY
      ;;
    FuzzNotebook) find Notebooks Tests/NotebookTests/Fixtures -name '*.md' | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    FuzzPython) find Tests -path '*conformance*' -name '*.py' | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    FuzzJSONLines) python3 - "$dir" <<'PY'
# The line-splitting cases (Tests/JSONTests/Fixtures/lines.json) and JSON Lines records made from the small JSON
# fixtures (each value, or each item of a list, on a line; objects also as {"id", "text"} records, with CRLF), each
# behind the target's header: the line limit byte, then chunk sizes 1, 3 and 7.
import glob, hashlib, json, os, sys
out = sys.argv[1]
def put(limit, data):
    b = bytes([limit if limit < 0x80 else 0x80, 3, 0, 2, 6]) + data
    open(os.path.join(out, hashlib.sha1(b).hexdigest()), "wb").write(b)
for case in json.load(open("Tests/JSONTests/Fixtures/lines.json", encoding="utf-8")):
    put(case["limit"], bytes.fromhex(case["input"]))
for path in sorted(glob.glob("Tests/**/*.json", recursive=True)):
    if os.path.getsize(path) > 16384 or path.endswith("lines.json"):
        continue
    try:
        value = json.load(open(path, encoding="utf-8"))
    except ValueError:
        continue
    items = value if isinstance(value, list) else [value]
    lines = [json.dumps(v, ensure_ascii=False) for v in items[:50]]
    lines += [json.dumps({"id": i, "text": json.dumps(v)[:200]}) for i, v in enumerate(items[:5])]
    put(0x80, "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
    put(0x80, "\r\n".join(lines).encode("utf-8", "surrogatepass"))
PY
      ;;
    *) echo "unknown target $target (scripts/fuzz.sh --list)" >&2; exit 64 ;;
  esac
}

# build [TARGET]: one target, or the whole package.
build() {
  # --sanitize instruments only the fuzz package's own targets; -Xswiftc/-Xcc instrument Quill's modules too.
  swift build -c release --package-path Fuzz ${1:+--product "$1"} --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
    -Xswiftc -parse-as-library -Xswiftc -enable-testing -Xcc -O2 >&2
}

# fuzz TARGET SECONDS [built]: builds TARGET (unless "built") and fuzzes it.
fuzz() {
  local target=$1 seconds=$2
  [[ ${3:-} == built ]] || build "$target"
  local work=Fuzz/.build/corpus/$target seeds=Fuzz/.build/seeds/$target findings=Fuzz/Findings/$target
  rm -rf "$seeds"; seed "$target" "$seeds"; mkdir -p "$work" "$findings"
  local log=Fuzz/.build/$target.log status=0 start=$SECONDS
  # SWIFT_BACKTRACE off: the runtime's crash handler reads freed memory, and ASan would report that instead.
  QUILL_ROOT=$ROOT ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "Fuzz/.build/release/$target" -max_total_time="$seconds" \
    -timeout="${QUILL_FUZZ_TIMEOUT:-10}" -rss_limit_mb=3072 -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 \
    "$work" "$seeds" >"$log" 2>&1 || status=$?
  local runs; runs=$(grep -ah 'stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s+0}')
  local result=ok; [[ $status -eq 0 ]] || { result="finding(exit $status)"; seconds=$((SECONDS - start < seconds ? SECONDS - start : seconds)); }
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "$runs" "$result" >> Fuzz/hours.tsv
  echo "$target: ${seconds}s, $runs runs, $result (log: $log)"
  [[ $status -eq 0 ]] || { tail -40 "$log" >&2; return 1; }
}

[[ $# -ge 1 ]] || usage
case $1 in
  --list) printf '%s\n' "${TARGETS[@]}" ;;
  --hours) hours ;;
  --all) [[ $# -eq 2 ]] || usage; build; rc=0; for t in "${TARGETS[@]}"; do fuzz "$t" "$2" built || rc=1; done; exit $rc ;;
  -h|--help) usage ;;
  *) [[ $# -eq 2 ]] || usage; fuzz "$1" "$2" ;;
esac
