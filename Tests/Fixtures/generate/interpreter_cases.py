#!/usr/bin/env python3
"""Expected outputs of the interpreter's test snippets, printed by CPython.

Run by humans, never by tests:  python3 Tests/Fixtures/generate/interpreter_cases.py   (CPython 3.11)

Writes Tests/QuillPythonTests/Fixtures/interpreter_cases.json: a list of
  {"name", "source", "output", "error": null | {"type", "message", "line", "column"}}
where `output` is what the snippet printed (run as a script), and `error` the exception that stopped it: its type,
str(), and the position CPython's traceback gives for the innermost frame (line 1-based, column = col_offset + 1,
in UTF-8 bytes), which is where Quill reports it.
Snippets use only the builtins the interpreter's own tests may rely on (print, len, range, str, repr, list, sum);
the library's builtins have their own tests.
"""
import contextlib
import io
import json
import os
import sys
import traceback

CASES = {
    # Arithmetic
    "int_ops": "print(7 + 3, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 2, 7 % -3, 2 ** 10)",
    "float_ops": "print(0.1 + 0.2, 7.5 % -2, -7.5 // 2, 2 ** 0.5, 1 / 3, 5 // -0.5, 3.0 * 2, -0.0 // 1)",
    "big_ints": "print(2 ** 100, 2 ** 64 - 1, -(2 ** 63) - 1, (2 ** 70) // 3, (2 ** 70) % 7, -5 // 2 ** 70)\n"
                "print(10 ** 20 / 3, (10 ** 30 + 1) / 7, 3 / 2 ** 1100, 2 ** 64 * 2 ** 64)",
    "overflow_to_big": "x = 9223372036854775807\nprint(x + 1, x * 2, -x - 2, x - -x)",
    "bool_arith": "print(True + True, True * 3.5, -True, ~5, ~True, +True, True / 2)",
    "negative_power": "print(2 ** -1, (-2) ** -2, 10 ** -3)",
    "mixed_compare": "print(1 == 1.0, 2 ** 53 + 1 > 2.0 ** 53, 1 < 1.5, True == 1, 0.1 + 0.2 == 0.3, 3 >= 3)",
    "chained_compare": "x = 5\nprint(0 < x < 10, 0 < x > 10, 1 < 2 < 3 < 2, x == 5 == 5.0)",
    "string_ops": "print('ab' + 'cd', 'ab' * 3, 3 * 'x', 'ab' * -1, 'a' < 'b', 'abc' < 'abd', 'Z' < 'a')",
    "list_ops": "a = [1, 2]\nb = a + [3]\nprint(a, b, [0] * 3, 2 * [1, 2], [1] * 0, [1, 2] < [1, 3], [1, 2] == [1, 2])",
    "tuple_ops": "t = (1, 2)\nprint(t + (3,), t * 2, (1,), (), (1, 2) < (1, 2, 0), (1, 'a') == (1, 'a'))",
    "inplace_list": "a = [1]\nb = a\na += [2, 3]\na += 'xy'\nprint(a, b, a is b)\nc = [0]\nc *= 3\nprint(c)",
    "and_or": "print(1 and 2, 0 and 2, 0 or 'x', '' or [], None or 0, [] and 1, not 0, not 'a')",
    "conditional": "x = 3\nprint('big' if x > 2 else 'small', 'big' if x > 5 else 'small')",
    "is_identity": "a = [1]\nb = a\nprint(a is b, a is [1], None is None, a is not None, 1 is 1, () is ())",
    "in_operator": "d = {'a': 1}\nprint('b' in 'abc', 'x' not in 'abc', 2 in [1, 2], 3 in (1, 2), 'a' in d, 1 in d, 5 in range(10), 5 in range(0, 10, 2))",
    "truth": "for v in [None, 0, 0.0, '', [], (), {}, 1, 'a', [0], range(0), range(3)]:\n    print(bool(v) if False else (1 if v else 0), end=' ')\nprint()",
    # Repr and str
    "reprs": "print(repr('a'), repr(\"it's\"), [1, 'a', None, True], (1,), {'a': [1, 2]}, repr(1.5), [0.1, 1e16, 1e-5])",
    "recursive_list": "a = [1]\na.append(a)\nprint(a)\nd = {}\nd['self'] = d\nprint(d)",
    "nested_containers": "print([[1, 2], (3, [4]), {'k': (5,)}], str([None]), str('a'), str(('a',)))",
    "big_str_limit": "print(len(str(10 ** 4299)))\nprint(str(2 ** 20000))",
    # Names and scopes
    "name_error": "prnt = 1\nprint(undefined_name)",
    "name_error_hint": "sentences = ['a']\nprint(sentence)",
    "cells_share": "x = 1\ny = x + 1\nprint(x, y)",
    "unbound_local": "x = 1\ndef f():\n    print(x)\n    x = 2\nf()",
    "global_read_in_function": "x = 10\ndef f():\n    return x + 1\nprint(f())\nx = 20\nprint(f())",
    "closure": "def make(n):\n    def add(x):\n        return x + n\n    return add\nadd3 = make(3)\nprint(add3(4), make(10)(1))",
    "closure_counter": "def counter():\n    count = [0]\n    def inc():\n        count[0] += 1\n        return count[0]\n    return inc\nc = counter()\nc()\nc()\nprint(c())",
    "closure_late_binding": "fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\ndef g():\n    x = 1\n    h = lambda: x\n    x = 2\n    return h()\nprint(g())",
    "nested_closure": "def a():\n    v = 'outer'\n    def b():\n        def c():\n            return v\n        return c()\n    return b()\nprint(a())",
    "free_variable_unbound": "def f():\n    def g():\n        return x\n    g()\n    x = 1\nf()",
    "comprehension_scope": "x = 'keep'\nsq = [x * x for x in range(5)]\nprint(sq, x)\nprint([y for y in [x]])",
    "comprehension_nested": "print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2 == 1])\nprint({k: v for k, v in [('a', 1), ('b', 2)]})",
    "comprehension_in_function": "def f(n):\n    m = 2\n    return [i * m for i in range(n) if i != 1]\nprint(f(4))",
    "walrus": "data = [1, 5, 10]\nif (n := len(data)) > 2:\n    print(n)\nprint([y for x in data if (y := x * 2) > 5], y)",
    "del_name": "x = 1\ndel x\nprint(x)",
    # Statements
    "if_elif": "for x in [1, 5, 10]:\n    if x < 3:\n        print('small')\n    elif x < 7:\n        print('medium')\n    else:\n        print('large')",
    "for_else": "for i in range(3):\n    if i == 5:\n        break\nelse:\n    print('no break')\nfor i in range(3):\n    if i == 1:\n        break\nelse:\n    print('unreached')\nprint(i)",
    "while_loop": "i = 0\ntotal = 0\nwhile i < 10:\n    i += 1\n    if i % 2:\n        continue\n    total += i\nelse:\n    print('done', total)",
    "while_break": "n = 0\nwhile True:\n    n += 1\n    if n > 4:\n        break\nprint(n)",
    "for_unpack": "pairs = [(1, 'a'), (2, 'b')]\nfor n, s in pairs:\n    print(n, s)\nfor i, (a, b) in [(0, (1, 2))]:\n    print(i, a, b)",
    "for_over_dict_and_str": "d = {'x': 1, 'y': 2}\nfor k in d:\n    print(k, d[k])\nfor ch in 'hé!':\n    print(ch)",
    "list_grows_during_loop": "a = [1, 2]\nfor x in a:\n    if x < 4:\n        a.append(x + 2)\nprint(a)",
    "dict_changes_during_loop": "d = {'a': 1}\nfor k in d:\n    d['b'] = 2",
    "unpacking": "a, b = 1, 2\na, b = b, a\nprint(a, b)\nx, *rest = [1, 2, 3]\n*init, last = 'abc'\nf, *m, l = (1, 2)\nprint(x, rest, init, last, f, m, l)\n[p, q] = 'pq'\nprint(p, q)",
    "unpack_errors_1": "a, b = 1",
    "unpack_errors_2": "a, b = [1, 2, 3]",
    "unpack_errors_3": "a, b, c = [1, 2]",
    "unpack_errors_4": "a, *b, c = [1]",
    "chained_assign": "a = b = [1]\nb.append(2)\nprint(a)",
    "subscript_assign": "a = [1, 2, 3]\na[0] = 'x'\na[-1] = 'z'\nd = {}\nd['k'] = 1\nd['k'] += 5\na[1] += 10\nprint(a, d)",
    "slices": "a = [0, 1, 2, 3, 4, 5]\nprint(a[1:3], a[::2], a[::-1], a[-2:], a[:-4], a[10:], a[1:5:-1])\ns = 'héllo'\nprint(s[1:4], s[::-1], s[-1], (1, 2, 3)[1:])",
    "slice_assign_delete": "a = list(range(6))\na[1:3] = ['x']\nprint(a)\ndel a[0]\ndel a[::2]\nprint(a)\nd = {'a': 1, 'b': 2}\ndel d['a']\nprint(d)",
    "index_errors_1": "a = [1]\nprint(a[5])",
    "index_errors_2": "print('abc'[10])",
    "index_errors_3": "a = [1]\na[3] = 0",
    "key_error": "d = {'a': 1}\nprint(d['b'])",
    "slice_step_zero": "print([1, 2][::0])",
    "augmented": "x = 5\nx -= 2\nx *= 3\nx //= 2\nx **= 2\nx %= 7\nprint(x)\ns = 'a'\ns += 'b'\nprint(s)\nf = 1.5\nf /= 2\nprint(f)",
    "pass_and_docstring": "def f():\n    \"\"\"Docs here.\"\"\"\n    pass\nprint(f(), f.__doc__, f.__name__)",
    "assert_ok_and_fail": "assert 1 == 1\nassert len([1]) == 2, 'length ' + str(len([1]))",
    "assert_plain": "x = 0\nassert x",
    "raise_value_error": "def check(x):\n    if x < 0:\n        raise ValueError('negative: ' + str(x))\n    return x\nprint(check(1))\ncheck(-2)",
    "raise_class": "raise KeyError",
    "raise_key_error": "raise KeyError('k')",
    "raise_non_exception": "raise 5",
    # Functions
    "defaults_keywords": "def f(a, b=2, *args, c=3, **kw):\n    return (a, b, args, c, kw)\nprint(f(1))\nprint(f(1, 5, 6, 7, c=0, z=9))\nprint(f(b=1, a=0))",
    "default_evaluated_once": "def f(x, acc=[]):\n    acc.append(x)\n    return acc\nf(1)\nprint(f(2))",
    "star_call": "def f(a, b, c):\n    return a + b + c\nargs = [1, 2]\nkw = {'c': 3}\nprint(f(*args, **kw), f(*[1, 2, 3]), f(1, *(2,), c=4))",
    "recursion": "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(30))\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(20))",
    "recursion_limit": "def f(n):\n    return f(n + 1)\nf(0)",
    "lambda_sort_key": "double = lambda x: x * 2\nprint(double(4), (lambda: 'x')(), (lambda a, b=1: a + b)(1))",
    "missing_argument": "def f(x, y):\n    return x\nf(1)",
    "missing_arguments_3": "def g(a, b, c):\n    pass\ng()",
    "too_many_arguments": "def f(x):\n    return x\nf(1, 2)",
    "too_many_with_defaults": "def f(x, y=1):\n    return x\nf(1, 2, 3)",
    "unexpected_keyword": "def f(x):\n    return x\nf(x=1, y=2)",
    "multiple_values": "def f(x):\n    return x\nf(1, x=2)",
    "keyword_only_missing": "def f(a, *, k):\n    return a\nf(1)",
    "nested_qualname_error": "def outer():\n    def inner(x):\n        pass\n    inner()\nouter()",
    "function_repr_names": "def f():\n    pass\nprint(f.__name__, f.__qualname__, (lambda: 0).__name__)",
    "return_none": "def f():\n    return\ndef g():\n    pass\nprint(f(), g())",
    "error_inside_function": "def f(x):\n    y = x + 1\n    return y / 0\nprint(f(1))",
    # Type errors with CPython's wording
    "type_error_add": "print(1 + 'a')",
    "type_error_concat_str": "print('a' + 1)",
    "type_error_concat_list": "print([1] + (1,))",
    "type_error_compare": "print('a' < 1)",
    "type_error_not_subscriptable": "x = 5\nprint(x[0])",
    "type_error_not_iterable": "for x in 5:\n    pass",
    "type_error_not_callable": "x = None\nx()",
    "attribute_error": "x = 5\nprint(x.y)",
    "type_error_unary": "print(-'a')",
    "type_error_multiply": "print('a' * 'b')",
    "type_error_in": "print(1 in 'abc')",
    "type_error_unhashable": "d = {}\nd[[1]] = 2",
    "type_error_list_index": "print([1]['a'])",
    "zero_division_int": "print(1 // 0)",
    "zero_division_mod": "print(1 % 0)",
    "zero_division_true": "print(1 / 0)",
    "zero_division_float": "print(1.0 / 0)",
    "zero_division_float_mod": "print(1.5 % 0.0)",
    "zero_division_power": "print(0 ** -1)",
    "overflow_power": "print(10.0 ** 400)",
    "big_float_conversion": "print(2 ** 2000 + 0.5)",
    # f-strings
    "fstring_basic": "name = 'Ada'\nn = 3\nprint(f'{name} has {n} items, {n * 2} doubled, {name!r}, {[1, 2]}')",
    "fstring_self_documenting": "x = 5\nprint(f'{x=}', f'{x + 1 = }')",
    "fstring_ascii": "print(f'{\"é\"!a}', f'{\"x\"!s}')",
    "display_is_not_printed": "x = 1\nx",
    # More semantics
    "main_guard": "def main():\n    print('main ran')\nif __name__ == '__main__':\n    main()",
    "dict_keys_numeric": "d = {1: 'a', 1.0: 'b', True: 'c', 2: 'd'}\nprint(d, {(1, 2): 3}[(1, 2)], {2 ** 70: 'big'}[2 ** 70])",
    "dict_display_splat": "a = {'x': 1}\nb = {**a, 'y': 2, 'x': 3}\nprint(b, [*range(3), *'ab'], (*[1], 2))",
    "print_star_and_sep": "xs = [1, 2, 3]\nprint(*xs)\nprint(*xs, sep='-', end='!\\n')\nprint()\nprint('a', 'b', sep='')",
    "negative_zero_and_specials": "print(0.0 * -1, -0.0, 1e300 * 1e300, -1e300 * 1e300, 1e308 * 10 - 1e308 * 10)\nnan = 1e308 * 10 - 1e308 * 10\nprint(nan == nan, nan != nan, nan < 1, [nan] == [nan])",
    "int_edges": "x = 2 ** 63\nprint(x // -1, -x, (-2 ** 63) // -1, -(-2 ** 63), (-2 ** 63) % -1, (-2) ** 3, 2 ** 62 * 4, 3 ** 40, (-3) ** 41, 7 ** 0, 0 ** 0, 2.0 ** -1)",
    "true_division_exact": "print((2 ** 60 + 1) / 3, 1 / 2 ** 1100, -(2 ** 100) / 3, 10 ** 400 / 10 ** 399, (2 ** 53 + 1) / 1, 9007199254740993 / 2)",
    "true_division_overflow": "print(10 ** 400 / 3)",
    "int_float_compare_exact": "print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, -2 ** 64 - 1 < -2.0 ** 64, 10 ** 400 > 1e308, 10 ** 400 < 1e308 * 10, 9007199254740993 == 9007199254740992.0)",
    "float_floor_mod": "print(-7.5 % 2, 7.5 % -2, -7.5 // -2, 1e-300 % 1, -1e-300 % 1, 5.0 // 0.1, 5.0 % 0.1)",
    "big_mixed_arith": "print(2 ** 64 + 1.5, 2 ** 70 * 0.5, 2 ** 64 - 2 ** 64, (2 ** 64) // (2 ** 32), 2 ** 64 % 10, -(2 ** 64) // 7)",
    "string_compare_unicode": "print('é' < 'z', 'Z' < 'é', 'abc' < 'abcd', '' < 'a', 'b' > 'abc', sorted_check := 'a' <= 'a')",
    "containers_compare": "print([] == [], () == (), [1] == (1,), [1, [2]] == [1, [2]], (1, 2) < (1, 3), [1, 2] > [1], {'a': 1} == {'a': 1.0}, None == 0)",
    "compare_none_error": "print(None < 1)",
    "exceptions_as_values": "e = ValueError('bad', 2)\nprint(e, repr(ValueError('x')), KeyError('k'), repr(e), e.args)",
    "global_list_mutation": "log = []\ndef record(x):\n    log.append(x)\nrecord(1)\nrecord(2)\nprint(log)",
    "lambda_default_capture": "fs = [lambda x=i: x for i in range(3)]\nprint([f() for f in fs])",
    "mutual_recursion": "def even(n):\n    return True if n == 0 else odd(n - 1)\ndef odd(n):\n    return False if n == 0 else even(n - 1)\nprint(even(10), odd(7))",
    "return_in_loop": "def find(xs, t):\n    for i in range(len(xs)):\n        if xs[i] == t:\n            return i\n    return -1\nprint(find([5, 6, 7], 7), find([], 1))",
    "while_else_break": "n = 0\nwhile n < 5:\n    n += 1\n    if n == 3:\n        break\nelse:\n    print('no')\nprint(n)",
    "nested_function_counter": "def outer():\n    items = []\n    def add(x):\n        items.append(x)\n        return len(items)\n    add('a')\n    return add('b'), items\nprint(outer())",
    "closure_over_parameter": "def scale(k):\n    return lambda x: x * k\ndouble, triple = scale(2), scale(3)\nprint(double(5), triple(5))",
    "comprehension_closure_cells": "def f():\n    return [lambda: i * 10 for i in range(3)]\nprint([g() for g in f()])",
    "genexpr_to_sum": "xs = [1, 2, 3]\nprint(sum(x * x for x in xs), list(c for c in 'ab'))",
    "string_iteration_and_index": "s = 'naïve'\nprint([c for c in s], s[2], s[-1], len(s))",
    "star_args_errors": "def f(*a):\n    return a\nf(*5)",
    "double_star_errors": "def f(**k):\n    return k\nf(**5)",
    "with_not_context_manager": "with 5 as x:\n    pass",
    "list_not_callable": "[1]()",
    "none_attribute": "None.x",
    "function_attribute_missing": "def f():\n    pass\nf.x",
    "list_method_missing": "[].foo()",
    "docstring_none": "def f():\n    return 1\nprint(f.__doc__)",
    "tuple_methods": "t = (1, 2, 1)\nprint(t.count(1), t.index(2))",
    "float_is_integer": "print((2.0).is_integer(), (2.5).is_integer())",
    "key_error_tuple": "d = {}\nd[(1, 2)]",
    "del_errors": "d = {}\ndel d['x']",
    "unpack_in_comprehension": "pairs = [(1, 2), (3, 4)]\nprint([a + b for a, b in pairs], {a: b for a, b in pairs})",
    "nested_list_mutation_alias": "row = [0] * 2\ngrid = [row] * 2\ngrid[0][0] = 1\nprint(grid)",
    "range_indexing": "r = range(10)\nprint(r[3], r[-1], list(r[2:8:2]), len(range(0, 10, 3)), list(range(5, 0, -2)))",
    "deep_nesting_repr": "a = []\nfor i in range(100000):\n    a = [a]\nprint(len(repr([[[1]]])))\nprint(a)",
    "deep_nesting_compare": "a = []\nb = []\nfor i in range(100000):\n    a = [a]\n    b = [b]\nprint(a == b)",
    # Positions of errors in larger expressions
    "loc_multiline_call": "def compute(*a):\n    return a\nresult = compute(\n    1,\n    undefined_name,\n)",
    "loc_parenthesized": "x = 1 + (2 * 'a' - 3)",
    "loc_in_lambda_key": "data = [3, 'a', 1]\nprint(sorted(data, key=lambda v: v + 1))",
    "loc_in_comprehension": "xs = [1, 0, 2]\nprint([10 // x for x in xs])",
    "loc_in_fstring": "n = 0\nprint(f'value: {10 / n:.2f}')",
    "loc_method_argument": "words = 'a b'.split()\nwords.append(undefined_thing)",
    "loc_chained_subscript": "m = [[1, 2]]\nprint(m[0][5])",
    "loc_chained_attribute": "s = 'abc'\ns.upper.nothing",
    "loc_call_of_call": "def f():\n    return None\nf()()",
    "loc_nested_function_frames": "def inner(v):\n    return v['missing']\ndef outer():\n    return inner({})\nouter()",
    "loc_str_method_error": "print('a,b'.split(1))",
    "loc_builtin_error": "print(int('x1'))",
    "loc_augmented_subscript": "d = {}\nd['k'] += 1",
    "loc_unpack_in_for": "for a, b in [(1, 2), (3,)]:\n    print(a, b)",
    "loc_deep_in_expression": "values = [1, 2]\ntotal = sum(values) + values[0] * len(values[5:]) + values[9]",
    "slice_assign_not_iterable": "x = [1, 2, 3]\nx[1:2] = 5",
    "extended_slice_assign_not_iterable": "x = [1, 2, 3]\nx[::2] = 5",
    "slice_as_dict_key": "d = {}\nd[1:2] = 3",
    "slice_assign_shapes": "x = [1, 2, 3]\nx[0:2] = 'ab'\ny = [0] * 5\ny[-10:2] = [9]\nz = [1, 2, 3, 4]\nz[3:1] = [7, 8]\nprint(x, y, z)",
}


def run(source):
    """Runs `source` as a script would run; returns (stdout, error or None)."""
    out = io.StringIO()
    error = None
    globals_ = {"__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<cell>", "exec"), globals_)
        except BaseException as e:  # noqa: BLE001 - every exception is an expected outcome here
            tb = e.__traceback__
            frames = [f for f in traceback.extract_tb(tb) if f.filename == "<cell>"]
            last = frames[-1] if frames else None
            error = {
                "type": type(e).__name__,
                "message": str(e),
                "line": last.lineno if last else None,
                "column": (last.colno + 1) if last and last.colno is not None else None,
            }
    return out.getvalue(), error


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run with CPython 3.11")
    sys.setrecursionlimit(1000)
    cases = []
    for name, source in CASES.items():
        output, error = run(source)
        cases.append({"name": name, "source": source, "output": output, "error": error})
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "QuillPythonTests", "Fixtures", "interpreter_cases.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
