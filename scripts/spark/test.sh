#!/usr/bin/env bash
# The Spark job, tested for real (issue 18, item 3): embed_corpus.py in local[2] mode on N generated sentences
# (default 20,000; deterministic: scripts/bench/gen_corpus.py, seed 18) against single-process `quill embed` on the
# same input: every id once, each embedding equal to 1e-6, and both throughputs. Then score_pairs.py on 500 pairs
# with the tiny fixture cross-encoder, and the job's errors (duplicate ids, a missing model).
#   bash scripts/spark/test.sh [--sentences N] [--partitions P]
# Env: QUILL_BIN (a quill binary; default: a release build of this checkout), QUILL_SPARK_MODEL (default
# models/all-MiniLM-L6-v2, fetched by scripts/fetch-model.sh), QUILL_SPARK_VENV (see setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
sentences=20000
partitions=4
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sentences) sentences="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        *) echo "usage: $0 [--sentences N] [--partitions P]" >&2; exit 64 ;;
    esac
done
venv=$(bash scripts/spark/setup.sh | tail -1)
py="$venv/bin/python"
if [[ -z "${QUILL_BIN:-}" ]]; then
    swift build -c release --product quill -Xcc -O2 >&2
    QUILL_BIN="$(swift build -c release --product quill --show-bin-path)/quill"
fi
model="${QUILL_SPARK_MODEL:-models/all-MiniLM-L6-v2}"
[[ -d "$model" ]] || bash scripts/fetch-model.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYSPARK_PYTHON="$py" SPARK_LOCAL_IP=127.0.0.1
now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f s, %.0f sentences/s", b - a, n / (b - a) }'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 scripts/bench/gen_corpus.py sentences "$sentences" 18 "$work/plain.jsonl"
python3 - "$work/plain.jsonl" "$work/corpus.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as dst:
    for i, line in enumerate(src):
        dst.write(json.dumps({"id": f"s{i:07d}", "text": json.loads(line)}) + "\n")
PY

t0=$(now)
"$QUILL_BIN" embed --model "$model" --input "$work/corpus.jsonl" --output "$work/single.jsonl"
t1=$(now)
"$py" scripts/spark/embed_corpus.py --input "$work/corpus.jsonl" --output "$work/out.parquet" --model "$model" \
    --master 'local[2]' --partitions "$partitions" --quill "$QUILL_BIN" 2> "$work/spark.log" \
    || { tail -20 "$work/spark.log" >&2; fail "embed_corpus.py"; }
t2=$(now)
"$py" scripts/spark/check_output.py embedding "$work/out.parquet" "$work/single.jsonl" "$work/corpus.jsonl"
echo "single process: $sentences sentences in $(rate "$sentences" "$t0" "$t1")"
echo "spark local[2], $partitions partitions: $sentences sentences in $(rate "$sentences" "$t1" "$t2") (JVM start included)"

# score_pairs.py, with the fixture cross-encoder (tiny: this checks the plumbing, not speed).
ce=Tests/ModelsTests/Fixtures/ce-bert-1
python3 - "$work/corpus.jsonl" "$work/pairs.jsonl" <<'PY'
import json, sys
with open(sys.argv[1]) as src:
    texts = [json.loads(line)["text"] for _, line in zip(range(501), src)]
with open(sys.argv[2], "w") as dst:
    for i in range(500):
        dst.write(json.dumps({"id": i, "query": texts[i], "passage": texts[i + 1]}) + "\n")
PY
"$QUILL_BIN" score --model "$ce" --input "$work/pairs.jsonl" --output "$work/single-scores.jsonl"
"$py" scripts/spark/score_pairs.py --input "$work/pairs.jsonl" --output "$work/scores.parquet" --model "$ce" \
    --partitions 3 --quill "$QUILL_BIN" 2> "$work/spark.log" || { tail -20 "$work/spark.log" >&2; fail "score_pairs.py"; }
"$py" scripts/spark/check_output.py score "$work/scores.parquet" "$work/single-scores.jsonl" "$work/pairs.jsonl"

# Errors: one line naming the problem, exit 1.
expect_error() {  # PATTERN COMMAND...
    local pattern="$1"; shift
    if "$@" > /dev/null 2> "$work/err.log"; then fail "$* succeeded"; fi
    grep -q "$pattern" "$work/err.log" || { cat "$work/err.log" >&2; fail "no '$pattern' from: $*"; }
    echo "ok: $(tr '\r' '\n' < "$work/err.log" | grep -m1 "$pattern" | sed 's/^ *//')"
}
head -3 "$work/corpus.jsonl" > "$work/dup.jsonl"; head -1 "$work/corpus.jsonl" >> "$work/dup.jsonl"
expect_error "duplicate ids" "$py" scripts/spark/embed_corpus.py --input "$work/dup.jsonl" --output "$work/dup.parquet" \
    --model "$model" --quill "$QUILL_BIN"
expect_error "no such folder" "$py" scripts/spark/embed_corpus.py --input "$work/corpus.jsonl" \
    --output "$work/x.parquet" --model ./no-such-model --quill "$QUILL_BIN"
# A quill that fails inside a task (input cut after 200 bytes: invalid JSON on line 3) is named with its stderr.
printf '#!/bin/sh\nhead -c 200 | "%s" "$@"\n' "$(realpath "$QUILL_BIN")" > "$work/cut-quill"
chmod +x "$work/cut-quill"
expect_error "quill embed failed (exit 65)" "$py" scripts/spark/embed_corpus.py --input "$work/corpus.jsonl" \
    --output "$work/cut.parquet" --model "$model" --quill "$work/cut-quill" --partitions 1
echo "spark test passed"
