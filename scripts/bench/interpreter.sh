#!/usr/bin/env bash
# Interpreter overhead (issue 13): a pure-Python loop of 10^6 arithmetic steps, run by CPython and by
# `quill run loop.py`; prints the best wall time of each over --reps runs and the ratio (target: Quill at most 10x
# CPython). Wall times include each program's start-up, which is printed too (an empty program), and the two
# outputs must agree.
#   bash scripts/bench/interpreter.sh [--reps N] [--steps N]
# Env: QUILL_BIN (use this quill binary instead of building one in release), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=5
STEPS=1000000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --reps) REPS="$2"; shift 2 ;;
        --steps) STEPS="$2"; shift 2 ;;
        *) echo "usage: bash scripts/bench/interpreter.sh [--reps N] [--steps N]" >&2; exit 64 ;;
    esac
done
PYTHON="${PYTHON:-python3}"
if [[ -z "${QUILL_BIN:-}" ]]; then
    swift build -c release --product quill >&2
    QUILL_BIN="$(swift build -c release --product quill --show-bin-path)/quill"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/quill-interp-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Each step: a multiplication, a modulo, an addition, a comparison and a branch, on small ints.
cat > "$WORK/loop.py" <<EOF
total = 0
for i in range($STEPS):
    x = i * 3 % 7
    if x > 2:
        total += x
    else:
        total -= 1
print(total)
EOF
: > "$WORK/empty.py"

# best_time CMD...: the smallest wall time in seconds over REPS runs; the last run's stdout in $WORK/stdout.
best_time() {
    local best="" start end elapsed
    for ((rep = 0; rep < REPS; rep++)); do
        start=$(date +%s%N)
        (cd "$WORK" && "$@" > "$WORK/stdout") || { echo "failed: $*" >&2; exit 1; }
        end=$(date +%s%N)
        elapsed=$((end - start))
        if [[ -z "$best" || $elapsed -lt $best ]]; then best=$elapsed; fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

python_start=$(best_time "$PYTHON" empty.py)
python_loop=$(best_time "$PYTHON" loop.py)
python_out=$(cat "$WORK/stdout")
quill_start=$(best_time "$QUILL_BIN" run empty.py)
quill_loop=$(best_time "$QUILL_BIN" run loop.py)
quill_out=$(cat "$WORK/stdout")
if [[ "$python_out" != "$quill_out" ]]; then
    echo "outputs differ: CPython printed '$python_out', Quill '$quill_out'" >&2
    exit 1
fi

echo "loop of $STEPS steps, best of $REPS runs (wall time, start-up included)"
printf '%-8s start-up %6ss   loop %6ss\n' "CPython" "$python_start" "$python_loop"
printf '%-8s start-up %6ss   loop %6ss\n' "Quill" "$quill_start" "$quill_loop"
awk -v q="$quill_loop" -v p="$python_loop" 'BEGIN {
    ratio = q / p
    printf "Quill / CPython: %.2fx (target: at most 10x) %s\n", ratio, (ratio <= 10 ? "met" : "NOT met")
}'
