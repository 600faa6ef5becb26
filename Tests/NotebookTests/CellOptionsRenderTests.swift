// Quarto's cell options in rendered output (echo, output, eval; `#|` lines never shown, no stray blank lines) and
// the display of a cell's last bare expression (Jupyter's Out[]), compared with CPython's repr.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct CellOptionsRenderTests {
    func update(_ text: String) -> String {
        let notebook = Notebook(path: "n.md", bytes: Array(text.utf8))
        #expect(!notebook.hasErrors, "\(notebook.diagnostics)")
        let run = Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))
        return String(decoding: Renderer.renderUpdate(run), as: UTF8.self)
    }

    func check(_ text: String) -> [CellCheck.Verdict] {
        let notebook = Notebook(path: "n.md", bytes: Array(text.utf8))
        return Checker.check(Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))).map(\.verdict)
    }

    /// No line of rendered Markdown starts with `#|`, and no two blank lines follow each other.
    func expectClean(_ rendered: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.drop(while: { $0 == " " }).hasPrefix("#|") }, "\(rendered)", sourceLocation: sourceLocation)
        #expect(!rendered.contains("\n\n\n"), "double blank line in:\n\(rendered)", sourceLocation: sourceLocation)
    }

    @Test func optionLinesNeverShow() {
        let (run, rendered) = runNotebook("# T\n\n```quill\n#| check: false\n#| tolerance: 1e-3\nprint(1)\n```\n\ntail\n")
        #expect(!run.hasErrors)
        #expect(rendered == "# T\n\n```quill\nprint(1)\n```\n\n```output\n1\n```\n\ntail\n")
        expectClean(rendered)
        // CRLF and an indented fence keep their bytes, less the option lines.
        let (_, crlf) = runNotebook("  ```quill\r\n  #| check: false\r\n  print(2)\r\n  ```\r\n")
        #expect(crlf == "  ```quill\r\n  print(2)\r\n  ```\r\n\r\n```output\r\n2\r\n```\r\n")
    }

    @Test func echoFalseLeavesNoDoubleBlankLine() {
        let stored = "# T\n\n```quill\n#| echo: false\nprint(\"a\")\n```\n\n```output\nold\n```\n\ntail\n"
        #expect(runNotebook(stored).rendered == "# T\n\n```output\na\n```\n\ntail\n")
        let fresh = "# T\n\n```quill\n#| echo: false\nprint(\"a\")\n```\n\ntail\n"
        #expect(runNotebook(fresh).rendered == "# T\n\n```output\na\n```\n\ntail\n")
        expectClean(runNotebook(stored).rendered)
    }

    @Test func outputFalseHidesTheOutput() {
        let text = "# T\n\n```quill\n#| output: false\nx = 2\nprint(x)\n```\n\n```output\n2\n```\n\n```quill\nprint(x + 1)\n```\n"
        let (run, rendered) = runNotebook(text)
        #expect(!run.hasErrors)
        #expect(rendered == "# T\n\n```quill\nx = 2\nprint(x)\n```\n\n```quill\nprint(x + 1)\n```\n\n```output\n3\n```\n")
        expectClean(rendered)
        // Still compared and written: the source notebook's block is its expected output.
        #expect(check(text).first == .match)
        // An error still shows.
        let (_, failing) = runNotebook("```quill\n#| output: false\nprint(y)\n```\n")
        #expect(failing.contains("```output\n") && failing.contains("NameError"))
    }

    @Test func echoAndOutputFalseDropTheCell() {
        let text = "# T\n\n```quill\n#| echo: false\n#| output: false\nx = 1\n```\n\n```output\nold\n```\n\ntail\n"
        let rendered = runNotebook(text).rendered
        #expect(rendered == "# T\n\ntail\n")
        expectClean(rendered)
    }

    @Test func evalFalseShowsTheCellWithoutRunningIt() {
        let text = "# T\n\n```quill\n#| eval: false\nprint(1 / 0)\n```\n\n```output\nstored\n```\n\n```quill\nprint(\"after\")\n```\n"
        let (run, rendered) = runNotebook(text)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(rendered == "# T\n\n```quill\nprint(1 / 0)\n```\n\n```quill\nprint(\"after\")\n```\n\n```output\nafter\n```\n")
        expectClean(rendered)
        // check: not compared; update: the stored block kept byte for byte, and none added where there is none.
        #expect(check(text).first == .skipped)
        #expect(update(text) == text.replacingOccurrences(of: "```\n\n```quill\nprint(\"after\")\n```\n",
                                                        with: "```\n\n```quill\nprint(\"after\")\n```\n\n```output\nafter\n```\n"))
        let bare = "```quill\n#| eval: false\nprint(1 / 0)\n```\n"
        #expect(update(bare) == bare)
        #expect(check(bare) == [.skipped])
    }

    @Test func unknownOptionIsAWarning() {
        let (run, rendered) = runNotebook("```quill\n#| colour: red\nprint(1)\n```\n")
        #expect(!run.hasErrors)
        let d = run.diagnostics.first
        #expect(d?.severity == .warning)
        #expect(d?.message.contains("unknown option 'colour'") == true)
        #expect(rendered == "```quill\nprint(1)\n```\n\n```output\n1\n```\n")
    }

    // MARK: displays

    /// (cell, what the display adds), the repr from CPython 3.11: `python3 -c 'print(repr(EXPR))'`.
    static let displays: [(String, String)] = [
        ("v = [1, \"a\", 2.5, None, True]\nv", "[1, 'a', 2.5, None, True]"),
        ("v = {\"k\": (1, 2), 3: [0.1 + 0.2]}\nv", "{'k': (1, 2), 3: [0.30000000000000004]}"),
        ("s = \"it's\"\ns", "\"it's\""),
        ("(1,)", "(1,)"),
        ("1e16", "1e+16"),
        ("-0.0", "-0.0"),
        ("1.5e-7", "1.5e-07"),
        ("2**70", "1180591620717411303424"),
        ("e = \"\\u00e9\\n\"\ne", "'é\\n'"),
        ("range(3)", "range(0, 3)"),
    ]

    @Test(arguments: 0..<displays.count)
    func displayIsTheRepr(_ k: Int) {
        let (source, repr) = Self.displays[k]
        let (run, _) = runNotebook("```quill\n\(source)\n```\n")
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.first?.output == repr + "\n", "\(source)")
    }

    @Test func displayFollowsPrintedText() {
        #expect(runNotebook("```quill\nprint(\"a\")\n1 + 1\n```\n").run.results[0].output == "a\n2\n")
        #expect(runNotebook("```quill\nprint(\"a\", end=\"\")\n[1]\n```\n").run.results[0].output == "a\n[1]\n")
    }

    @Test func noDisplay() {
        for source in ["\"a string literal\"", "1 + 1;", "x = 3", "None", "print(1)", "def f():\n    return 1\n"] {
            let out = runNotebook("```quill\n\(source)\n```\n").run.results[0].output
            #expect(out == (source == "print(1)" ? "1\n" : ""), "\(source)")
        }
    }

    @Test func displayIsCheckedAndWritten() {
        let text = "```quill\nprint(\"p\")\n[1, 2]\n```\n\n```output\np\n```\n"
        #expect(check(text) != [.match])
        let updated = update(text)
        #expect(updated == "```quill\nprint(\"p\")\n[1, 2]\n```\n\n```output\np\n[1, 2]\n```\n")
        #expect(check(updated) == [.match])
        #expect(runNotebook(text).rendered == updated)
    }

    @Test func scriptsDoNotDisplay() {
        let script = Notebook(script: "s.py", bytes: Array("print(1)\n[2]\n".utf8))
        let run = Runner(host: HashEngine()).run(script, directory: URL(fileURLWithPath: "/tmp"))
        #expect(run.results.map(\.output) == ["1\n"])
    }
}
