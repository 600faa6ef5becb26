// The parser's limits and speed: a 1 MiB cell parses in well under a second, brackets nest to CPython's limit of
// 200, blocks to CPython's 100 levels of indentation, and deeper nesting or absurdly long operator chains are a
// clear SyntaxError instead of a stack overflow.

import Testing
@testable import QuillPython

@Suite struct ParserLimitsTests {
    static let blocks = 1_718

    /// About 1.3 MB of tutorial-like code: loops, calls, f-strings, comprehensions, a long list literal.
    static func largeCell() -> String {
        let block = """
            for i, (a, b) in enumerate(zip(xs, ys)):
                if a > b and not skip[i]:
                    total += a * 2.5 - b ** 2 / (1 + i)
                    print(f"{i:>4} {a!r} {b:.4f} {'ok' if a else 'no'}")
                rows = [[x * y for x in range(3)] for y in range(4)]
                scores = sorted(pairs, key=lambda p: p["score"], reverse=True)[:10]

            """
        var cell = String(repeating: block, count: blocks)
        cell += "data = [" + (0..<45_000).map { "\($0 * 7), 'w\($0)'" }.joined(separator: ", ") + "]\n"
        return cell
    }

    @Test func oneMebibyteCellParsesFast() throws {
        let cell = ParserLimitsTests.largeCell()
        #expect(cell.utf8.count > 1_000_000)
        let clock = ContinuousClock()
        var module: Module?
        let elapsed = try clock.measure { module = try Parser.parse(cell) }
        #expect(module?.body.count == ParserLimitsTests.blocks + 1)
        // A release build parses this cell in about 0.25 s (CPython 3.11's compile() takes 2.8 s); an unoptimised
        // debug build is some 20 times slower.
        #if DEBUG
        let limit = Duration.seconds(20)
        #else
        let limit = Duration.seconds(1)
        #endif
        #expect(elapsed < limit, "parsing \(cell.utf8.count) bytes took \(elapsed)")
    }

    @Test func bracketsNestToCPythonsLimit() throws {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(try dump(deep) == "(expr 1)")
        let lists = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(try dump(lists).hasPrefix("(expr (list (list"))
        // CPython 3.11: "too many nested parentheses" at the 201st bracket.
        let tooDeep = String(repeating: "(", count: 201) + String(repeating: ")", count: 201)
        #expect(parseError(tooDeep) == "SyntaxError: too many nested parentheses @ 1:201")
        let tooDeepList = "x = " + String(repeating: "[", count: 201) + String(repeating: "]", count: 201)
        #expect(parseError(tooDeepList) == "SyntaxError: too many nested parentheses @ 1:205")
        let calls = String(repeating: "f(", count: 150) + String(repeating: ")", count: 150)
        #expect(try dump(calls).hasPrefix("(expr (call f (call f"))
    }

    @Test func blocksNestToCPythonsLimit() throws {
        let nested = (0..<99).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
        #expect(try Parser.parse(nested + String(repeating: " ", count: 99) + "pass\n").body.count == 1)
        // CPython 3.11: IndentationError "too many levels of indentation" at 101:1.
        let tooDeep = (0..<100).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
            + String(repeating: " ", count: 100) + "pass\n"
        #expect(parseError(tooDeep) == "IndentationError: too many levels of indentation @ 101:1")
    }

    @Test func longChainsWithoutRecursion() throws {
        // Unary operators, `not`, `**` and attribute chains are read in loops (CPython accepts these too).
        #expect(try dump(String(repeating: "-", count: 900) + "1").hasPrefix("(expr (neg (neg"))
        #expect(try dump(String(repeating: "not ", count: 900) + "x").hasPrefix("(expr (not (not"))
        #expect(try dump(Array(repeating: "x", count: 900).joined(separator: "**")).hasPrefix("(expr (** x (** x"))
        #expect(try dump("a" + String(repeating: ".b", count: 900)).hasPrefix("(expr (. (. "))
        #expect(try dump("f" + String(repeating: "()", count: 900)).hasPrefix("(expr (call (call"))
    }

    @Test func deeperNestingIsASyntaxError() {
        // CPython accepts 300 nested lambdas or conditionals; Quill stops at 210 levels with its own message.
        let lambdas = String(repeating: "lambda: ", count: 300) + "1"
        #expect(parseError(lambdas).hasPrefix(
            "SyntaxError: too deeply nested: Quill allows 210 levels of nested expressions @ 1:"))
        let conditionals = String(repeating: "a if b else ", count: 300) + "c"
        #expect(parseError(conditionals).hasPrefix("SyntaxError: too deeply nested"))
        // CPython raises RecursionError while compiling 10,000 additions; Quill stops at 1,000.
        let sum = Array(repeating: "a", count: 10_000).joined(separator: "+")
        #expect(parseError(sum).hasPrefix(
            "SyntaxError: expression too long: Quill allows 1000 operators, calls or attributes in a chain @ 1:"))
    }
}
