#!/usr/bin/env python3
"""The lines of JSON Lines and text input as CPython splits and decodes them, for QuillJSON's LineSplitter
(LineSplitterTests, which feeds each input in every chunk size and expects these lines every time).

Run by humans, never by tests:
    python3 Tests/Fixtures/generate/json_lines.py

Reference: CPython 3.11. bytes.splitlines() splits on LF, CRLF and a lone CR (and no other byte), with no empty
line after a final terminator; a UTF-8 byte order mark at the start of the input is dropped; the strict "utf-8"
codec names the first invalid byte (UnicodeDecodeError.start: a broken or truncated sequence is named by its lead
byte). A line longer than the case's limit (in bytes, terminator excluded, byte order mark included) is an error.
The lines before the first error are kept. Writes Tests/JSONTests/Fixtures/lines.json: a list of cases
{"name", "input" (hex), "limit", "lines": [{"hex", "number", "offset"}], "error": null or
{"kind": "invalidUTF8", "line", "offset", "byte", "column"} or {"kind": "tooLong", "line"}}.
"""
import json
import os
import random

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "JSONTests", "Fixtures", "lines.json")
BIG = 64 << 20


def split(data, limit):
    lines, error, offset = [], None, 0
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        body = raw.rstrip(b"\r\n") if raw.endswith(b"\r\n") else raw[:-1] if raw[-1:] in (b"\r", b"\n") else raw
        start = offset
        offset += len(raw)
        if len(body) > limit:
            error = {"kind": "tooLong", "line": number}
            break
        if number == 1 and body.startswith(b"\xef\xbb\xbf"):
            body, start = body[3:], start + 3
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as e:
            error = {"kind": "invalidUTF8", "line": number, "offset": start + e.start, "byte": body[e.start],
                     "column": e.start + 1}
            break
        lines.append({"hex": body.hex(), "number": number, "offset": start})
    return lines, error


FIXED = [
    ("LF", b"a\nb\nc\n", BIG), ("CRLF", b"a\r\nb\r\nc\r\n", BIG), ("lone CR", b"a\rb\rc\r", BIG),
    ("mixed, no final terminator", b"a\r\nb\rc", BIG), ("empty input", b"", BIG), ("one LF", b"\n", BIG),
    ("blank lines in CRLF", b"\r\n\r\n", BIG), ("CR then CRLF", b"x\r\r\ny", BIG), ("LF then CR", b"x\n\ry", BIG),
    ("CRLF at the very end", b"ab\r\n", BIG), ("CR at the very end", b"ab\r", BIG),
    ("BOM then CRLF", b"\xef\xbb\xbfa\r\nb\r\nc\r\n", BIG), ("BOM only", b"\xef\xbb\xbf", BIG),
    ("BOM on line 2 is kept", b"a\n\xef\xbb\xbfb\n", BIG), ("two BOMs: the second is kept", b"\xef\xbb\xbf\xef\xbb\xbfa", BIG),
    ("half a BOM", b"\xef\xbb\n", BIG),
    ("0xFF on line 2", b'"ok"\n"\xff"\n', BIG), ("overlong 0xC0 0xAF after CRLF", b'"ok"\r\n"ab\xc0\xaf"\r\n', BIG),
    ("surrogate 0xED 0xA0 0x80", b'"\xed\xa0\x80"\n', BIG), ("truncated at the end", b'"ok"\n"x\xe2\x82', BIG),
    ("truncated before LF", b"x\xe2\x82\ny", BIG), ("above U+10FFFF", b"\xf4\x90\x80\x80", BIG),
    ("lone continuation", b"ab\x80", BIG), ("0xF5", b"\xf5", BIG), ("overlong 0xE0 0x80", b"\xe0\x80\x80", BIG),
    ("invalid after a BOM", b"\xef\xbb\xbfab\xfe", BIG), ("valid multibyte", "é€😀\r\nü".encode(), BIG),
    ("CR inside a multibyte sequence", b"\xe2\r\x82\xac", BIG),
    ("limit: exactly 8 bytes", b"12345678\n", 8), ("limit: 9 bytes", b"ok\n123456789\nnever", 8),
    ("limit: 9 bytes, no terminator", b"ok\r\n123456789", 8), ("limit: counts the BOM", b"\xef\xbb\xbf123456", 8),
    ("limit: before invalid UTF-8", b"\xff23456789\n", 8), ("limit: zero", b"\n\r\nx", 0),
]


def random_cases(rng, count):
    pieces = [b"a", b"b", b" ", b"\r", b"\n", b"\r\n", b"\xef\xbb\xbf", b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80",
              b"\xff", b"\xe2\x82", b"\x80", b'"', b"{}", b"1"]
    weights = [8, 8, 4, 4, 4, 4, 1, 2, 2, 1, 0.3, 0.3, 0.3, 2, 1, 1]
    cases = []
    for i in range(count):
        data = b"".join(rng.choices(pieces, weights, k=rng.randint(0, 24)))
        limit = rng.choice([BIG, BIG, 3, 6, 10])
        cases.append((f"random {i}", data, limit))
    return cases


def main():
    rng = random.Random(17)
    cases = []
    for name, data, limit in FIXED + random_cases(rng, 200):
        lines, error = split(data, limit)
        cases.append({"name": name, "input": data.hex(), "limit": limit, "lines": lines, "error": error})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print(f"{OUT}: {len(cases)} cases, {sum(c['error'] is not None for c in cases)} with an error")


if __name__ == "__main__":
    main()
