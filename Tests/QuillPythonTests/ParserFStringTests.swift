// f-strings: text and fields, conversions, format specs with nested fields, the self-documenting `{x=}`, `{{`/`}}`,
// concatenation with plain strings, raw and triple-quoted f-strings, positions of field expressions in the cell,
// and CPython 3.11's f-string errors (from `compile(src, 'x', 'exec')` in CPython 3.11.7).

import Testing
@testable import QuillPython

@Suite struct ParserFStringTests {
    @Test func fieldsConversionsAndSpecs() throws {
        #expect(try dump("print(f\"{score:.4f}\", f\"{hit['corpus_id']}\")") ==
            "(expr (call print (f {score:'.4f'}) (f {(sub hit 'corpus_id')})))")
        #expect(try dump("f\"{a!r} {a!s} {a['b']!a}\"") == "(expr (f {a!r} ' ' {a!s} ' ' {(sub a 'b')!a}))")
        #expect(try dump("f\"{x!r:>{width}} {{lit}} {a:{b}.{c}f}\"") ==
            "(expr (f {x!r:'>' {width}} ' {lit} ' {a:{b} '.' {c} 'f'}))")
        #expect(try dump("f\"{x:%Y-%m-%d} {x:} {x:=3} {x:\\n}\"") ==
            "(expr (f {x:'%Y-%m-%d'} ' ' {x:} ' ' {x:'=3'} ' ' {x:'\\n'}))")
        #expect(try dump("f\"{x:{'>'}10}\"") == "(expr (f {x:{'>'} '10'}))")
        #expect(try dump("f\"{{}}\"") == "(expr (f '{}'))")
    }

    @Test func selfDocumentingFields() throws {
        // `{x=}` alone converts with repr (conversion r); a spec or an explicit conversion replaces that.
        #expect(try dump("f\"{y=} {z = !s} { x = }\"") == "(expr (f {'y=' y!r} ' ' {'z = ' z!s} ' ' {' x = ' x!r}))")
        #expect(try dump("f\"{x=:.2f} {x=!s:>10} {x=:}\"") == "(expr (f {'x=' x:'.2f'} ' ' {'x=' x!s:'>10'} ' ' {'x=' x:}))")
    }

    @Test func expressionsInsideFields() throws {
        #expect(try dump("f\"{'a' if x else 'b'}\"") == "(expr (f {(ifexp x 'a' 'b')}))")
        #expect(try dump("f\"{x if y else z:>3}\"") == "(expr (f {(ifexp y x z):'>3'}))")
        #expect(try dump("f\"{x!=y} {x<y} {a==b} {a >= b}\"") ==
            "(expr (f {(cmp x != y)} ' ' {(cmp x < y)} ' ' {(cmp a == b)} ' ' {(cmp a >= b)}))")
        #expect(try dump("f\"{d[1:2]} {(lambda: 1)()} {x,y} {3.14:.2f}\"") ==
            "(expr (f {(sub d (slice 1 2 _))} ' ' {(call (lambda () 1))} ' ' {(tuple x y)} ' ' {3.14:'.2f'}))")
        #expect(try dump("f\"{f'{x}'}\"") == "(expr (f {(f {x})}))")
        #expect(try dump("f\"\"\"{\na\n+\nb}\"\"\"") == "(expr (f {(+ a b)}))")
    }

    @Test func literalTextAndConcatenation() throws {
        #expect(try dump("f'{a}' 'b' f'{c}'") == "(expr (f {a} 'b' {c}))")
        #expect(try dump("'a' f'{b}' 'c'") == "(expr (f 'a' {b} 'c'))")
        #expect(try dump("F\"{x}\" Rf\"{x}\\n\" fR'\\n{x}'") == "(expr (f {x} {x} '\\\\n\\\\n' {x}))")
        #expect(try dump("f\"tab\\t{x}\" f\"\\N{BULLET} {x}\"") == "(expr (f 'tab\\t' {x} '• ' {x}))")
        #expect(try dump("f\"\"\"a\n{x}\nb\"\"\"") == "(expr (f 'a\\n' {x} '\\nb'))")
        // CPython 3.11 keeps the backslash of `\{` (with a DeprecationWarning): f"a\{x}" == 'a\\5' for x = 5.
        #expect(try dump("f\"a\\{x}\"") == "(expr (f 'a\\\\' {x}))")
    }

    @Test func fieldPositionsAreInTheCell() throws {
        let module = try Parser.parse("y = 1\nprint(f\"\"\"s: {score:.4f} {\n  a + b}\"\"\")")
        guard case .expression(.call(_, let args, _), _, _) = module.body[1],
              case .fstring(let parts, let loc) = args[0].value,
              case .field(let first, _, _, _, let firstLoc) = parts[1],
              case .field(.binary(_, let a, let b, _), _, _, _, let secondLoc) = parts[3]
        else {
            Issue.record("unexpected tree: \(ASTDump.module(module))")
            return
        }
        #expect(loc == Loc(line: 2, column: 7))
        #expect(firstLoc == Loc(line: 2, column: 14))
        #expect(first.loc == Loc(line: 2, column: 15))
        #expect(secondLoc == Loc(line: 2, column: 26))
        #expect(a.loc == Loc(line: 3, column: 3))
        #expect(b.loc == Loc(line: 3, column: 7))
    }

    /// Errors inside a field's expression: CPython 3.11 compiles a copy "(expr)" and reports positions in that
    /// copy (`f"{a b}"`: column 2); Quill points into the cell instead. The messages are CPython's.
    @Test func expressionErrorsPointIntoTheCell() {
        expectErrors([
            ("f\"{*a}\"", "SyntaxError: f-string: cannot use starred expression here @ 1:4"),
            ("f\"{a b}\"", "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @ 1:4"),
            ("x = f\"{1 +}\"", "SyntaxError: f-string: invalid syntax @ 1:11"),
            ("f'''{a\n+\nb c}'''", "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @ 1:6"),
            ("f\"{lambda x: 1}\"", "SyntaxError: f-string: invalid syntax @ 1:12"),
        ])
    }

    /// Errors in an f-string's braces, conversions and specs, reported after the literal as CPython 3.11 does
    @Test func structuralErrors() {
        expectErrors([
            ("f\"{}\"", "SyntaxError: f-string: empty expression not allowed @ 1:6"),
            ("f\"{ }\"", "SyntaxError: f-string: empty expression not allowed @ 1:7"),
            ("f\"{!r}\"", "SyntaxError: f-string: expression required before '!' @ 1:8"),
            ("f\"{:x}\"", "SyntaxError: f-string: expression required before ':' @ 1:8"),
            ("f\"{=}\"", "SyntaxError: f-string: expression required before '=' @ 1:7"),
            ("f\"{a\"", "SyntaxError: f-string: expecting '}' @ 1:6"),
            ("x = f\"{a!r\"", "SyntaxError: f-string: expecting '}' @ 1:12"),
            ("x = f'{a' + 'b'", "SyntaxError: f-string: expecting '}' @ 1:11"),
            ("x = f\"{a:{b}\"", "SyntaxError: f-string: expecting '}' @ 1:14"),
            ("f\"{a}{\"", "SyntaxError: f-string: expecting '}' @ 1:8"),
            ("f\"{a!x}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:9"),
            ("f\"{a=!x}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:10"),
            ("f\"{a!}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:8"),
            ("f\"{a! r}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:10"),
            ("f\"{a!r }\"", "SyntaxError: f-string: expecting '}' @ 1:10"),
            ("f\"{a:{b!x}}\"", "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @ 1:13"),
            ("f\"}\"", "SyntaxError: f-string: single '}' is not allowed @ 1:5"),
            ("f\"{a}}\"", "SyntaxError: f-string: single '}' is not allowed @ 1:8"),
            ("x = f\"{a:{b:{c}}}\"", "SyntaxError: f-string: expressions nested too deeply @ 1:19"),
            ("f\"{a)}\"", "SyntaxError: f-string: unmatched ')' @ 1:8"),
            ("f\"{(a}\"", "SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '(' @ 1:8"),
            ("f\"{a\\n}\"", "SyntaxError: f-string expression part cannot include a backslash @ 1:9"),
            ("f\"{#}\"", "SyntaxError: f-string expression part cannot include '#' @ 1:7"),
            ("f\"{'a}\"", "SyntaxError: f-string: unterminated string @ 1:8"),
            ("f\"{(}\"", "SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '(' @ 1:7"),
        ])
    }
}
