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

    @Test func diffIsUnified() {
        #expect(Diff.unified(expected: "a\nb\nc\n", actual: "a\nx\nc\n") == "--- expected\n+++ actual\n a\n-b\n+x\n c\n")
    }
}
