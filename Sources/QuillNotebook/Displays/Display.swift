// The display model every renderer shares (Markdown now, HTML by the html helper). A cell's result is an ordered
// list of output pieces: runs of printed text and displays (a table or a figure). The API, in full:
//
//   Display            .table(Table) | .figure(Figure); `text` is its text form (what is printed, checked and stored
//                      in expected blocks).
//   Table              header + body cells, `rightAligned` per column; `text` is the GitHub pipe table.
//   Figure             kind (.heatmap/.bar/.scatter), values, labels, title; caption/label from `#| fig-cap` /
//                      `#| label`; `text` is the summary (Figure.swift). `FigureSVG.render(figure)` is a standalone SVG.
//   OutputPiece        .text(String) | .display(Display)
//   CellResult.pieces  the cell's output in order (Runner.swift); `CellResult.displays` where each display sits.
//   FigureFile.name    "fig-LINE-N.svg": the file name of the N-th figure (1-based) of the cell on line LINE.
//
// A display's text form is written to the cell's output like printed text, so `check` and `update` compare it with
// the usual numeric tolerance; renderers find it there again (DisplayLog.ranges) and draw the real thing instead.

/// A table or a figure shown by a cell.
public enum Display: Sendable, Equatable {
    case table(Table)
    case figure(Figure)

    /// The text form: what the cell's output holds for it.
    public var text: String {
        switch self {
        case .table(let t): return t.text
        case .figure(let f): return f.text
        }
    }
}

/// A table as `table(...)` built it: every cell already formatted.
public struct Table: Sendable, Equatable {
    /// Column headings ("" above a column of row labels).
    public var header: [String]
    /// Rows of cells, each as wide as `header`.
    public var rows: [[String]]
    /// Per column: true when every cell reads as a number (aligned right).
    public var rightAligned: [Bool]

    public init(header: [String], rows: [[String]], rightAligned: [Bool]) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// The GitHub pipe table, each line ending in "\n".
    public var text: String {
        var lines = [TableFunction.row(header), "|" + rightAligned.map { $0 ? "---:|" : "---|" }.joined()]
        lines += rows.map(TableFunction.row)
        return lines.map { $0 + "\n" }.joined()
    }
}

/// One piece of a cell's output, in order.
public enum OutputPiece: Sendable, Equatable {
    /// Printed text (and the error or the last expression's repr), as the `output` fence shows it.
    case text(String)
    case display(Display)
}

/// A display and where its text form sits in the cell's output (UTF-8 offsets).
public struct PlacedDisplay: Sendable, Equatable {
    public var range: Range<Int>
    public var display: Display
}

/// Figure file names, stable across runs: by the cell's line and the figure's place in the cell.
public enum FigureFile {
    /// "fig-LINE-N.svg", `n` 1-based.
    public static func name(line: Int, n: Int) -> String { "fig-\(line)-\(n).svg" }

    /// The folder of a notebook's figures: "NAME_files" for the notebook at ".../NAME.md" (beside Output/NAME.md).
    public static func folder(forNotebook path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let base = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return (base.isEmpty ? file : base) + "_files"
    }

    /// The folder of a notebook's figures beside its Markdown output: "NAME_files" for "NAME.md".
    public static func folder(forOutput fileName: String) -> String {
        let base = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        return base + "_files"
    }
}

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
