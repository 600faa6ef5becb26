// A run's Markdown output: OUTPUT/NAME.md and its figures OUTPUT/NAME_files/fig-LINE-N.svg. In NAME.md printed text
// stays in `output` fences, tables are GitHub pipe tables outside them and figures image links to their files,
// pieces separated by blank lines. Every file is written atomically (AtomicFile); figure files of an earlier render
// that this one no longer has are removed, and so is NAME_files when it ends up empty. Files other than fig-*.svg
// in NAME_files are left alone.

import Foundation

public enum MarkdownOutput {
    /// Writes `run` to `target` (".../NAME.md") and its figures to ".../NAME_files/". Returns the paths written.
    @discardableResult
    public static func write(_ run: NotebookRun, to target: String) throws -> [String] {
        let directory = (target as NSString).deletingLastPathComponent
        let folderName = FigureFile.folder(forOutput: (target as NSString).lastPathComponent)
        let folder = directory.isEmpty ? folderName : (directory as NSString).appendingPathComponent(folderName)
        let figures = run.results.flatMap(\.figureFiles)
        var written: [String] = []
        let manager = FileManager.default
        if !figures.isEmpty {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for (name, figure) in figures {
            let path = (folder as NSString).appendingPathComponent(name)
            try AtomicFile.write(Array(FigureSVG.render(figure).utf8), to: path)
            written.append(path)
        }
        try removeStale(in: folder, keeping: Set(figures.map(\.name)))
        try AtomicFile.write(Renderer.renderRun(run, folder: folderName), to: target)
        written.append(target)
        return written
    }

    /// Removes the fig-*.svg files of `folder` not in `keeping`, then the folder if it is empty.
    static func removeStale(in folder: String, keeping: Set<String>) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let names = try manager.contentsOfDirectory(atPath: folder)
        for name in names.sorted() where isFigureFile(name) && !keeping.contains(name) {
            try manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
        if try manager.contentsOfDirectory(atPath: folder).isEmpty { try manager.removeItem(atPath: folder) }
    }

    /// "fig-LINE-N.svg" as FigureFile names them.
    static func isFigureFile(_ name: String) -> Bool {
        guard name.hasPrefix("fig-"), name.hasSuffix(".svg") else { return false }
        let parts = name.dropFirst(4).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

extension Renderer {
    /// `text` with each display shown as Markdown instead of its text form. `figures`: the file names of the
    /// cell's figures in order; `folder`: "NAME_files".
    static func outputWithDisplays(_ text: String, displays: [PlacedDisplay], figures: [String], folder: String,
                                   lineEnding le: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var parts: [[UInt8]] = []
        var cursor = 0
        var figureIndex = 0
        func printed(_ r: Range<Int>) {
            let piece = String(decoding: bytes[r], as: UTF8.self)
            if !piece.isEmpty { parts.append(outputBlock(piece, lineEnding: le)) }
        }
        for placed in displays {
            printed(cursor..<placed.range.lowerBound)
            switch placed.display {
            case .table(let table):
                var lines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last == "" { lines.removeLast() }
                parts.append(Array(lines.map { $0 + le }.joined().utf8))
            case .figure(let figure):
                let name = figureIndex < figures.count ? figures[figureIndex] : "missing.svg"
                figureIndex += 1
                parts.append(Array((imageLink(figure, path: folder + "/" + name) + le).utf8))
            }
            cursor = placed.range.upperBound
        }
        printed(cursor..<bytes.count)
        return Array(parts.joined(separator: Array(le.utf8)))
    }

    /// `![caption](path)`, with an anchor before it for a labelled figure.
    static func imageLink(_ figure: Figure, path: String) -> String {
        var alt = ""
        for ch in Figure.oneLine(figure.altText) {
            if ch == "[" || ch == "]" || ch == "\\" { alt.append("\\") }
            alt.append(ch)
        }
        let anchor = figure.label.map { "<a id=\"\(SVGCanvas.escape($0))\"></a>" } ?? ""
        let plain = !path.contains { " ()<>".contains($0) }
        return anchor + "![\(alt)](\(plain ? path : "<" + path + ">"))"
    }
}
