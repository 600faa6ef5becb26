// Which fenced blocks are cells (`quill`, `python quill`, Quarto's `{python}`), and a Python file read as one cell.

import QuillCommonMark
import Foundation
import Testing
@testable import QuillNotebook

@Suite struct CellFenceTests {
    @Test(arguments: [
        ("quill", true), ("quill extra words", true), ("python quill", true), ("python  title=x quill", true),
        ("\tpython\tquill", true), ("{python}", true), ("{python echo=false}", true), ("{python, echo=false}", true),
        ("python", false), ("py quill", false), ("quill-like", false), ("Quill", false), ("{python", false),
        ("{r}", false), ("output", false), ("", false), ("python quillish", false),
    ])
    func infoString(_ info: String, _ isCell: Bool) {
        #expect(CellFence.isCell(info: info) == isCell, "\(info)")
    }

    @Test func everyCellFenceRunsInOrderAndPlainPythonDoesNot() {
        let text = """
            ```python
            print("plain python is prose")
            ```

            ```quill
            print("a")
            ```

            ```python quill
            print("b")
            ```

            ~~~ {python}
            print("c")
            ~~~

            """
        let (run, rendered) = runNotebook(text)
        #expect(run.notebook.cells.map(\.line) == [5, 9, 13])
        #expect(run.results.map(\.output) == ["a\n", "b\n", "c\n"])
        #expect(rendered.contains("~~~ {python}\nprint(\"c\")\n~~~\n\n```output\nc\n```\n"))
        #expect(!rendered.contains("plain python is prose\n```\n\n```output"))
    }

    @Test func optionsAndOutputBlocksPairWithEveryFence() {
        let text = "```python quill\n#| check: false\nprint(1)\n```\n\n```output\nold\n```\n"
        let cell = Notebook(path: "n.md", bytes: Array(text.utf8)).cells.first
        #expect(cell?.options.check == false)
        #expect(cell?.output?.text == "old\n")
    }

    @Test func scriptIsOneCellFromLineOne() {
        let source = "\u{FEFF}x = 1\r\nprint(x)\r\n"
        let script = Notebook(script: "demo.py", bytes: Array(source.utf8))
        #expect(script.diagnostics.isEmpty)
        #expect(script.cells.count == 1)
        #expect(script.cells.first?.source == "x = 1\nprint(x)\n")
        #expect(script.cells.first?.origin.position(line: 1, column: 3) == SourcePosition(line: 2, column: 3))
        #expect(script.cells.first?.output == nil)
    }

    @Test func scriptKeepsTheByteGuards() {
        let bad = Notebook(script: "bad.py", bytes: [0x61, 0x0A, 0x62, 0xFF])
        #expect(bad.diagnostics.first?.description.hasPrefix("bad.py:2:2: error: invalid UTF-8") == true)
        #expect(bad.cells.isEmpty)
        #expect(Notebook(script: "empty.py", bytes: []).cells.first?.source == "")
    }
}
