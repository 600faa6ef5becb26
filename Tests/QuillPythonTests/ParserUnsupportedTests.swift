// Python features outside Quill's subset are named where they are written ("classes are not supported in Quill
// cells"), never reported as a misleading syntax error. CPython 3.11 accepts every source below (a few only
// inside functions); the positions are those of the feature's keyword or operator.

import Testing
@testable import QuillPython

@Suite struct ParserUnsupportedTests {
    func expectUnsupported(_ cases: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (source, expected) in cases {
            #expect(parseError(source) == "unsupported: " + expected, "source: \(source.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func statements() {
        expectUnsupported([
            ("class A:\n    pass", "classes are not supported in Quill cells @ 1:1"),
            ("x = 1\nclass A(B): pass", "classes are not supported in Quill cells @ 2:1"),
            ("def f():\n    class C: pass", "classes are not supported in Quill cells @ 2:5"),
            ("try:\n    x = 1\nexcept* ValueError:\n    pass",
             "'except*' (exception groups) is not supported in Quill cells @ 3:7"),
            ("global x", "'global' is not supported in Quill cells @ 1:1"),
            ("def f():\n    nonlocal y", "'nonlocal' is not supported in Quill cells @ 2:5"),
            ("@dec\ndef f(): pass", "decorators are not supported in Quill cells @ 1:1"),
            ("match x:\n    case 1: pass", "match statements are not supported in Quill cells @ 1:1"),
            ("match (x):\n    case 1: pass", "match statements are not supported in Quill cells @ 1:1"),
        ])
    }

    @Test func generatorsAndAsync() {
        expectUnsupported([
            ("def gen():\n    yield 1", "generators and 'yield' are not supported in Quill cells @ 2:5"),
            ("x = yield", "generators and 'yield' are not supported in Quill cells @ 1:5"),
            ("lambda: (yield)", "generators and 'yield' are not supported in Quill cells @ 1:10"),
            ("async def f(): pass", "async and await are not supported in Quill cells @ 1:1"),
            ("async with a: pass", "async and await are not supported in Quill cells @ 1:1"),
            ("x = await y", "async and await are not supported in Quill cells @ 1:5"),
            ("[x async for x in y]", "async and await are not supported in Quill cells @ 1:4"),
        ])
    }

    @Test func setsAndBitwiseOperators() {
        expectUnsupported([
            ("x = {1, 2}", "sets are not supported in Quill cells @ 1:5"),
            ("x = {a}", "sets are not supported in Quill cells @ 1:5"),
            ("x = {a for a in b}", "sets are not supported in Quill cells @ 1:5"),
            ("x = {*a}", "sets are not supported in Quill cells @ 1:5"),
            ("f({1})", "sets are not supported in Quill cells @ 1:3"),
            ("f\"{ {1} }\"", "sets are not supported in Quill cells @ 1:5"),
            ("a | b", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a & b", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a ^ b", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a << 1", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a >> 1", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a |= 1", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("a <<= 1", "bitwise operators are not supported in Quill cells @ 1:3"),
            ("f\"{a | b}\"", "bitwise operators are not supported in Quill cells @ 1:6"),
        ])
    }

    @Test func importsRaiseAndParameters() {
        expectUnsupported([
            ("from . import x", "relative imports are not supported in Quill cells @ 1:1"),
            ("from .a import x", "relative imports are not supported in Quill cells @ 1:1"),
            ("from ..a import x", "relative imports are not supported in Quill cells @ 1:1"),
            ("from a import *", "'from ... import *' is not supported in Quill cells @ 1:1"),
            ("raise X from Y", "'raise ... from' is not supported in Quill cells @ 1:9"),
            ("def f(a, /, b): pass", "positional-only parameters ('/') are not supported in Quill cells @ 1:10"),
            ("lambda a, /: a", "positional-only parameters ('/') are not supported in Quill cells @ 1:11"),
            ("x = \"\\ud800\"", "lone surrogate characters (\\ud800-\\udfff) are not supported in Quill cells @ 1:5"),
        ])
    }

    @Test func syntaxErrorsStillComeFirst() {
        // A stray `except` is CPython's "invalid syntax"; an unterminated string inside a class is the tokenizer's
        // error, as CPython reports it, since the tokenizer reads the whole cell after a parse error.
        expectErrors([
            ("except: pass", "SyntaxError: invalid syntax @ 1:1"),
            ("finally: pass", "SyntaxError: invalid syntax @ 1:1"),
            ("class A:\n  x = 'abc", "SyntaxError: unterminated string literal (detected at line 2) @ 2:7"),
        ])
    }
}
