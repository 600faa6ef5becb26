// A figure's data and its text form. The text form is what a cell's output holds (and what expected blocks store and
// `check` compares, numbers with the usual tolerance); scripts/reference/run_notebook.py prints the same text.
//
//   heatmap ROWSxCOLUMNS[: TITLE]            bar_chart N[: TITLE]          scatter N points[, PCA D -> 2][: TITLE]
//   one line per row, values "%.4f"          one line per bar:             one line per point:
//   joined by two spaces                     "VALUE  LABEL"                "X  Y[  LABEL]"
//
// Numbers are formatted without locale, with four decimals (as Python's f"{x:.4f}").

import Foundation

public struct Figure: Sendable, Equatable {
    public enum Kind: String, Sendable { case heatmap, bar = "bar_chart", scatter }

    public var kind: Kind
    /// heatmap: the matrix [rows][columns]; bar: one row of values; scatter: one [x, y] per point (after PCA).
    public var values: [[Double]]
    /// heatmap: the rows' labels; bar: the bars' labels; scatter: the points' labels (may be empty).
    public var rowLabels: [String]
    /// heatmap: the columns' labels; otherwise empty.
    public var columnLabels: [String]
    public var title: String?
    /// The axes' names: scatter "PC1"/"PC2" after PCA, "x"/"y" otherwise; bar: "" and "value".
    public var xLabel: String
    public var yLabel: String
    /// scatter: the points' dimension before PCA (nil: drawn as given).
    public var projectedFrom: Int?
    /// From `#| fig-cap:` and `#| label:` (set by the runner).
    public var caption: String?
    public var label: String?

    public init(kind: Kind, values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                title: String? = nil, xLabel: String = "", yLabel: String = "", projectedFrom: Int? = nil) {
        self.kind = kind
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.projectedFrom = projectedFrom
    }

    /// The alt text of the figure's image: its caption, else its title, else its kind.
    public var altText: String { caption ?? title ?? kind.rawValue }

    /// The text form, lines ending in "\n" (see the header).
    public var text: String {
        var head: String
        switch kind {
        case .heatmap: head = "heatmap \(values.count)x\(values.first?.count ?? 0)"
        case .bar: head = "bar_chart \(values.first?.count ?? 0)"
        case .scatter:
            head = "scatter \(values.count) points"
            if let d = projectedFrom { head += ", PCA \(d) -> 2" }
        }
        if let title { head += ": " + title }
        var lines = [head]
        switch kind {
        case .heatmap:
            lines += values.map { $0.map(Figure.number).joined(separator: "  ") }
        case .bar:
            let row = values.first ?? []
            lines += row.indices.map { Figure.number(row[$0]) + "  " + rowLabels[$0] }
        case .scatter:
            lines += values.indices.map { i in
                let xy = values[i].map(Figure.number).joined(separator: "  ")
                return i < rowLabels.count ? xy + "  " + rowLabels[i] : xy
            }
        }
        return lines.map { Figure.oneLine($0) + "\n" }.joined()
    }

    /// `x` with four decimals, no locale ("-0.0000" as Python prints it).
    static func number(_ x: Double) -> String { String(format: "%.4f", x) }

    /// Line breaks in labels and titles as spaces: one text line per row.
    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
