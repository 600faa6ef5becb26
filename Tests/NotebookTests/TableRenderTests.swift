// `table(...)` in Output/NAME.md: a GitHub pipe table outside the output fence (printed text stays in the fence),
// while expected blocks (`update`, `check`) keep the table's text form.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct TableRenderTests {
    static let cell = "```quill\nprint(\"before\")\ntable([[1.0, 0.5]], rows=[\"a\"], columns=[\"x\", \"y\"])\nprint(\"after\")\n```\n"
    static let tableText = "|  | x | y |\n|---|---:|---:|\n| a | 1.0000 | 0.5000 |\n"

    @Test func tableIsOutsideTheFence() {
        let (run, rendered) = runNotebook("# T\n\n" + Self.cell + "\ntail\n")
        #expect(!run.hasErrors, "\(run.diagnostics)")
        #expect(rendered == "# T\n\n" + Self.cell + "\n```output\nbefore\n```\n\n" + Self.tableText + "\n```output\nafter\n```\n\ntail\n")
        // Every table line is outside a fence: the lines between fences are the printed text only.
        var inFence = false
        for line in rendered.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if line.hasPrefix("|") { #expect(!inFence, "\(line)") }
        }
    }

    @Test func storedBlockReplacedByTheTable() {
        let text = "```quill\ntable([1, 2])\n```\n\n```output\nold\n```\n\ntail\n"
        let rendered = runNotebook(text).rendered
        #expect(rendered == "```quill\ntable([1, 2])\n```\n\n|  | value |\n|---|---:|\n| 0 | 1 |\n| 1 | 2 |\n\ntail\n")
    }

    @Test func twoTablesAreTwoTables() {
        let rendered = runNotebook("```quill\ntable([1])\ntable([2])\n```\n").rendered
        #expect(rendered == "```quill\ntable([1])\ntable([2])\n```\n\n|  | value |\n|---|---:|\n| 0 | 1 |\n\n|  | value |\n|---|---:|\n| 0 | 2 |\n")
    }

    @Test func expectedBlocksKeepTheTextForm() {
        let notebook = Notebook(path: "n.md", bytes: Array(Self.cell.utf8))
        let run = Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))
        let updated = String(decoding: Renderer.renderUpdate(run), as: UTF8.self)
        #expect(updated == Self.cell + "\n```output\nbefore\n" + Self.tableText + "after\n```\n")
        let again = Notebook(path: "n.md", bytes: Array(updated.utf8))
        #expect(Checker.check(Runner(host: HashEngine()).run(again, directory: URL(fileURLWithPath: "/tmp"))).map(\.verdict) == [.match])
    }

    @Test func aFailingCellKeepsItsTablesInTheFence() {
        let rendered = runNotebook("```quill\ntable([1])\nprint(y)\n```\n").rendered
        #expect(rendered.contains("```output\n|  | value |"))
    }
}
