import Foundation
import Testing
@testable import QuillNotebook

@Suite struct CheckerTests {
    @Test(arguments: [
        ("Similarity score: 0.4579", "Similarity score: 0.4579", true),
        ("Similarity score: 0.4579", "Similarity score: 0.4580", true),   // one unit in the last digit
        ("Similarity score: 0.4579", "Similarity score: 0.4578", true),
        ("Similarity score: 0.4579", "Similarity score: 0.4581", false),  // two units
        ("0.46", "0.4649", true),                                          // coarser precision rules
        ("0.46", "0.4701", false),
        ("-0.0000", "0.0000", true),
        ("1.5e-03", "1.6e-03", true),
        ("1.5e-03", "1.7e-03", false),
        ("rank 1", "rank 2", false),                                       // integers are exact
        ("MiniLM-L6 0.5", "MiniLM-L6 0.5", true),
        ("score 0.5", "Score 0.5", false),                                 // text is exact
        ("a  \nb\n", "a\nb", true),                                        // trailing whitespace aside
        ("a\n\nb", "a\nb", false),
        ("nan", "nan", true),
        ("0.5 0.5", "0.5", false),
    ])
    func compares(_ expected: String, _ actual: String, _ match: Bool) {
        #expect(Checker.matches(expected: expected, actual: actual, tolerance: nil) == match)
    }

    @Test func explicitTolerance() {
        #expect(Checker.matches(expected: "0.4579", actual: "0.4588", tolerance: 1e-3))
        #expect(!Checker.matches(expected: "0.4579", actual: "0.4600", tolerance: 1e-3))
        #expect(!Checker.matches(expected: "0.4579", actual: "0.4580", tolerance: 0))
    }

    @Test func verdicts() {
        let text = """
            ```quill
            print("a 0.5000")
            ```

            ```output
            a 0.5001
            ```

            ```quill
            print("b")
            ```

            ```output
            c
            ```

            ```quill
            #| check: false
            print("took 12 ms")
            ```

            ```output
            took 9 ms
            ```

            ```quill
            print("no block")
            ```

            ```quill
            #| tolerance: 0.01
            print(0.123)
            ```

            ```output
            0.13
            ```

            """
        let checks = Checker.check(runNotebook(text).run)
        #expect(checks.count == 5)
        #expect(checks[0].verdict == .match)
        guard case .mismatch(let line, let diff) = checks[1].verdict else {
            Issue.record("expected a mismatch, got \(checks[1].verdict)")
            return
        }
        #expect(line == 13)
        #expect(diff == "--- expected\n+++ actual\n-c\n+b\n")
        #expect(checks[2].verdict == .skipped)
        if case .mismatch(let line, _) = checks[3].verdict { #expect(line == 26) } else { Issue.record("missing block") }
        #expect(checks[4].verdict == .match)
    }

    @Test func failingCellIsReported() {
        let checks = Checker.check(runNotebook("```quill\nprint(y)\n```\n\n```quill\nprint(1)\n```\n").run)
        guard case .failed(let d) = checks[0].verdict else { Issue.record("\(checks[0].verdict)"); return }
        #expect(d.description.hasPrefix("example.md:2:7: error: NameError: name 'y' is not defined"))
        #expect(checks[1].verdict == .notRun)
    }

    /// A 3x3 table where one number is outside tolerance and others differ within it: only that number is named
    /// (line, column, expected, got, tolerance) and only its line is shown as changed.
    @Test func mismatchNamesEachValueOutsideTolerance() {
        let text = """
            Intro.

            ```quill
            print("| a | 1.00 | 0.89 | 0.01 |")
            print("| b | 0.89 | 1.00 | -0.03 |")
            print("| c | 0.01 | -0.01 | 1.00 |")
            ```

            ```output
            | a | 1.00 | 0.89 | 0.01 |
            | b | 0.89 | 1.00 | -0.01 |
            | c | 0.02 | -0.01 | 1.00 |
            ```

            """
        let check = Checker.check(runNotebook(text).run)[0]
        guard case .mismatch(let line, let diff) = check.verdict else { Issue.record("\(check.verdict)"); return }
        #expect(line == 9)
        // "| b | 0.89 | 1.00 | " is 20 bytes: the number starts at column 21 of line 11. 0.02 vs 0.01 on line 12
        // is one unit in the last digit, within tolerance.
        #expect(check.values == [ValueMismatch(position: .init(line: 11, column: 21), expected: "-0.01", actual: "-0.03",
                                               tolerance: 0.01)])
        #expect(diff == """
              example.md:11:21: expected -0.01, got -0.03 (tolerance 0.01)
            --- expected
            +++ actual
             | a | 1.00 | 0.89 | 0.01 |
            -| b | 0.89 | 1.00 | -0.01 |
            +| b | 0.89 | 1.00 | -0.03 |
             | c | 0.02 | -0.01 | 1.00 |

            """)
    }

    /// In a block quote the column counts the "> " before the block's text; explicit tolerances are named.
    @Test func nestedBlockColumnsAndExplicitTolerance() {
        let text = "> ```quill\n> #| tolerance: 0.001\n> print('x 0.5000 y 0.2500')\n> ```\n>\n> ```output\n> x 0.5000 y 0.2600\n> ```\n"
        let check = Checker.check(runNotebook(text).run)[0]
        #expect(check.values == [ValueMismatch(position: .init(line: 7, column: 14), expected: "0.2600", actual: "0.2500",
                                               tolerance: 0.001)])
        #expect(check.values.first?.description == "7:14: expected 0.2600, got 0.2500 (tolerance 0.001)")
    }

    /// Long outputs keep two lines of context around a change; lines of other text are diffed, not valued.
    @Test func longOutputsAreCutAroundChanges() {
        let expected = (1...10).map { "row \($0) 0.50" }.joined(separator: "\n")
        let actual = expected.replacingOccurrences(of: "row 6 0.50", with: "row 6 0.70")
            .replacingOccurrences(of: "row 9 0.50", with: "row nine 0.50")
        let report = MismatchReport.make(expected: expected, actual: actual, tolerance: nil, block: nil, bytes: [], file: "")
        #expect(report.values.isEmpty)   // no block: no place to name
        #expect(report.text == "--- expected\n+++ actual\n ...\n row 4 0.50\n row 5 0.50\n-row 6 0.50\n+row 6 0.70\n"
                + " row 7 0.50\n row 8 0.50\n-row 9 0.50\n+row nine 0.50\n row 10 0.50\n")
        #expect(Checker.numbersOutside("row 9 0.50", "row nine 0.50", tolerance: nil) == nil)
    }

    /// Cells after a failing one are not run, and say which cell stopped them.
    @Test func notRunCellsSayWhy() {
        let checks = Checker.check(runNotebook("```quill\nprint(1)\n```\n\n```quill\nprint(y)\n```\n\n```quill\nprint(2)\n```\n").run)
        #expect(checks[2].verdict == .notRun)
        #expect(checks[2].reason == "the cell at example.md:5 failed")
        #expect(checks[0].reason == nil)
    }

    @Test func diffIsUnified() {
        #expect(Diff.unified(expected: "a\nb\nc\n", actual: "a\nx\nc\n") == "--- expected\n+++ actual\n a\n-b\n+x\n c\n")
    }
}
