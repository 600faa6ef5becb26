// Errors of cells: Python's exception and message (CPython 3.11's wording and position), at the place in the
// notebook (file:line:col, 1-based; the cell's first line is file line 2), then the source line with a caret under
// the column, then a hint where one helps. The same text goes into the failing cell's rendered output.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct DiagnosticTests {
    @Test(arguments: [
        ("sentences = ['a']\nprint(sentence)", """
            example.md:3:7: error: NameError: name 'sentence' is not defined
                3 | print(sentence)
                  |       ^
              hint: did you mean 'sentences'?
            """),
        ("x = [1, 2, 3]\nprint(x[3])", """
            example.md:3:7: error: IndexError: list index out of range
                3 | print(x[3])
                  |       ^
            """),
        ("d = {'a': 1}\nprint(d['b'])", """
            example.md:3:7: error: KeyError: 'b'
                3 | print(d['b'])
                  |       ^
            """),
        ("print('n = ' + 1)", """
            example.md:2:7: error: TypeError: can only concatenate str (not "int") to str
                2 | print('n = ' + 1)
                  |       ^
            """),
        ("total = 0\nprint(10 / total)", """
            example.md:3:7: error: ZeroDivisionError: division by zero
                3 | print(10 / total)
                  |       ^
            """),
        ("for i in range(3)\n    print(i)", """
            example.md:2:18: error: SyntaxError: expected ':'
                2 | for i in range(3)
                  |                  ^
            """),
        ("x = [1,\n2", """
            example.md:2:5: error: SyntaxError: '[' was never closed
                2 | x = [1,
                  |     ^
            """),
        ("print(\"open)", """
            example.md:2:7: error: SyntaxError: unterminated string literal (detected at line 1)
                2 | print("open)
                  |       ^
            """),
        ("class A:\n    pass", """
            example.md:2:1: error: classes are not supported in Quill cells
                2 | class A:
                  | ^
            """),
        ("print('한국어', undefined)", """
            example.md:2:20: error: NameError: name 'undefined' is not defined
                2 | print('한국어', undefined)
                  |                 ^
            """),
        ("if True:\n\tprint(y)", """
            example.md:3:8: error: NameError: name 'y' is not defined
                3 | \tprint(y)
                  | \t      ^
            """),
    ])
    func message(_ cell: String, _ expected: String) {
        let actual = firstDiagnostic("```python quill\n" + cell + "\n```\n")
        #expect(actual == expected)
    }

    /// The failing cell's rendered output holds what it printed, then the same text as stderr.
    @Test func renderedOutputHoldsTheError() {
        let (run, rendered) = runNotebook("```quill\nnames = ['a']\nprint('before')\nprint(nmes)\n```\n")
        let diagnostic = run.diagnostics.first?.description ?? ""
        #expect(diagnostic.hasPrefix("example.md:4:7: error: NameError: name 'nmes' is not defined\n"))
        #expect(rendered.hasSuffix("```output\nbefore\n" + diagnostic + "\n```\n"))
    }

    @Test func errorStartsOnItsOwnLine() {
        let (_, rendered) = runNotebook("```quill\nprint('partial', end='')\nprint(1 / 0)\n```\n")
        #expect(rendered.contains("```output\npartial\nexample.md:3:7: error: ZeroDivisionError: division by zero\n"))
    }

    @Test func indentedFenceShiftsColumns() {
        #expect(firstDiagnostic("  ```quill\n  print(y)\n  ```\n") == """
            example.md:2:9: error: NameError: name 'y' is not defined
                2 | print(y)
                  |       ^
            """)
    }

    /// A long line is shown as a window around the column.
    @Test func longLinesAreCut() {
        let line = "x = [" + String(repeating: "1, ", count: 100) + "y]"
        let lines = firstDiagnostic("```quill\n" + line + "\n```\n").split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "example.md:2:306: error: NameError: name 'y' is not defined")
        #expect(lines[1] == "    2 | ..." + String(line.suffix(62)))
        #expect(lines[2] == "      |    " + String(repeating: " ", count: 60) + "^")
    }

    @Test func unsupportedModuleNamesWhatThereIs() {
        let d = firstDiagnostic("```quill\nimport os\n```\n")
        #expect(d.hasPrefix("example.md:2:8: error: module 'os' is not available in Quill cells\n    2 | import os\n"))
        #expect(d.contains("\n  hint: the modules available are "))
    }

    @Test func optionErrors() {
        #expect(firstDiagnostic("```quill\n#| chek: false\n```\n") ==
            "example.md:2:1: warning: unknown option 'chek' (ignored)\n  hint: did you mean 'check'?")
        #expect(firstDiagnostic("```quill\n#| tolerance: big\n```\n").hasPrefix(
            "example.md:2:1: error: option 'tolerance' needs a non-negative number, got 'big'"))
    }

    @Test func keepGoingRunsLaterCells() {
        let text = "```quill\nprint(y)\n```\n\n```quill\nprint(1)\n```\n"
        #expect(runNotebook(text).run.results[1].status == .notRun)
        let (run, _) = runNotebook(text, options: RunOptions(keepGoing: true))
        #expect(run.results[1].status == .ok && run.results[1].output == "1\n")
    }

    @Test func timeoutFires() {
        let (run, _) = runNotebook("```quill\n#| timeout: 0.05\nn = 0\nwhile True:\n    n += 1\n```\n")
        guard case .failed(let d) = run.results[0].status else { Issue.record("no timeout"); return }
        #expect(d.message.hasPrefix("cell timed out after 0.05 s (it ran ") && d.message.hasSuffix(" s)"), "\(d.message)")
        #expect(d.hint == "raise it with '#| timeout: SECONDS' or --timeout")
        #expect(d.range.lowerBound.line >= 4)
    }

    @Test func outputLimitIsAnError() {
        let (run, _) = runNotebook("```quill\nwhile True:\n    print('x' * 1000)\n```\n")
        guard case .failed(let d) = run.results[0].status else { Issue.record("no error"); return }
        #expect(d.message.contains("output limit"), "\(d)")
        #expect(run.results[0].output.utf8.count <= Runner.outputLimit)
    }

    @Test func memoryLimitIsAnError() {
        let d = firstDiagnostic("```quill\nx = 'x' * 10**10\n```\n")
        #expect(d.hasPrefix("example.md:2:5: error: MemoryError"), "\(d)")
    }

    @Test func unavailableModelStopsTheNotebookWithoutAnError() {
        let (run, rendered) = runNotebook("""
            ```quill
            from sentence_transformers import SentenceTransformer
            print("imported")
            ```

            ```quill
            m = SentenceTransformer("missing")
            ```

            ```quill
            print(1)
            ```

            """, engine: TableEngine())
        #expect(run.unavailable?.description == "model missing unavailable (searched /cache; offline)")
        #expect(!run.hasErrors)
        #expect(run.results.map(\.status) == [.notRun, .notRun, .notRun])
        #expect(rendered.contains("not run"))
    }

    /// An engine's own error (here the fixture engine's) fails the cell as a RuntimeError at the call.
    @Test func engineErrorsBecomeCellDiagnostics() {
        let d = firstDiagnostic("""
            ```quill
            from sentence_transformers import SentenceTransformer
            m = SentenceTransformer("x")
            e = m.encode(["unknown sentence"])
            ```

            """, engine: TableEngine())
        #expect(d == """
            example.md:4:5: error: RuntimeError: no fixture for 'unknown sentence'
                4 | e = m.encode(["unknown sentence"])
                  |     ^
            """)
    }
}
