// A cell result's output as renderers see it: the ordered pieces (printed text and displays), the displays a
// rendering shows as such, and the figures' file names. Shared by the Markdown renderer and the HTML one.

extension CellResult {
    /// The output in order: printed text runs between displays. A cell that failed shows its displays as text
    /// (`shownDisplays` is empty), its error last.
    public var pieces: [OutputPiece] {
        let text = Renderer.shownOutput(self)
        let bytes = Array(text.utf8)
        var pieces: [OutputPiece] = []
        var cursor = 0
        for placed in shownDisplays {
            if placed.range.lowerBound > cursor {
                pieces.append(.text(String(decoding: bytes[cursor..<placed.range.lowerBound], as: UTF8.self)))
            }
            pieces.append(.display(placed.display))
            cursor = placed.range.upperBound
        }
        if cursor < bytes.count { pieces.append(.text(String(decoding: bytes[cursor...], as: UTF8.self))) }
        return pieces
    }

    /// The displays rendered as tables and figures: those of a cell that ran without error.
    public var shownDisplays: [PlacedDisplay] { status == .ok ? displays : [] }

    /// The figures shown, with their file names ("fig-LINE-N.svg", N counting the cell's figures from 1).
    public var figureFiles: [(name: String, figure: Figure)] {
        var files: [(name: String, figure: Figure)] = []
        for placed in shownDisplays {
            if case .figure(let figure) = placed.display {
                files.append((FigureFile.name(line: cell.line, n: files.count + 1), figure))
            }
        }
        return files
    }

    /// `displays` with the cell's `fig-cap` and `label` on its figures (the second figure's label gets "-2", ...).
    static func captioned(_ displays: [PlacedDisplay], _ options: CellOptions) -> [PlacedDisplay] {
        var n = 0
        return displays.map { placed in
            guard case .figure(var figure) = placed.display else { return placed }
            n += 1
            figure.caption = options.figureCaption
            figure.label = options.label.map { n == 1 ? $0 : "\($0)-\(n)" }
            return PlacedDisplay(range: placed.range, display: .figure(figure))
        }
    }
}
