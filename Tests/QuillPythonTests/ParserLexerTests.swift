// The lexer through the parser: numbers of every base and size, string prefixes and escapes, comments, line
// endings, tabs and continuation lines, and the tokenizer's errors. Expected values and every error (message,
// line, column) come from CPython 3.11.7 (`compile(src, 'x', 'exec')` and `repr` of the literal).

import Testing
@testable import QuillPython

@Suite struct ParserLexerTests {
    @Test func integersBecomeDecimalDigits() throws {
        // Python: 0x_ffff_ffff_ffff_ffff_ffff == 1208925819614629174706175, 0o17 == 15, 0b101 == 5
        #expect(try dump("0xff + 0o17 + 0b101 + 1_000_000") == "(expr (+ (+ (+ 255 15) 5) 1000000))")
        #expect(try dump("0x_ffff_ffff_ffff_ffff_ffff") == "(expr 1208925819614629174706175)")
        #expect(try dump("0x10000000000000000") == "(expr 18446744073709551616)")
        #expect(try dump("123456789012345678901234567890") == "(expr 123456789012345678901234567890)")
        #expect(try dump("00 + 0_0 + 0") == "(expr (+ (+ 0 0) 0))")
    }

    @Test func floatsAndImaginaries() throws {
        #expect(try dump("1.5 + .5 + 1. + 1e-3 + 1_000.5 + 1E5") ==
            "(expr (+ (+ (+ (+ (+ 1.5 0.5) 1.0) 0.001) 1000.5) 100000.0))")
        #expect(try dump("1.e5, 09.5, 1_000.5_1") == "(expr (tuple 100000.0 9.5 1000.51))")
        #expect(try dump("1j + 2.5J + 1e3j") == "(expr (+ (+ 1.0j 2.5j) 1000.0j))")
    }

    @Test func keywordsRightAfterNumbers() throws {
        // CPython 3.11 accepts `1if x else 2` (with a DeprecationWarning); `0x1for` reads the hex digit f.
        #expect(try dump("1if x else 2") == "(expr (ifexp x 1 2))")
        #expect(try dump("[0x1for x in y]") == "(expr (list (or 31 (cmp x in y))))")
    }

    @Test func stringPrefixesQuotesAndConcatenation() throws {
        #expect(try dump("'a' \"b\" '''c''' \"\"\"d\"\"\"") == "(expr 'abcd')")
        #expect(try dump("r'\\n' + R\"\\d\" + u'x' + U'y'") == "(expr (+ (+ (+ '\\\\n' '\\\\d') 'x') 'y'))")
        #expect(try dump("x = \"\"\"line1\nline2\"\"\"") == "(= x 'line1\\nline2')")
        #expect(try dump("'a\\\nb'") == "(expr 'ab')")
        #expect(try dump("'it''s'") == "(expr 'its')")
    }

    @Test func escapes() throws {
        // Python: repr('\d \t \x41 \u00e9 \U0001F600 \101 \N{BULLET} \N{latin small letter a} \0')
        //   == '\\d \t A é 😀 A • a \x00'
        let source = "'\\d \\t \\x41 \\u00e9 \\U0001F600 \\101 \\N{BULLET} \\N{latin small letter a} \\0'"
        let module = try Parser.parse(source)
        guard case .expression(.string(let value, _), _, _)? = module.body.first else {
            Issue.record("not a string: \(ASTDump.module(module))")
            return
        }
        #expect(value == "\\d \t A \u{E9} \u{1F600} A \u{2022} a \0")
        #expect(try dump("'\\a\\b\\f\\v\\r\\'\\\"\\\\'") == "(expr '\\u{07}\\u{08}\\u{0C}\\u{0B}\\r\\'\\\"\\\\')")
    }

    @Test func bytesLiterals() throws {
        // Python: b'\x41\n\777\q' == b'A\n\xff\\q'; \u is no escape in bytes.
        let module = try Parser.parse("b'\\x41\\n\\777\\q' + rb'\\n' + b'\\u1234'")
        guard case .expression(.binary(_, .binary(_, .bytes(let a, _), .bytes(let b, _), _), .bytes(let c, _), _), _, _)?
                = module.body.first else {
            Issue.record("unexpected tree: \(ASTDump.module(module))")
            return
        }
        #expect(a == [0x41, 0x0A, 0xFF, 0x5C, 0x71])
        #expect(b == Array("\\n".utf8))
        #expect(c == Array("\\u1234".utf8))
    }

    @Test func commentsLineEndingsAndContinuations() throws {
        #expect(try dump("#| echo: false\nx = 1 # trailing\n# only comment") == "(= x 1)")
        #expect(try dump("if x:\n\n  # comment\n  y\n\nz") == "(if x [(expr y)] [])\n(expr z)")
        #expect(try dump("if x:\r\n  y\r\nz\r\n") == "(if x [(expr y)] [])\n(expr z)")
        #expect(try dump("if x:\r  y\rz") == "(if x [(expr y)] [])\n(expr z)")
        #expect(try dump("x = 1 \\\n  + 2") == "(= x (+ 1 2))")
        #expect(try dump("x = (1 +\n     2)") == "(= x (+ 1 2))")
        #expect(try dump("x = [1,\n  2,\n]") == "(= x (list 1 2))")
    }

    @Test func tabsIndentToMultiplesOfEight() throws {
        #expect(try dump("if x:\n\tif y:\n\t\tz\n\tw") == "(if x [(if y [(expr z)] []) (expr w)] [])")
        #expect(try dump("if x:\n\ta\n\tb") == "(if x [(expr a) (expr b)] [])")
    }

    @Test func unicodeNames() throws {
        // Non-ASCII identifiers are NFKC-normalised as in CPython: the fullwidth 'ａ' is 'a'.
        #expect(try dump("\u{E4} = 1") == "(= \u{E4} 1)")
        #expect(try dump("\u{FF41} = 1") == "(= a 1)")
    }

    /// Malformed numbers, at the positions CPython's tokenizer reports
    @Test func numberErrors() {
        expectErrors([
            ("0777", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 1:1"),
            ("09", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 1:1"),
            ("1_", "SyntaxError: invalid decimal literal @ 1:2"),
            ("1__0", "SyntaxError: invalid decimal literal @ 1:2"),
            ("1_a", "SyntaxError: invalid decimal literal @ 1:2"),
            ("1e", "SyntaxError: invalid decimal literal @ 1:1"),
            ("1e+", "SyntaxError: invalid decimal literal @ 1:3"),
            ("1.5e", "SyntaxError: invalid decimal literal @ 1:3"),
            ("1abc", "SyntaxError: invalid decimal literal @ 1:1"),
            ("1.5x", "SyntaxError: invalid decimal literal @ 1:3"),
            ("0x", "SyntaxError: invalid hexadecimal literal @ 1:2"),
            ("0x_", "SyntaxError: invalid hexadecimal literal @ 1:3"),
            ("0xg", "SyntaxError: invalid hexadecimal literal @ 1:2"),
            ("0b", "SyntaxError: invalid binary literal @ 1:2"),
            ("0b2", "SyntaxError: invalid digit '2' in binary literal @ 1:3"),
            ("0o", "SyntaxError: invalid octal literal @ 1:2"),
            ("0o8", "SyntaxError: invalid digit '8' in octal literal @ 1:3"),
            ("1jx", "SyntaxError: invalid imaginary literal @ 1:2"),
        ])
    }

    /// Unterminated strings (at the literal's start) and bad escapes (after the literal)
    @Test func stringErrors() {
        expectErrors([
            ("a = 'x", "SyntaxError: unterminated string literal (detected at line 1) @ 1:5"),
            ("f'x", "SyntaxError: unterminated string literal (detected at line 1) @ 1:1"),
            ("rb'x", "SyntaxError: unterminated string literal (detected at line 1) @ 1:1"),
            ("a b 'x", "SyntaxError: unterminated string literal (detected at line 1) @ 1:5"),
            ("a = \"\"\"x\ny", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @ 1:5"),
            ("x = 1\n'''abc\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 2) @ 2:1"),
            ("'''abc\n\n\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 3) @ 1:1"),
            ("'''abc", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @ 1:1"),
            ("\"\\x4\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape @ 1:6"),
            ("\"\\x4g\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape @ 1:7"),
            ("\"ab\\u12\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-5: truncated \\uXXXX escape @ 1:9"),
            ("\"\\N{NOSUCH}\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: unknown Unicode character name @ 1:13"),
            ("\"\\N{\"", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape @ 1:6"),
            ("b\"\u{E9}\"", "SyntaxError: bytes can only contain ASCII literal characters @ 1:1"),
            ("b\"\\x4\"", "SyntaxError: (value error) invalid \\x escape at position 0 @ 1:7"),
            ("\"a\" b\"x\"", "SyntaxError: cannot mix bytes and nonbytes literals @ 1:9"),
        ])
    }

    /// Characters outside Python's syntax, and backslash continuation misuse
    @Test func characterErrors() {
        expectErrors([
            ("a = \u{20AC}", "SyntaxError: invalid character '\u{20AC}' (U+20AC) @ 1:5"),
            ("a = \u{A0}", "SyntaxError: invalid non-printable character U+00A0 @ 1:5"),
            ("x = 1 \\ y", "SyntaxError: unexpected character after line continuation character @ 1:8"),
            ("x = \\", "SyntaxError: unexpected EOF while parsing @ 1:6"),
        ])
    }

    /// IndentationError and TabError as CPython's tokenizer reports them
    @Test func indentationErrors() {
        expectErrors([
            ("  x = 1", "IndentationError: unexpected indent @ 1:2"),
            ("    pass", "IndentationError: unexpected indent @ 1:4"),
            ("if x:\n  pass\n    y", "IndentationError: unexpected indent @ 3:4"),
            ("if x:\n    a\n  b", "IndentationError: unindent does not match any outer indentation level @ 3:4"),
            ("if x:\n    a\n  bbbbb", "IndentationError: unindent does not match any outer indentation level @ 3:8"),
            ("def f(x):\n  return\n x", "IndentationError: unindent does not match any outer indentation level @ 3:3"),
            ("if x:\n  a\n else: b", "IndentationError: unindent does not match any outer indentation level @ 3:9"),
            ("if True:\n        pass\n    pass", "IndentationError: unindent does not match any outer indentation level @ 3:9"),
            ("if x:\n\ta\n        b", "TabError: inconsistent use of tabs and spaces in indentation @ 3:1"),
        ])
    }

    /// A tokenizer error later in the cell replaces the parser's error, as in CPython
    @Test func tokenizerErrorWins() {
        expectErrors([
            ("x = 1 2\ny = 'abc", "SyntaxError: unterminated string literal (detected at line 2) @ 2:5"),
            ("x = 1 2\ny = 0777", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @ 2:5"),
        ])
    }
}
