// One code cell of the HTML page: its highlighted source (without `#|` lines) and its output pieces (printed text
// in <pre>, tables as <table>, figures as inline SVG: CellResult.pieces), with the cell options honoured as
// Renderer.renderRun does.

import QuillCommonMark

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
                if options.output { inner += outputs(result.pieces, figures: &figures) }
            case .failed(let diagnostic):
                inner += outputs([.text(result.output)], figures: &figures)
                inner += "<pre class=\"error\" role=\"alert\">\(HTMLText.escape(diagnostic.description))</pre>\n"
            case .notRun:
                inner += "<p class=\"not-run\">not run: an earlier cell failed or a model was unavailable</p>\n"
            }
        }
        guard !inner.isEmpty else { return "" }
        return "<section class=\"cell\"\(labelAttribute(result))>\n" + inner + "</section>\n"
    }

    /// ` id="..."` from `#| label:` for a cell without figures (the figures carry the label), or "".
    static func labelAttribute(_ result: CellResult) -> String {
        guard let label = result.cell.options.label, result.figureFiles.isEmpty else { return "" }
        return " id=\"\(HTMLText.escape(label))\""
    }

    static func outputs(_ pieces: [OutputPiece], figures: inout Int) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard !text.isEmpty else { continue }
                var shown = text
                if shown.hasSuffix("\n") { shown.removeLast() }
                out += "<pre class=\"output\">\(HTMLText.escape(shown))</pre>\n"
            case .display(.table(let table)):
                out += HTMLTable.html(table) + "\n"
            case .display(.figure(let figure)):
                figures += 1
                out += HTMLFigure.html(figure, number: figures) + "\n"
            }
        }
        return out
    }
}
