"""Checks a Spark job's Parquet output against single-process `quill` output (scripts/spark/test.sh).

    check_output.py KEY PARQUET_DIR SINGLE.jsonl INPUT.jsonl [TOLERANCE]

KEY is embedding or score. INPUT.jsonl holds the {"id", ...} records both runs read; SINGLE.jsonl is
`quill embed`/`quill score` on it, {"id", KEY} per line. Passes (exit 0) when every input id appears exactly once
in the Parquet output and each value equals the single process's to TOLERANCE (default 1e-6) elementwise;
prints the count and the largest difference.
"""
import json
import sys

import pyarrow.parquet as pq


def main():
    key, parquet_dir, single_path, input_path = sys.argv[1:5]
    tolerance = float(sys.argv[5]) if len(sys.argv) > 5 else 1e-6
    table = pq.read_table(parquet_dir)
    if table.column_names != ["id", key]:
        sys.exit(f"FAIL: columns {table.column_names}, expected ['id', '{key}']")
    ids = table.column("id").to_pylist()
    values = table.column(key).to_pylist()
    with open(input_path) as f:
        want_ids = [json.loads(line)["id"] for line in f]
    with open(single_path) as f:
        single = {}
        for line in f:
            record = json.loads(line)
            single[record["id"]] = record[key]
    seen = {}
    for i, v in zip(ids, values):
        seen[i] = seen.get(i, 0) + 1
    twice = [i for i, n in seen.items() if n > 1]
    missing = [i for i in want_ids if i not in seen]
    extra = [i for i in seen if i not in single]
    if twice or missing or extra or len(ids) != len(want_ids):
        sys.exit(f"FAIL: {len(ids)} rows for {len(want_ids)} ids; duplicated {twice[:5]}, missing {missing[:5]}, "
                 f"unknown {extra[:5]}")
    worst = 0.0
    for i, v in zip(ids, values):
        a = v if isinstance(v, list) else [v]
        b = single[i] if isinstance(single[i], list) else [single[i]]
        if len(a) != len(b):
            sys.exit(f"FAIL: id {i!r}: {len(a)} values, single process {len(b)}")
        worst = max([worst] + [abs(x - y) for x, y in zip(a, b)])
    status = "ok" if worst <= tolerance else "FAIL"
    print(f"{status}: {len(ids)} ids, each once; max |spark - single| = {worst:.3g} (tolerance {tolerance:g})")
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main()
