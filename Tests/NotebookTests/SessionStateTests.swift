// Cells share one Python session per notebook: names, functions and imports of a cell are seen by the cells after
// it (as in Jupyter), whatever the fence; another notebook starts afresh. Data files are read from the notebook's
// folder. Expected outputs are what CPython prints for the cells run one after another in one namespace.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct SessionStateTests {
    @Test func namesFunctionsAndImportsCarryAcrossCells() {
        let (run, _) = runNotebook("""
            ```quill
            counts = {}
            def add(word, n=1):
                counts[word] = counts.get(word, 0) + n
                return counts[word]
            from quill import table as show
            ```

            Prose between cells.

            ```python quill
            add("a")
            add("b", n=3)
            print(add("a"), counts)
            ```

            ~~~ {python}
            show(sorted(counts.items(), key=lambda kv: -kv[1]))
            ~~~

            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.map(\.output) == ["", "2 {'a': 2, 'b': 3}\n", "|  | 0 | 1 |\n|---|---|---:|\n| 0 | b | 3 |\n| 1 | a | 2 |\n"])
    }

    @Test func eachNotebookHasItsOwnSession() {
        let runner = Runner(host: HashEngine())
        let directory = URL(fileURLWithPath: "/tmp")
        let first = runner.run(Notebook(path: "a.md", bytes: Array("```quill\nx = 1\nprint(x)\n```\n".utf8)), directory: directory)
        let second = runner.run(Notebook(path: "b.md", bytes: Array("```quill\nprint(x)\n```\n".utf8)), directory: directory)
        #expect(first.results.first?.output == "1\n")
        #expect(second.diagnostics.first?.message == "NameError: name 'x' is not defined")
    }

    @Test func dataFilesAreReadFromTheNotebooksFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("one\ntwo\n".utf8).write(to: dir.appendingPathComponent("data/lines.txt"))
        let text = """
            ```quill
            with open("data/lines.txt", encoding="utf-8") as f:
                lines = [line.strip() for line in f]
            print(lines)
            ```

            ```quill
            open("../outside.txt")
            ```

            """
        let run = Runner(host: HashEngine()).run(Notebook(path: "n.md", bytes: Array(text.utf8)), directory: dir)
        #expect(run.results.first?.output == "['one', 'two']\n")
        guard case .failed(let d)? = run.results.last?.status else { Issue.record("reading outside the folder ran"); return }
        #expect(d.range.lowerBound.line == 8)
    }
}
