// Displays in Output/NAME.md: printed text in `output` fences, tables as GitHub pipe tables outside them, figures
// as image links to NAME_files/fig-LINE-N.svg (written by MarkdownOutput), pieces separated by blank lines.

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
