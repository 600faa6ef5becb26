// Figures as standalone SVG documents: `FigureSVG.render(figure)`. Heatmaps here; bar charts and scatter plots in
// FigureSVGCharts.swift. A heatmap draws one <rect class="cell"> per matrix entry (its value in a tooltip, and
// printed in the cell when cells are large enough), row labels on the left, column labels above (rotated), and a
// colour scale with its values on the right. Output is a pure function of the figure: byte-identical across runs.

import Foundation

public enum FigureSVG {
    /// Labels longer than this many columns are shortened with an ellipsis (in full in a tooltip).
    static let labelLimit = 28

    /// The figure as a standalone SVG document (UTF-8 text, ending in "\n").
    public static func render(_ figure: Figure) -> String {
        switch figure.kind {
        case .heatmap: return heatmap(figure)
        case .bar: return barChart(figure)
        case .scatter: return scatter(figure)
        }
    }

    static func heatmap(_ f: Figure) -> String {
        let rows = f.values.count, columns = f.values.first?.count ?? 0
        let cell = columns <= 8 && rows <= 16 ? 64.0 : max(10, min(40, 640 / Double(max(columns, 1))))
        let rowLabels = f.rowLabels.map { SVGCanvas.shorten($0, limit: labelLimit) }
        let columnLabels = f.columnLabels.map { SVGCanvas.shorten($0, limit: labelLimit) }
        let left = 16 + (rowLabels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0) + 8
        let titleHeight = f.title == nil ? 12.0 : 36
        let columnLabelWidth = (columnLabels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0) * 0.72
        let top = titleHeight + columnLabelWidth + 18
        let gridHeight = Double(rows) * cell, gridWidth = Double(columns) * cell
        let scaleHeight = max(gridHeight, 120)
        // The last column's label, rotated 45 degrees, reaches past the grid on the right.
        let width = max(left + gridWidth + 96, left + gridWidth - cell / 2 + 4 + columnLabelWidth + 16)
        var canvas = SVGCanvas(width: width, height: top + scaleHeight + 20)
        if let title = f.title { canvas.text(title, x: 16, y: 24, size: 15, weight: "600") }
        let all = f.values.flatMap { $0 }
        let low = all.min() ?? 0, high = all.max() ?? 1
        let span = high > low ? high - low : 1
        for (i, row) in f.values.enumerated() {
            let y = top + Double(i) * cell
            canvas.text(rowLabels[i], x: left - 8, y: y + cell / 2 + 4, anchor: "end", full: f.rowLabels[i])
            for (j, value) in row.enumerated() {
                let x = left + Double(j) * cell
                let t = (value - low) / span
                canvas.rect(x: x, y: y, width: cell, height: cell, fill: Colour.viridis(t), className: "cell",
                            tooltip: "\(f.rowLabels[i]) × \(f.columnLabels[j]): \(Figure.number(value))")
                if cell >= 40 {
                    canvas.text(Axis.label(value, step: 0.01), x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle",
                                size: 11, fill: Colour.isDark(t) ? "#ffffff" : SVGCanvas.ink)
                }
            }
        }
        for (j, label) in columnLabels.enumerated() {
            let x = left + (Double(j) + 0.5) * cell
            canvas.text(label, x: x + 4, y: top - 8, rotate: -45, full: f.columnLabels[j])
        }
        // Colour scale: a gradient bar with labelled ticks at nice values.
        let sx = left + gridWidth + 20
        canvas.add("<defs><linearGradient id=\"scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
                   + Colour.stops.enumerated().map { k, c in
                       "<stop offset=\"\(SVGCanvas.number(Double(k) / Double(Colour.stops.count - 1)))\" stop-color=\"\(c)\"/>"
                   }.joined() + "</linearGradient></defs>")
        canvas.add("<rect class=\"scale\" x=\"\(SVGCanvas.number(sx))\" y=\"\(SVGCanvas.number(top))\" width=\"14\" "
                   + "height=\"\(SVGCanvas.number(scaleHeight))\" fill=\"url(#scale)\" stroke=\"\(SVGCanvas.grid)\"/>")
        let (ticks, step) = Axis.inner(low, high)
        for value in ticks {
            let y = top + scaleHeight * (1 - (value - low) / span)
            canvas.line(x1: sx + 14, y1: y, x2: sx + 18, y2: y)
            canvas.text(Axis.label(value, step: step), x: sx + 21, y: y + 4, size: 11)
        }
        return canvas.document(title: f.title ?? "heatmap \(rows)x\(columns)")
    }
}
