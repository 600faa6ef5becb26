// Quill's own functions in every cell, beside Python's builtins: `table` (a Markdown table), the figures `heatmap`,
// `bar_chart` and `scatter` (Displays/FigureFunctions.swift) and `throughput` (how fast a model runs). They are ordinary names a cell may rebind, and also the `quill` module
// (`from quill import table`), which is how the reference (scripts/reference/run_notebook.py) provides them.

import QuillPython

enum QuillBuiltins {
    /// - Parameter clock: what `throughput` times runs with (tests pass a fake one).
    static func install(in session: Session, log: DisplayLog? = nil,
                        clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        let members: [String: Value] = [
            "table": .object(BuiltinFunction("table") { arguments, context in
                try TableFunction.call(arguments, context, log: log)
            }),
            "heatmap": .object(BuiltinFunction("heatmap") { arguments, context in
                try FigureFunctions.heatmap(arguments, context, log: log)
            }),
            "bar_chart": .object(BuiltinFunction("bar_chart") { arguments, context in
                try FigureFunctions.barChart(arguments, context, log: log)
            }),
            "scatter": .object(BuiltinFunction("scatter") { arguments, context in
                try FigureFunctions.scatter(arguments, context, log: log)
            }),
            "throughput": .object(BuiltinFunction("throughput") { arguments, context in
                try ThroughputFunction.measure(arguments, context, clock: clock)
            }),
        ]
        for (name, value) in members { session.define(name, value) }
        session.register(PyModule("quill", members))
    }
}
