// Output/NAME.md with displays, written by MarkdownOutput: printed text in `output` fences, pipe tables outside
// them, figures as image links to NAME_files/fig-LINE-N.svg files that exist, no `#|` lines; the same bytes on a
// second render; stale figure files removed; fig-cap and label on the image.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct MarkdownOutputTests {
    static let notebook = """
        # Figures

        ```python quill
        #| fig-cap: Similarity [of] sentences
        #| label: fig-sim
        print("before")
        table([[0.5, 1], [2, 3]], rows=["a", "b"], columns=["x", "y"])
        heatmap([[1, 0.5], [0.5, 1]], rows=["a", "b"], columns=["a", "b"], title="sim")
        print("after")
        ```

        ```python quill
        bar_chart(["a", "b"], [1, 2])
        scatter([[1, 2, 3], [3, 2, 1], [0, 1, 0]])
        ```

        """

    /// A fresh folder under the temporary directory, removed by the caller.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quill-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, to directory: URL) throws -> (markdown: String, files: [String]) {
        let (run, _) = runNotebook(text, path: "Notebooks/figs.md")
        #expect(!run.hasErrors, "\(run.diagnostics)")
        let target = directory.appendingPathComponent("figs.md").path
        try MarkdownOutput.write(run, to: target)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("figs_files").path)) ?? []
        return (try String(contentsOfFile: target, encoding: .utf8), files.sorted())
    }

    @Test func structure() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (md, files) = try write(Self.notebook, to: dir)
        #expect(files == ["fig-12-1.svg", "fig-12-2.svg", "fig-3-1.svg"])
        var inFence = false
        var tableLines: [String] = [], images: [String] = []
        for line in md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            #expect(!line.hasPrefix("#|"), "option line shown: \(line)")
            if !inFence, line.hasPrefix("|") { tableLines.append(line) }
            if !inFence, let open = line.range(of: "]("), line.hasSuffix(".svg)") {
                images.append(String(line[open.upperBound...].dropLast()))
            }
            #expect(!(inFence && (line.hasPrefix("heatmap 2x2") || line.hasPrefix("|"))), "display left in a fence: \(line)")
        }
        #expect(tableLines == ["|  | x | y |", "|---|---:|---:|", "| a | 0.5000 | 1 |", "| b | 2 | 3 |"])
        #expect(images == ["figs_files/fig-3-1.svg", "figs_files/fig-12-1.svg", "figs_files/fig-12-2.svg"])
        for image in images { #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(image).path)) }
        #expect(md.contains("```output\nbefore\n```\n\n|  | x | y |"))
        #expect(md.contains("<a id=\"fig-sim\"></a>![Similarity \\[of\\] sentences](figs_files/fig-3-1.svg)\n\n```output\nafter\n```"))
        #expect(md.contains("![bar_chart](figs_files/fig-12-1.svg)\n\n![scatter](figs_files/fig-12-2.svg)"))
        #expect(!md.contains("\n\n\n"))
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let a = try folder(), b = try folder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let first = try write(Self.notebook, to: a), second = try write(Self.notebook, to: b)
        #expect(first.markdown == second.markdown)
        #expect(first.files == second.files)
        for name in first.files {
            let x = try Data(contentsOf: a.appendingPathComponent("figs_files/" + name))
            let y = try Data(contentsOf: b.appendingPathComponent("figs_files/" + name))
            #expect(x == y, "\(name) differs")
        }
    }

    @Test func staleFiguresAreRemoved() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try write(Self.notebook, to: dir)
        let other = dir.appendingPathComponent("figs_files/notes.txt")
        try Data("keep".utf8).write(to: other)
        let (_, files) = try write("```quill\nheatmap([[1]])\n```\n", to: dir)
        #expect(files == ["fig-1-1.svg", "notes.txt"])
        try FileManager.default.removeItem(at: other)
        let (md, none) = try write("```quill\nprint(1)\n```\n", to: dir)
        #expect(none.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("figs_files").path))
        #expect(md == "```quill\nprint(1)\n```\n\n```output\n1\n```\n")
    }

    @Test func figuresOfAFailedCellStayText() {
        let (run, md) = runNotebook("```quill\nheatmap([[1]])\nraise ValueError('x')\n```\n")
        #expect(run.results.flatMap(\.figureFiles).isEmpty)
        #expect(md.contains("```output\nheatmap 1x1\n1.0000\n"))
    }

    @Test func piecesKeepTheOrderOfOutput() throws {
        let (run, _) = runNotebook(Self.notebook)
        let pieces = try #require(run.results.first).pieces
        #expect(pieces.count == 4)
        #expect(pieces.first == .text("before\n"))
        #expect(pieces.last == .text("after\n"))
        guard case .display(.figure(let figure)) = pieces[2] else { Issue.record("\(pieces)"); return }
        #expect(figure.caption == "Similarity [of] sentences" && figure.label == "fig-sim")
        #expect(figure.values == [[1, 0.5], [0.5, 1]])
    }

    @Test func folderNames() {
        #expect(FigureFile.folder(forNotebook: "Notebooks/01-bi-encoder.md") == "01-bi-encoder_files")
        #expect(FigureFile.folder(forOutput: "quickstart.md") == "quickstart_files")
        #expect(MarkdownOutput.isFigureFile("fig-12-3.svg"))
        #expect(!MarkdownOutput.isFigureFile("fig-a-3.svg") && !MarkdownOutput.isFigureFile("figure.svg"))
    }
}
