// One code cell of the HTML page: its highlighted source (without `#|` lines) and its output pieces (printed text
// in <pre>, tables as <table>, figures as inline SVG), with the cell options honoured as Renderer.renderRun does.

import QuillCommonMark

/// What a cell shows below its source, in the order the cell produced it.
enum HTMLPiece {
    case text(String)
    case table(HTMLTable)
    /// An SVG document (made unique on the page by HTMLFigure) and its caption.
    case figure(svg: String, caption: String?)
}

enum HTMLCell {
    /// The `<section>` of one cell, or "" when it shows nothing (`echo: false` and no output).
    /// - Parameter figures: counts the figures of the page, so that their ids are unique.
    static func html(_ result: CellResult, figures: inout Int) -> String {
        let cell = result.cell, options = cell.options
        var inner = ""
        if options.echo {
            let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
            var code = lines.dropFirst(NotebookReader.optionLineCount(cell.source)).joined(separator: "\n")
            while code.hasSuffix("\n") { code.removeLast() }
            inner += "<pre class=\"source\"><code class=\"language-python\">\(PythonHighlighter.html(code))</code></pre>\n"
        }
        if options.eval {
            switch result.status {
            case .ok:
                if options.output { inner += outputs(pieces(result), figures: &figures) }
            case .failed(let diagnostic):
                inner += outputs([.text(result.output)], figures: &figures)
                inner += "<pre class=\"error\" role=\"alert\">\(HTMLText.escape(diagnostic.description))</pre>\n"
            case .notRun:
                inner += "<p class=\"not-run\">not run: an earlier cell failed or a model was unavailable</p>\n"
            }
        }
        guard !inner.isEmpty else { return "" }
        return "<section class=\"cell\"\(labelAttribute(cell))>\n" + inner + "</section>\n"
    }

    /// ` id="..."` from `#| label:`, or "".
    static func labelAttribute(_ cell: Cell) -> String {
        guard let label = HTMLCellLabel.label(of: cell) else { return "" }
        return " id=\"\(HTMLText.escape(label))\""
    }

    /// The printed text cut around the cell's tables.
    static func pieces(_ result: CellResult) -> [HTMLPiece] {
        let bytes = Array(result.output.utf8)
        var pieces: [HTMLPiece] = []
        var cursor = 0
        for range in result.tables where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            let text = String(decoding: bytes[range], as: UTF8.self)
            guard let table = HTMLTable(pipeText: text) else { continue }
            pieces.append(.text(String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self)))
            pieces.append(.table(table))
            cursor = range.upperBound
        }
        pieces.append(.text(String(decoding: bytes[cursor...], as: UTF8.self)))
        return pieces
    }

    static func outputs(_ pieces: [HTMLPiece], figures: inout Int) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard !text.isEmpty else { continue }
                var shown = text
                if shown.hasSuffix("\n") { shown.removeLast() }
                out += "<pre class=\"output\">\(HTMLText.escape(shown))</pre>\n"
            case .table(let table):
                out += table.html + "\n"
            case .figure(let svg, let caption):
                figures += 1
                out += HTMLFigure.html(svg: svg, caption: caption, number: figures) + "\n"
            }
        }
        return out
    }
}
