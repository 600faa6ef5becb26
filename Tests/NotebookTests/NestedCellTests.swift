// Cells nested in list items and block quotes run like top-level cells; their output blocks nest with them.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct NestedCellTests {
    func update(_ text: String) -> String {
        let notebook = Notebook(path: "n.md", bytes: Array(text.utf8))
        #expect(!notebook.hasErrors, "\(notebook.diagnostics)")
        let run = Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))
        return String(decoding: Renderer.renderUpdate(run), as: UTF8.self)
    }

    func cells(_ text: String) -> [Cell] {
        Notebook(path: "n.md", bytes: Array(text.utf8)).cells
    }

    static let listItem = "# Steps\n\n1. Say hello:\n\n   ```quill\n   print(\"hello\")\n   ```\n\n2. Done.\n"
    static let listItemUpdated = "# Steps\n\n1. Say hello:\n\n   ```quill\n   print(\"hello\")\n   ```\n\n   ```output\n   hello\n   ```\n\n2. Done.\n"
    static let quote = "> A note:\n>\n> ```quill\n> print(\"two\")\n> ```\n\nAfter.\n"
    static let quoteUpdated = "> A note:\n>\n> ```quill\n> print(\"two\")\n> ```\n>\n> ```output\n> two\n> ```\n\nAfter.\n"

    @Test func nestedCellsAreFound() {
        #expect(cells(Self.listItem).map(\.source) == ["print(\"hello\")\n"])
        #expect(cells(Self.quote).map(\.source) == ["print(\"two\")\n"])
        #expect(cells("- ```quill\n  print(1)\n  ```\n").map(\.source) == ["print(1)\n"])
    }

    @Test func listItemOutputNestsAndRoundTrips() {
        let once = update(Self.listItem)
        #expect(once == Self.listItemUpdated)
        #expect(update(once) == once)
        let paired = cells(once)
        #expect(paired.count == 1 && paired[0].output?.text == "hello\n")
    }

    @Test func blockQuoteOutputNestsAndRoundTrips() {
        let once = update(Self.quote)
        #expect(once == Self.quoteUpdated)
        #expect(update(once) == once)
        #expect(cells(once).first?.output?.text == "two\n")
    }

    @Test func staleNestedOutputIsReplacedInPlace() {
        let stale = Self.quoteUpdated.replacingOccurrences(of: "> two\n", with: "> three\n")
        #expect(update(stale) == Self.quoteUpdated)
        let staleList = Self.listItemUpdated.replacingOccurrences(of: "   hello\n   ```\n\n2.", with: "   bye\n   ```\n\n2.")
        #expect(update(staleList) == Self.listItemUpdated)
    }

    @Test func outputInAnotherContainerDoesNotPair() {
        // The output block after the list is not the nested cell's.
        let text = "- ```quill\n  print(1)\n  ```\n\n```output\n1\n```\n"
        #expect(cells(text).first?.output == nil)
    }

    @Test func nestedCellsShareVariablesWithTopLevelCells() {
        let text = "```quill\nx = \"shared\"\n```\n\n1. Step:\n\n   ```quill\n   print(x)\n   ```\n"
        #expect(update(text).contains("   ```output\n   shared\n   ```\n"))
    }
}
