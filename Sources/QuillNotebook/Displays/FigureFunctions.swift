// The figure functions of every cell (and of the `quill` module): `heatmap(matrix, rows=None, columns=None,
// title=None)`, `bar_chart(labels, values, title=None)` and `scatter(points, labels=None, title=None)`. Each prints
// the figure's text form (Figure.swift) and records the figure so that `run` draws it; each returns None.
// Arguments are Python lists or tuples, numpy arrays or torch tensors; errors read as CPython's would
// (TypeError / ValueError naming the function).

import QuillPython

enum FigureFunctions {
    static let heatmapSignature = Signature("heatmap", ["matrix", "rows", "columns", "title"], required: 1)
    static let barSignature = Signature("bar_chart", ["labels", "values", "title"], required: 2)
    static let scatterSignature = Signature("scatter", ["points", "labels", "title"], required: 1)

    static func heatmap(_ arguments: Arguments, _ context: any Context, log: DisplayLog?) throws -> Value {
        let slots = try heatmapSignature.bind(arguments)
        guard let value = slots[0] else { throw PyError.type("heatmap() missing 1 required positional argument: 'matrix'") }
        let matrix = try FigureArguments.matrix(value, "heatmap", context)
        let rows = try FigureArguments.labels(slots[1], count: matrix.count, what: "row labels", of: "rows", "heatmap", context)
        let columns = try FigureArguments.labels(slots[2], count: matrix[0].count, what: "column labels", of: "columns",
                                                 "heatmap", context)
        let figure = Figure(kind: .heatmap, values: matrix,
                            rowLabels: rows ?? matrix.indices.map(String.init),
                            columnLabels: columns ?? matrix[0].indices.map(String.init),
                            title: try FigureArguments.title(slots[3], context))
        return try show(figure, context, log)
    }

    static func barChart(_ arguments: Arguments, _ context: any Context, log: DisplayLog?) throws -> Value {
        let slots = try barSignature.bind(arguments)
        guard let labelsValue = slots[0], let valuesValue = slots[1] else {
            throw PyError.type("bar_chart() missing 2 required positional arguments: 'labels' and 'values'")
        }
        let values = try FigureArguments.vector(valuesValue, "bar_chart", context)
        guard let labels = try FigureArguments.labels(labelsValue, count: values.count, what: "labels", of: "values",
                                                      "bar_chart", context) else {
            throw PyError.type("bar_chart() argument 'labels' must be a list of labels, not NoneType")
        }
        let figure = Figure(kind: .bar, values: [values], rowLabels: labels,
                            title: try FigureArguments.title(slots[2], context), xLabel: "", yLabel: "value")
        return try show(figure, context, log)
    }

    static func scatter(_ arguments: Arguments, _ context: any Context, log: DisplayLog?) throws -> Value {
        let slots = try scatterSignature.bind(arguments)
        guard let value = slots[0] else { throw PyError.type("scatter() missing 1 required positional argument: 'points'") }
        let points = try FigureArguments.matrix(value, "scatter", context)
        let dimension = points[0].count
        guard dimension >= 2 else {
            throw PyError.value("scatter() needs points of 2 or more dimensions, got \(dimension)")
        }
        let labels = try FigureArguments.labels(slots[1], count: points.count, what: "labels", of: "points", "scatter", context)
        let projected = dimension > 2
        let figure = Figure(kind: .scatter, values: projected ? PCA.project(points) : points, rowLabels: labels ?? [],
                            title: try FigureArguments.title(slots[2], context),
                            xLabel: projected ? "PC1" : "x", yLabel: projected ? "PC2" : "y",
                            projectedFrom: projected ? dimension : nil)
        return try show(figure, context, log)
    }

    static func show(_ figure: Figure, _ context: any Context, _ log: DisplayLog?) throws -> Value {
        let text = figure.text
        try context.write(text)
        log?.record(.figure(figure))
        return .none
    }
}
