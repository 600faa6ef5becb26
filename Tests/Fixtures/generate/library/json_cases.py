# The json module for library_builtins.py.
for text in ['', '[1,]', '{"a":1,}', '{1:2}', '{"a" 1}', '[1 2]', '01', 'tru', 'NaN', '-Infinity', 'nan', '1.0', '-0',
             '1e5', '12345678901234567890', '"abc', '"a\\x"', '"\\u12"', '"a\nb"', '\n\n  [1,\n 2 x]', '{"a":1, "a":2}',
             '\ufeff[]', '"\\ud83d\\ude00"', ' [ ] ', '[1] x', '"é" x', '{"a"', '{"a":', '[', '{', '-', '1.', '1e',
             '-a', '"\\', '[1,2', '{"a":1', '1' + '0' * 400, '1e400', '[1.5e-3, true, false, null]', '\t\r\n1',
             '\u00a01', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '"\\uZZZZ"', '"\\u00e9"', 'Infinityx', '[-]', '1' * 4301,
             '{"b": [1, {"c": null}], "a": "x"}', '"\\u00E9\\u20ac"', '1E+2', '-1.5e-7', '0.1', '[[[]]]', '{"": 0}',
             '"tab\there"', '  {"k" : [ 1 , 2 ] }  ', '[1, 2, 3,', 'true false', '2.5E3', '-0.0',
             '123.456e-789', '{"a": NaN, "b": Infinity}', 'null', '[\n  1,\n  2\n]', '"a" "b"', '{"a": 1 "b": 2}']:
    C("json.loads", text)
C("json.loads", 5); C("json.loads"); C("json.loads", "{}", foo=1); C("json.loads", "[1]", "x")
values = [None, True, False, 0, -5, 2**70, 1.5, 0.1, 1e16, 1e-7, -0.0, nan, inf, -inf, "", "a\"b\\c", "tab\tnl\n\r\b\f",
          "\x00\x1f\x7f", "é€😀", "한국어", [], {}, (), [1, [2, [3]]], (1, "a"), {"b": 1, "a": [1.5, None]},
          {1: "int", 2.5: "float", True: "bool", None: "none"}, {"k": {}}, [{}], {"x": []}, [1e100, 123456789.0]]
for v in values:
    C("json.dumps", v); C("json.dumps", v, indent=2); C("json.dumps", v, ensure_ascii=False)
    C("json.dumps", v, sort_keys=True, indent="\t"); C("json.dumps", v, separators=(",", ":"))
C("json.dumps", {"b": 1, "a": {"d": 2, "c": 3}}, sort_keys=True); C("json.dumps", {"b": 1, 2: 3}, sort_keys=True)
C("json.dumps", {(1, 2): 3}); C("json.dumps", {(1, 2): 3, "a": 1}, skipkeys=True); C("json.dumps", nan, allow_nan=False)
C("json.dumps", {"a": inf}, allow_nan=False); C("json.dumps", [1, 2], indent=0); C("json.dumps", [1, 2], indent=-1)
C("json.dumps", [1, {"a": 2}], indent=""); C("json.dumps", B("len")); C("json.dumps", [1], 2); C("json.dumps")
C("json.dumps", [B("len")], default=B("repr")); C("json.dumps", {"a": [1, 2]}, indent=2, separators=(", ", " = "))
C("json.dumps", [1], foo=1); C("json.dumps", {"a": 1}, indent=None); C("json.dumps", "😀", ensure_ascii=False)
C("json.dumps", 2**70 + 0.0); C("json.dumps", {1.0: 1}); C("json.dumps", {nan: 1}); C("json.dumps", [True, 1.0, 1])
