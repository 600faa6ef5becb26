// What a failing cell reports: the cell's PyError (its position in the cell's own coordinates) as a Diagnostic at
// the place in the notebook or .py file, with the source line and a caret, and a hint where one helps:
//
//     demo.md:14:7: error: NameError: name 'sentence' is not defined
//        14 | print(sentence)
//           |       ^
//       hint: did you mean 'sentences'?

import Foundation
import QuillCommonMark
import QuillPython

enum CellError {
    /// - Parameters: `seconds`: the cell's time budget, named when it ran out; `spent`: how long the cell ran (a
    ///   long encode is stopped between its batches, so it may pass the budget by a fraction of a second).
    static func diagnostic(_ error: PyError, cell: Cell, file: String, seconds: Double, spent: Double? = nil) -> Diagnostic {
        var message = error.description
        var hint = OldDialect.hint(for: error.exceptionType, message: error.message) ?? error.hint
        if error.kind == .timeout {
            message = "cell timed out after \(shortest(seconds)) s"
                + (spent.map { " (it ran \(String(format: "%.2f", $0)) s)" } ?? "")
            hint = "raise it with '#| timeout: SECONDS' or --timeout"
        }
        guard let loc = error.loc, loc.line >= 1 else {
            return Diagnostic(message, at: cell.block.range, hint: hint, file: file)
        }
        let position = cell.origin.position(line: loc.line - 1, column: max(1, loc.column))
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
        let excerpt = loc.line <= lines.count
            ? SourceExcerpt.render(lines[loc.line - 1], lineNumber: position.line, column: max(1, loc.column)) : nil
        return Diagnostic(message, at: SourceRange(position, position), hint: hint, file: file, excerpt: excerpt)
    }

    /// A cell too large to parse fails before it runs.
    static func tooLarge(_ cell: Cell, file: String) -> Diagnostic {
        Diagnostic("cell is \(cell.source.utf8.count) bytes, over the limit of \(Runner.cellByteLimit >> 10) KiB",
                   at: cell.block.range, hint: "keep data in files next to the notebook and read them with open()",
                   file: file)
    }

    /// "0.05", "300": seconds as the user wrote them.
    static func shortest(_ seconds: Double) -> String {
        if seconds == seconds.rounded(), abs(seconds) < 1e15 { return String(Int(seconds)) }
        return "\(seconds)"
    }
}
