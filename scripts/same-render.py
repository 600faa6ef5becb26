#!/usr/bin/env python3
"""Compares two renders of a notebook (Markdown, HTML or SVG text): the text between numbers must be identical,
and each number may differ from the other render's by one unit in its last printed digit, so that a value printed
to four places on a CPU with other kernels (AVX-512 vs AVX2: |diff| about 1e-7) may round the other way. The
throughput cell's measured rate may differ freely.
    python3 scripts/same-render.py COMMITTED FRESH    (exit 1 and the first differences when they differ)"""
import re
import sys

NUMBER = re.compile(r"[-+]?\d+(?:\.(\d+))?(?:[eE][-+]?\d+)?")
RATE = re.compile(r"best of (\d+) runs: \d+ sentences/s")


def parts(text):
    text = RATE.sub(r"best of \1 runs: RATE sentences/s", text)
    pieces, numbers, at = [], [], 0
    for m in NUMBER.finditer(text):
        pieces.append(text[at:m.start()])
        numbers.append((m.group(0), len(m.group(1) or "")))
        at = m.end()
    pieces.append(text[at:])
    return pieces, numbers


def main(committed, fresh):
    a_text = open(committed, encoding="utf-8").read()
    b_text = open(fresh, encoding="utf-8").read()
    (a_pieces, a_numbers), (b_pieces, b_numbers) = parts(a_text), parts(b_text)
    problems = []
    if a_pieces != b_pieces or len(a_numbers) != len(b_numbers):
        line = next((i + 1 for i, (x, y) in enumerate(zip(a_text.splitlines(), b_text.splitlines())) if x != y), None)
        problems.append(f"the text differs (first differing line: {line})")
    else:
        for (x, places), (y, _) in zip(a_numbers, b_numbers):
            if abs(float(x) - float(y)) > 1.0001 * 10 ** -places:
                problems.append(f"{x} != {y}")
    for p in problems[:10]:
        print(f"{committed}: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
