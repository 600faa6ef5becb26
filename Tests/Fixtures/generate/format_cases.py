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
    if isinstance(v, tuple):
        return ["tuple", [encode_value(x) for x in v]]
    if isinstance(v, list):
        return ["list", [encode_value(x) for x in v]]
    if isinstance(v, dict):
        return ["dict", [[encode_value(k), encode_value(x)] for k, x in v.items()]]
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


PERCENT_VALUES = [0, 1, -1, 42, -42, 255, 65, 3.7, -0.0, 0.5, 2.675, 1e20, 1.5e-7, 123456.789, float("inf"),
                  float("nan"), 10 ** 30, True, None, "abc", "한국어", "x", "it's", [1, 2], (1,), {"a": 1}]


def percent_cases(rng):
    fixed = [("%s", 1), ("%s: %d", ("a", 5)), ("%.4f", 3.14159265), ("%5.1f%%", 99.5), ("%%", ()), ("%5%", ()),
             ("%5%", (1,)), ("%", ()), ("abc %", (1,)), ("%s", [1, 2]), ("abc", [1]), ("abc", 5), ("%d", "5"),
             ("%f", "a"), ("%x", 3.0), ("%c", 3.0), ("%c", "ab"), ("%d", 3.7), ("%d", float("inf")), ("%#08o", 8),
             ("%#08x", 255), ("%-05d", 3), ("%(a)s %s", {"a": 1}), ("%(a)s", 5), ("%(a", {"a": 1}), ("%y", 1),
             ("%\u00e9", 1), ("%.*f", (2, 3.14159)), ("%*d", (-5, 3)), ("%*d", ("a", 3)), ("%ld", 5), ("%s %s", (1,)),
             ("%r", ("한",)), ("%a", ("한",)), ("%+s", 1), ("%05s", "a"), ("%#.5x", 255), ("%.3s", "abcdef"),
             ("% d", 5), ("%+.2e", -0.0), ("%c", 0x110000), ("%i", True), ("%d", None), ("%(x)d", {}), ("%s", ()),
             ("%s", (1, 2)), ("%d %d", (1, 2, 3)), ("%.0f", 0.5), ("%g", 1e20), ("%#g", 1.0), ("%(a)s", [1]),
             ("%c", True), ("%c", 2 ** 70), ("%x", True), ("%.2f", 10 ** 400), ("%.3d", -5), ("%#x", -255),
             ("%+#X", 255), ("%08.3f", -3.14159), ("% 08.3e", 3.14159), ("%-8.3g|", 3.14159), ("%#o", 0),
             ("%3c", "x"), ("%-3c|", 65), ("%.1c", "x"), ("%(a)s and %(b)r", {"a": "x", "b": "y"}),
             ("%(a)s", {"a": 1, "b": 2}), ("%s", {"a": 1}), ("%(a)5%", {"a": 1}), ("%-5%", (1,)), ("%5", (1,)),
             ("%.", (1,)), ("%*", (1,)), ("%(a)", {"a": 1}), ("%.*s", (2, "abcdef")), ("%.*f", (-3, 2.5)),
             ("%E", 1.5), ("%F", float("inf")), ("%G", 1e-10), ("%u", -7), ("%X", 48879), ("%o", -8),
             ("%10.3s|", "한국어입니다"), ("%-10r|", "a"), ("%010.2f", float("nan")), ("%+d", 0), ("% f", -1.0)]
    out = []
    for template, args in fixed:
        out.append([template, encode_value(args), outcome(lambda: template % args)])
    types = "sradiuoxXeEfFgGc"
    for _ in range(2500):
        template = "".join(
            "%" + rng.choice(["", "", "-", "+", " ", "#", "0", "-0", "+0", "#0"]) +
            rng.choice(["", "", str(rng.randrange(0, 15))]) +
            rng.choice(["", "", "." + str(rng.randrange(0, 12))]) + rng.choice(types) + rng.choice(["", " ", "|", ", "])
            for _ in range(rng.randrange(1, 3)))
        n = template.count("%")
        args = tuple(rng.choice(PERCENT_VALUES) for _ in range(n))
        if n == 1 and rng.random() < 0.5 and not isinstance(args[0], tuple):
            args = args[0]
        out.append([template, encode_value(args), outcome(lambda: template % args)])
    return out


class Point:
    """An object whose attributes str.format can reach (the Swift test context has none, so only errors use it)."""


def str_format_cases(rng):
    fixed = [("{}", [1], {}), ("{0}", [1], {}), ("{name}", [], {"name": "Ann"}), ("{0[1]}", [[1, 2]], {}),
             ("{0[a]}", [{"a": 5}], {}), ("{0[1]}", [{1: "one"}], {}), ("{!r}", ["한"], {}), ("{!a}", ["한"], {}),
             ("{!s:>5}", [1], {}), ("{:{w}.{p}f}", [3.14159], {"w": 10, "p": 2}), ("{{}}", [], {}), ("{{{}}}", [1], {}),
             ("{}{1}", [1, 2], {}), ("{1}{}", [1, 2], {}), ("{1}", [1], {}), ("{name}", [], {}), ("{", [], {}),
             ("}", [], {}), ("{0", [1], {}), ("{0!}", [1], {}), ("{0!x}", [1], {}), ("{0!r", [1], {}),
             ("{0!rx}", [1], {}), ("{0:", [1], {}), ("{0[}", [[1]], {}), ("{0[0]x}", [[1]], {}), ("{0.}", [1], {}),
             ("{0[]}", [[1]], {}), ("{a{b}", [], {}), ("{:{:{}}}", [1, 2, 3], {}), ("{:{}}", [1, 5], {}),
             ("{0:{1}}", [1, 5], {}), ("{:>{}}", ["x", 4], {}), ("{:d}", ["x"], {}), ("{:s}", [1], {}),
             ("{0[5]}", [[1]], {}), ("{0[x]}", [[1]], {}), ("{0[-1]}", [[1]], {}), ("{0[0][1]}", [[[1, 2]]], {}),
             ("{x[0]}", [], {"x": "abc"}), ("{:,}", [1234567], {}), ("{:.2%}", [0.1234], {}), ("{:^9}", ["한국"], {}),
             ("{0}{0}", ["ab"], {}), ("{}, {}", ["a"], {}), ("{٠}", ["arabic zero"], {}), ("{0:}", [1.0], {}),
             ("{:}", [None], {}), ("{:5}", [None], {}), ("{}", [[1, "a"]], {}), ("{:x}", [[1]], {}),
             ("}}{{", [], {}), ("a}}b", [], {}), ("{0:{{}}}", [1], {}), ("{!}", [1], {}), ("{0!r:}", ["a"], {}),
             ("{00}", ["zero"], {}), ("{0 }", [1], {}), ("{ 0}", [1], {}), ("{a.b}", [], {"a": 1}),
             ("{0]}", [1], {}), ("{:>{w}}", ["x"], {"w": 5}), ("{0:.{1}f}", [2.5, 0], {}), ("{:.0f}", [0.5], {}),
             ("{:.0f}", [1.5], {}), ("{0:{1}{2}}", [5, ">", 4], {}), ("{0:{1}}", [5, "abc"], {})]
    out = []
    for template, args, kwargs in fixed:
        out.append([template, encode_value(args), encode_value(kwargs),
                    outcome(lambda: template.format(*args, **kwargs))])
    for _ in range(1500):
        v = rng.choice(PERCENT_VALUES[:-3])
        spec = random_spec(rng)
        template = rng.choice(["{:%s}", "{0:%s}", "[{v:%s}]", "{!r:%s}", "{!s:%s}"]) % spec
        args, kwargs = ([v], {}) if "{v" not in template else ([], {"v": v})
        out.append([template, encode_value(args), encode_value(kwargs), outcome(lambda: template.format(*args, **kwargs))])
    return out


def rounding_cases(rng):
    floats = interesting_floats(rng, 1500) + [0.5, 1.5, 2.5, -0.5, -1.5, 1e300, 2.675, 0.125, 0.375, 1.005, 5e-324]
    out = []
    for x in floats:
        out.append(["float", x.hex(), None, outcome(lambda: repr(round(x)))])
        n = rng.choice([0, 1, 2, 3, 5, 10, 17, 300, 330, -1, -2, -5, -20, -300, -306, -307, -308, -309])
        out.append(["float", x.hex(), n, outcome(lambda: repr(round(x, n)))])
    ints = [0, 5, 15, 25, 1250, 1350, -1250, -1350, 12345, 10 ** 30 + 5 * 10 ** 10, 2 ** 63, -(2 ** 63) - 1, 95, 50]
    ints += [rng.randrange(-10 ** 20, 10 ** 20) for _ in range(200)]
    for n in ints:
        for d in [-1, -2, -3, -5, -10, -30, -40, 0, 2]:
            out.append(["int", str(n), d, outcome(lambda: repr(round(n, d)))])
    for b in [True, False]:
        out.append(["bool", "True" if b else "False", -1, outcome(lambda: repr(round(b, -1)))])
        out.append(["bool", "True" if b else "False", 2, outcome(lambda: repr(round(b, 2)))])
    return out


STR_RECEIVERS = ["hello world", "  Hello World  ", "a,b,,c", ",a,", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "ΣΑΣ ΣΑΣ.", "aΣ", "aΣb", "a.Σ",
                 "Σ", "straße", "İstanbul", "ǅemal ǆ", "ﬁne ﬀ", "한국어 텍스트 입니다", "\t a\tb  \n", "", "1234", "١٢٣",
                 "½²Ⅻ", "abc123", "Hello World", "HELLO", "hello", "Title Case String", "tItLe", "x\u3000y\u00a0z\u2007w",
                 "+42", "-42", "42", "a\tb\tc", "ab\ncd\tef\rgh\tij", "line1\nline2\r\nline3\rline4\x0bx\x0cy\x1cz\x85w\u2028v\u2029u\n",
                 "\n\n", "a\r\n", "mississippi", "aaaa", "x\u200by", "ꭰꭱ Ꭰ", "they're bill's friends", "123abc ABC",
                 "\u1c90\u1c91", "é́", " \x1c\x1d\x1e\x1f\x85 ", "ⅰⅱ", "Ǆ", "ŉ", "ΐ"]

STR_CALLS = [("lower", []), ("upper", []), ("casefold", []), ("swapcase", []), ("title", []), ("capitalize", []),
             ("isupper", []), ("islower", []), ("istitle", []), ("isspace", []), ("isdigit", []), ("isdecimal", []),
             ("isnumeric", []), ("isalpha", []), ("isalnum", []), ("isascii", []), ("isprintable", []),
             ("strip", []), ("lstrip", []), ("rstrip", []), ("strip", ["ab "]), ("rstrip", ["\n"]), ("lstrip", [None]),
             ("split", []), ("split", [","]), ("split", [None, 1]), ("split", [" ", 1]), ("split", ["ss"]),
             ("rsplit", []), ("rsplit", [None, 1]), ("rsplit", [",", 1]), ("rsplit", ["s", 2]), ("split", [None, 0]),
             ("splitlines", []), ("splitlines", [True]), ("partition", [" "]), ("rpartition", [" "]),
             ("partition", ["ss"]), ("rpartition", ["ss"]), ("replace", ["s", "S"]), ("replace", ["ss", "", 1]),
             ("replace", ["", "-"]), ("replace", ["", "-", 2]), ("replace", ["l", "L", 0]), ("replace", ["a", "b", -1]),
             ("find", ["s"]), ("find", ["o", 5]), ("find", ["o", -3]), ("find", [""]), ("find", ["", 100]),
             ("rfind", ["s"]), ("rfind", ["o", 0, 5]), ("index", ["l"]), ("index", ["zz"]), ("rindex", ["l"]),
             ("rindex", ["zz"]), ("count", ["s"]), ("count", [""]), ("count", ["", 3]), ("count", ["s", -4]),
             ("count", ["", 100]), ("count", ["ss", 0, -1]), ("startswith", ["he"]), ("startswith", [("x", "he")]),
             ("startswith", ["", 100]), ("startswith", ["", 3]), ("startswith", ["l", 2, 3]), ("endswith", ["ld"]),
             ("endswith", [("d", "x"), 0, 5]), ("endswith", ["", -1]), ("center", [20]), ("center", [20, "*"]),
             ("center", [5]), ("center", [16, "-"]), ("center", [17, "한"]), ("ljust", [15, "."]), ("rjust", [15]),
             ("zfill", [8]), ("zfill", [2]), ("expandtabs", []), ("expandtabs", [4]), ("expandtabs", [0]),
             ("removeprefix", ["he"]), ("removesuffix", ["ld"]), ("removesuffix", [""]), ("join", [["a", "b", "c"]]),
             ("join", [[]]), ("join", ["xyz"]), ("join", [["a", 1]]), ("join", [1]), ("join", [("x",)]),
             ("split", [1]), ("split", [""]), ("split", [" ", 1, 2]), ("find", []), ("find", [1]), ("find", ["a", "b"]),
             ("find", ["a", 1.5]), ("find", ["a", None, None]), ("find", ["a", 1, 2, 3]), ("startswith", [1]),
             ("startswith", [(1,)]), ("startswith", []), ("replace", ["a"]), ("replace", ["a", "b", 1.5]),
             ("replace", [1, "b"]), ("replace", ["a", 2]), ("strip", [1]), ("strip", ["a", "b"]), ("center", []),
             ("center", [1.5]), ("center", [5, "ab"]), ("center", [5, 1]), ("zfill", ["a"]), ("splitlines", ["x"]),
             ("splitlines", [2]), ("expandtabs", ["a"]), ("partition", [""]), ("partition", [1]), ("partition", []),
             ("removeprefix", [1]), ("count", []), ("lower", [1]), ("endswith", [("a", "b"), 1, 2, 3]),
             ("ljust", [5, ""]), ("rsplit", [None, -1]), ("split", [None, 2 ** 70]), ("find", ["a", 2 ** 70]),
             ("join", []), ("title", [1]), ("isdigit", [1]), ("rpartition", [None]), ("count", ["a", None, 1]),
             ("removesuffix", []), ("center", [2 ** 70]), ("expandtabs", [-1]), ("splitlines", [None]),
             ("format", [1, 2]), ("nosuchmethod", []), ("find", ["l", True]), ("center", [True])]
STR_KEYWORD_CALLS = [("split", [], {"sep": ","}), ("split", [], {"maxsplit": 1}), ("split", [","], {"sep": ","}),
                     ("split", [], {"x": 1}), ("split", [], {"maxsplit": "a"}), ("splitlines", [], {"keepends": True}),
                     ("rsplit", [], {"sep": None, "maxsplit": 1}), ("find", [], {"sub": "a"}),
                     ("startswith", ["a"], {"start": 1}), ("replace", ["a", "b"], {"count": 1}),
                     ("upper", [], {"x": 1}), ("expandtabs", [], {"tabsize": 2}), ("join", [], {"iterable": []}),
                     ("format", [], {"a": 1})]


def str_method_cases():
    out = []
    for receiver in STR_RECEIVERS:
        for name, args in STR_CALLS:
            out.append([name, receiver, encode_value(list(args)), encode_value({}),
                        outcome(lambda: repr(getattr(receiver, name)(*args)))])
    for name, args, kwargs in STR_KEYWORD_CALLS:
        receiver = "a,b c"
        out.append([name, receiver, encode_value(list(args)), encode_value(kwargs),
                    outcome(lambda: repr(getattr(receiver, name)(*args, **kwargs)))])
    return out


def code_point_ranges(predicate):
    ranges = []
    for c in range(0x110000):
        if 0xD800 <= c <= 0xDFFF or not predicate(chr(c)):
            continue
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


def unicode_tables():
    tables = {name: code_point_ranges(getattr(str, name)) for name in
              ["isspace", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isupper", "islower", "istitle",
               "isprintable"]}
    for name in ["lower", "upper", "casefold", "title", "swapcase", "capitalize"]:
        f = getattr(str, name)
        tables[name] = [[c, f(chr(c))] for c in range(0x110000)
                        if not 0xD800 <= c <= 0xDFFF and f(chr(c)) != chr(c)]
    return tables


def main():
    write("float_repr.json", float_repr_cases(random.Random(1)))
    write("float32_str.json", float32_cases(random.Random(2)))
    write("string_repr.json", string_repr_cases(random.Random(3)))
    write("format_spec.json", format_cases(random.Random(4)))
    write("percent.json", percent_cases(random.Random(5)))
    write("str_format.json", str_format_cases(random.Random(6)))
    write("rounding.json", rounding_cases(random.Random(7)))
    write("str_methods.json", str_method_cases())
    with open(os.path.join(OUT, "unicode_tables.json"), "w", encoding="utf-8") as f:
        json.dump(unicode_tables(), f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
