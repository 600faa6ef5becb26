"""Writes the expected outputs of Quill's Python formatting (Sources/QuillPython/Format) from CPython itself.

Run with CPython 3.11 (and numpy for float32): python3 Tests/Fixtures/generate/format_cases.py
Writes JSON files under Tests/QuillPythonTests/Fixtures/format/. Every expected string comes from CPython; a case
that raises records "ExceptionType: message". Deterministic (fixed seeds).
"""

import json
import math
import os
import random
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "QuillPythonTests", "Fixtures", "format")

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"


def outcome(f):
    try:
        return {"ok": f()}
    except Exception as e:  # the exception's type and message are the expectation
        return {"error": f"{type(e).__name__}: {e}"}


def write(name, data):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in data) + "\n]\n")


def bits_to_float(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def interesting_floats(rng, count):
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e16, 1e-5, 1e-4, 1e15, 9999999999999998.0,
              123456789012345.0, 1234567890123456.0, 12345678901234567.0, 1.5e300, 5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, math.pi, math.e, 1 / 3, 2 / 3, 100.0, 1e22, 1e23, 0.3, 1e-7, 9.5, 0.05, 0.15,
              0.25, 0.35, 12.5, 13.5, -2.5, 1234567.891, 0.000123456, 99.995, 999.9999, 2.0 ** 53, 2.0 ** 63, 2.0 ** 64,
              float("inf"), float("-inf"), float("nan")]
    while len(values) < count:
        kind = rng.randrange(6)
        if kind == 0:
            values.append(bits_to_float(rng.getrandbits(64)))
        elif kind == 1:
            values.append(round(rng.uniform(-1000, 1000), rng.randrange(0, 6)))
        elif kind == 2:
            values.append(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-30, 30))
        elif kind == 3:
            values.append(rng.randrange(-10 ** 6, 10 ** 6) / 8.0)
        elif kind == 4:
            values.append(bits_to_float(rng.getrandbits(52)) * rng.choice([1, -1]))  # subnormal
        else:
            values.append(float(rng.randrange(-10 ** 17, 10 ** 17)))
    return [v for v in values if not (isinstance(v, float) and math.isnan(v) and math.copysign(1, v) < 0)]


def float_repr_cases(rng):
    return [[v.hex(), repr(v)] for v in interesting_floats(rng, 4000)]


def float32_cases(rng):
    import numpy as np
    values = [0.1, 1e16, 1e-5, 1e-4, 1e6, 999999.94, 123456789.0, 0.0, -0.0, 100.0, 3e38, 1.4e-45, 0.5, 65504.0,
              16777216.0, float("inf"), float("-inf"), float("nan")]
    bits = [struct.unpack("<I", struct.pack("<f", v))[0] for v in values]
    while len(bits) < 4000:
        kind = rng.randrange(3)
        if kind == 0:
            b = rng.getrandbits(32)
        elif kind == 1:
            b = struct.unpack("<I", struct.pack("<f", rng.uniform(-2, 2) * 10.0 ** rng.randrange(-8, 9)))[0]
        else:
            b = struct.unpack("<I", struct.pack("<f", rng.uniform(-1, 1)))[0]
        if (b >> 23) & 0xFF == 0xFF and b & 0x7FFFFF:
            continue  # numpy prints every NaN as nan; keep one canonical NaN above
        bits.append(b)
    out = []
    for b in bits:
        f = np.frombuffer(struct.pack("<I", b), dtype=np.float32)[0]
        out.append([b, str(f)])
    return out


def tricky_strings(rng):
    base = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "both ' and \"", "\\", "back\\slash'", "\n\r\t", "\x00\x07\x1b\x7f",
            "\x80\x85\x9f\xa0\xad\xe9\xff", "한국어 텍스트", "\u2028\u2029", "\u200b\u200e\ufeff", "\ue000\U000f0000",
            "\u0378\u0890", "\U0001f600 emoji", "\u3000 ideographic space", "\U0001fae8", "\u1680\u2000\u205f",
            "e\u0301", "\U000e0001", "tab\there", "\x1c\x1d\x1e\x1f", "ǅ Σ ß ﬁ", "\u0600\u061c\u070f", "\U0001d400"]
    pool = [chr(c) for c in range(0, 0x3000)] + [chr(c) for c in range(0xA000, 0xD800)] + \
        [chr(c) for c in range(0xE000, 0x11000)] + [chr(c) for c in range(0x1F000, 0x20000)] + \
        [chr(c) for c in range(0xE0000, 0xE0200)]
    for _ in range(1500):
        base.append("".join(rng.choice(pool) for _ in range(rng.randrange(1, 8))))
    return base


def string_repr_cases(rng):
    return [[s, repr(s), ascii(s)] for s in tricky_strings(rng)]


SPEC_TYPES = ["", "", "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r", "a", "z", "é"]


def random_spec(rng):
    parts = []
    r = rng.random()
    if r < 0.2:
        parts.append(rng.choice(["*", "0", "한", "{", " ", "-", "x", "=", "<"]) + rng.choice("<>=^"))
    elif r < 0.4:
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randrange(0, 30)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_", ",", "_,", ",_"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.choice([0, 1, 2, 3, 4, 6, 10, 17, 20, 25])))
    parts.append(rng.choice(SPEC_TYPES))
    if rng.random() < 0.02:
        parts.append(rng.choice(["x", "d", "."]))
    return "".join(parts)


def encode_value(v):
    if v is None:
        return ["none", None]
    if isinstance(v, bool):
        return ["bool", "True" if v else "False"]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", v.hex()]
    return ["str", v]


def format_cases(rng):
    ints = [0, 1, -1, 7, 42, -42, 255, 1000, 1234567, -1234567, 65, 0x10FFFF, 0x110000, 2 ** 31, 2 ** 63 - 1, -2 ** 63,
            2 ** 63, 2 ** 64 + 1, -(2 ** 70), 10 ** 30, 2 ** 1023, 2 ** 1024, 2 ** 53 + 1, 2 ** 54 + 3, 10 ** 22 + 1]
    ints += [rng.randrange(-10 ** rng.randrange(1, 25), 10 ** rng.randrange(1, 25)) for _ in range(60)]
    floats = interesting_floats(rng, 150)
    strings = ["", "a", "abc", "hello world", "한국어", "e\u0301", "x" * 30, "Straße"]
    values = ints + floats + strings + [True, False, None]
    fixed_specs = ["", "d", ">10", "<10", "^10", "=10", "010", "+", " ", ",", "_", ".2f", ".0f", ".3e", ".3g", "g", "%",
                   ".1%", ",.2f", "010.2f", "+.3e", "#x", "#o", "#b", "#X", "_x", "_b", ",d", "*^20,.3f", "z.2f",
                   "z", "#.0f", "#g", "#.3g", ".3", ".0", ".17", ".20e", "#.0e", "n", ".3n", "c", "x<5c", "-", "08,",
                   "010,", "09_", "0=10,", "016_b", "z.1f", "+z.0f", ".100f", ".2s", "10.3s", "^9.1s", "s", "e", "E",
                   "F", "G", "f", "r", "5", ",x", "_o", ".2d", "+c", "#c", "0", "00", "0<5", "١٢", "abc", "zd", "z#d"]
    cases = []
    for v in ints[:25] + floats[:50] + strings + [True, False, None] + rng.sample(values, 20):
        for spec in fixed_specs:
            cases.append(encode_value(v) + [spec, outcome(lambda: format(v, spec))])
    for _ in range(6000):
        v = rng.choice(values)
        spec = random_spec(rng)
        cases.append(encode_value(v) + [spec, outcome(lambda: format(v, spec))])
    return cases


def main():
    write("float_repr.json", float_repr_cases(random.Random(1)))
    write("float32_str.json", float32_cases(random.Random(2)))
    write("string_repr.json", string_repr_cases(random.Random(3)))
    write("format_spec.json", format_cases(random.Random(4)))


if __name__ == "__main__":
    main()
