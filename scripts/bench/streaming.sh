#!/usr/bin/env bash
# Bounded memory of the streaming workers (issue 18, item 1): peak RSS of `quill embed` and `quill score` on
# 10^4 and on 10^6 input lines, with the tiny fixture models (Tests/ModelsTests/Fixtures), so that the large run
# takes minutes. The bound holds when each 10^6 peak is within 1.5x of its 10^4 peak; the script exits 1 otherwise.
#   bash scripts/bench/streaming.sh [--small N] [--large N]
# Env: QUILL_BIN (use this quill binary instead of a release build), QUILL_BENCH_WORK (folder for the inputs;
# default a temp folder, removed at the end).
# Inputs are id-carrying JSON Lines ({"id", "text"} and {"id", "query", "passage"}); output goes to a file
# in the work folder, and every run's output line count is checked.
set -euo pipefail
cd "$(dirname "$0")/../.."
small=10000
large=1000000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --small) small="$2"; shift 2 ;;
        --large) large="$2"; shift 2 ;;
        *) echo "usage: $0 [--small N] [--large N]" >&2; exit 64 ;;
    esac
done
if [[ -z "${QUILL_BIN:-}" ]]; then
    swift build -c release --product quill >&2
    QUILL_BIN="$(swift build -c release --product quill --show-bin-path)/quill"
fi
work="${QUILL_BENCH_WORK:-}"
if [[ -z "$work" ]]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
fixtures=Tests/ModelsTests/Fixtures

# Sentences of 4 to 19 words, varied so that batches pack differently.
generate() {  # KIND N FILE
    awk -v n="$2" -v kind="$1" 'BEGIN {
        split("the a quick brown fox jumps over lazy dog model embeds every sentence of corpus in order", w, " ")
        for (i = 0; i < n; i++) {
            s = ""; len = 4 + (i * 7) % 16
            for (j = 0; j < len; j++) s = s (j ? " " : "") w[1 + (i * 13 + j * 5) % 17]
            if (kind == "embed") printf "{\"id\": %d, \"text\": \"%s %d\"}\n", i, s, i
            else printf "{\"id\": \"p%d\", \"query\": \"%s?\", \"passage\": \"%s %d\"}\n", i, s, s, i
        }
    }' > "$3"
}

# Prints "PEAK_KB SECONDS" for one run; checks that every input line got its output line.
measure() {  # COMMAND MODEL INPUT
    local out="$work/out.jsonl" rss start end
    start=$(date +%s.%N)
    if [[ -x /usr/bin/time ]]; then
        rss=$( { /usr/bin/time -f '%M' "$QUILL_BIN" "$1" --model "$2" --input "$3" > "$out"; } 2>&1 | tail -1)
    else
        rss=$(python3 - "$out" "$QUILL_BIN" "$1" --model "$2" --input "$3" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1], "w") as out:
    subprocess.run(sys.argv[2:], stdout=out, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
)
    fi
    end=$(date +%s.%N)
    local want got
    want=$(wc -l < "$3"); got=$(wc -l < "$out")
    if [[ "$want" != "$got" ]]; then echo "$1: $got output lines for $want input lines" >&2; exit 1; fi
    echo "$rss $(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
}

status=0
printf '%-6s %12s %12s %10s %12s\n' command lines peak_MiB seconds lines/s
for kind in embed score; do
    model="$fixtures/bert-mean-normalize"
    [[ "$kind" == score ]] && model="$fixtures/ce-bert-1"
    declare -A peak=()
    for n in "$small" "$large"; do
        input="$work/$kind-$n.jsonl"
        [[ -s "$input" ]] || generate "$kind" "$n" "$input"
        result=$(measure "$kind" "$model" "$input")
        read -r kb seconds <<< "$result"
        peak[$n]=$kb
        awk -v k="$kind" -v n="$n" -v kb="$kb" -v s="$seconds" \
            'BEGIN { printf "%-6s %12d %12.1f %10.1f %12.0f\n", k, n, kb / 1024, s, n / s }'
    done
    ratio=$(awk -v a="${peak[$large]}" -v b="${peak[$small]}" 'BEGIN { print a / b }')
    verdict=ok
    if awk -v r="$ratio" 'BEGIN { exit !(r > 1.5) }'; then verdict="OVER 1.5x"; status=1; fi
    printf '%-6s peak RSS ratio %s/%s lines: %.2fx (%s)\n' "$kind" "$large" "$small" "$ratio" "$verdict"
    unset peak
done
exit $status
