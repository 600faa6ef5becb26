// Bar charts and scatter plots as SVG (see FigureSVG.swift). A bar chart draws horizontal bars from zero, one
// <rect class="bar"> per value, labels on the left, the value at each bar's end and a value axis with grid lines
// below. A scatter plot draws one <circle class="point"> per point with its label beside it, ticked x and y axes
// and their names (PC1/PC2 after PCA).

import Foundation

extension FigureSVG {
    static func barChart(_ f: Figure) -> String {
        let values = f.values.first ?? []
        let labels = f.rowLabels.map { SVGCanvas.shorten($0, limit: labelLimit) }
        let left = 16 + (labels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0) + 10
        let top = f.title == nil ? 16.0 : 44, barHeight = 24.0, gap = 8.0, plotWidth = 420.0
        let (ticks, step) = Axis.ticks(min(0, values.min() ?? 0), max(0, values.max() ?? 0))
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let scale = plotWidth / (high > low ? high - low : 1)
        let plotHeight = Double(values.count) * (barHeight + gap) + gap
        var canvas = SVGCanvas(width: left + plotWidth + 70, height: top + plotHeight + 56)
        if let title = f.title { canvas.text(title, x: 16, y: 26, size: 15, weight: "600") }
        for t in ticks {
            let x = left + (t - low) * scale
            canvas.line(x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: SVGCanvas.grid)
            canvas.text(Axis.label(t, step: step), x: x, y: top + plotHeight + 16, anchor: "middle", size: 11,
                        fill: SVGCanvas.faint)
        }
        let zero = left + (0 - low) * scale
        for (i, value) in values.enumerated() {
            let y = top + gap + Double(i) * (barHeight + gap)
            let x = value >= 0 ? zero : zero + value * scale
            canvas.rect(x: x, y: y, width: abs(value) * scale, height: barHeight, fill: "#2c728e", className: "bar",
                        tooltip: "\(f.rowLabels[i]): \(Figure.number(value))")
            canvas.text(labels[i], x: left - 8, y: y + barHeight / 2 + 4, anchor: "end", full: f.rowLabels[i])
            let end = value >= 0 ? zero + value * scale + 4 : x - 4
            canvas.text(Figure.number(value), x: end, y: y + barHeight / 2 + 4, anchor: value >= 0 ? "start" : "end",
                        size: 11, fill: SVGCanvas.faint)
        }
        canvas.line(x1: zero, y1: top, x2: zero, y2: top + plotHeight)
        canvas.text(f.yLabel, x: left + plotWidth / 2, y: top + plotHeight + 36, anchor: "middle", size: 12)
        return canvas.document(title: f.title ?? "bar_chart \(values.count)")
    }

    static func scatter(_ f: Figure) -> String {
        let left = 64.0, top = f.title == nil ? 16.0 : 44, plotWidth = 440.0, plotHeight = 340.0
        let labels = f.rowLabels.map { SVGCanvas.shorten($0, limit: 22) }
        let labelRoom = (labels.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 0) + 12
        let xs = f.values.map { $0[0] }, ys = f.values.map { $0[1] }
        let (xt, xstep) = Axis.ticks(xs.min() ?? 0, xs.max() ?? 1)
        let (yt, ystep) = Axis.ticks(ys.min() ?? 0, ys.max() ?? 1)
        let x0 = xt.first ?? 0, x1 = xt.last ?? 1, y0 = yt.first ?? 0, y1 = yt.last ?? 1
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 > x0 ? x1 - x0 : 1) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (y - y0) / (y1 > y0 ? y1 - y0 : 1) * plotHeight }
        var canvas = SVGCanvas(width: left + plotWidth + max(labelRoom, 24), height: top + plotHeight + 56)
        if let title = f.title { canvas.text(title, x: 16, y: 26, size: 15, weight: "600") }
        for t in xt {
            canvas.line(x1: px(t), y1: top, x2: px(t), y2: top + plotHeight, stroke: SVGCanvas.grid)
            canvas.text(Axis.label(t, step: xstep), x: px(t), y: top + plotHeight + 16, anchor: "middle", size: 11,
                        fill: SVGCanvas.faint)
        }
        for t in yt {
            canvas.line(x1: left, y1: py(t), x2: left + plotWidth, y2: py(t), stroke: SVGCanvas.grid)
            canvas.text(Axis.label(t, step: ystep), x: left - 6, y: py(t) + 4, anchor: "end", size: 11, fill: SVGCanvas.faint)
        }
        canvas.line(x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight)
        canvas.line(x1: left, y1: top, x2: left, y2: top + plotHeight)
        canvas.text(f.xLabel, x: left + plotWidth / 2, y: top + plotHeight + 38, anchor: "middle")
        canvas.text(f.yLabel, x: 18, y: top + plotHeight / 2, anchor: "middle", rotate: -90)
        for (i, p) in f.values.enumerated() {
            let name = i < f.rowLabels.count ? f.rowLabels[i] : "point \(i)"
            canvas.add("<circle class=\"point\" cx=\"\(SVGCanvas.number(px(p[0])))\" cy=\"\(SVGCanvas.number(py(p[1])))\" "
                       + "r=\"5\" fill=\"#3b528b\" fill-opacity=\"0.85\"><title>\(SVGCanvas.escape(name)) ("
                       + "\(Figure.number(p[0])), \(Figure.number(p[1])))</title></circle>")
            if i < labels.count {
                canvas.text(labels[i], x: px(p[0]) + 8, y: py(p[1]) + 4, size: 11, full: f.rowLabels[i])
            }
        }
        return canvas.document(title: f.title ?? "scatter \(f.values.count) points")
    }
}
