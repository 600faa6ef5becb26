// Cell options: `#| key: value` lines at the top of a cell (the Quarto habit), defaulting to the notebook's
// front matter.

import QuillCommonMark

/// Options of one cell, from `#|` lines at its top, defaulting to the notebook's front matter.
public struct CellOptions: Sendable, Equatable {
    /// false: volatile output (timings); `check` skips the comparison and `update` keeps the stored block.
    public var check = true
    /// Absolute tolerance for numbers; nil: one unit in the last printed digit.
    public var tolerance: Double?
    /// false: `run` leaves the cell's source out of Output/NAME.md and shows only its output.
    public var echo = true
    /// false: `run` leaves the cell's output out of Output/NAME.md (the cell still runs; errors still show).
    public var output = true
    /// false: the cell is shown but not run; `check` skips it and `update` keeps its stored block.
    public var eval = true
    /// Seconds a cell may run; checked between statements.
    public var timeout: Double = 600
    /// `fig-cap`: the caption (image alt text) of the cell's figures.
    public var figureCaption: String?
    /// `label`: the anchor of the cell's first figure (the next ones get "-2", "-3", ...).
    public var label: String?

    public init() {}

    static let keys = ["check", "tolerance", "echo", "output", "eval", "timeout", "fig-cap", "label"]

    /// Applies `key: value`; returns an error message and hint when the pair is not understood (`unknown`: the key
    /// is not an option, which is a warning: the option is ignored, as Quarto ignores options it does not know).
    mutating func set(_ key: String, _ value: String) -> (message: String, hint: String?)? {
        func bool() -> Bool? { value == "true" ? true : value == "false" ? false : nil }
        switch key {
        case "check", "echo", "output", "eval":
            guard let b = bool() else { return ("option '\(key)' needs true or false, got '\(value)'", nil) }
            switch key {
            case "check": check = b
            case "echo": echo = b
            case "output": output = b
            default: eval = b
            }
        case "tolerance":
            guard let t = Double(value), t >= 0, t.isFinite else {
                return ("option 'tolerance' needs a non-negative number, got '\(value)'", "e.g. tolerance: 1e-3")
            }
            tolerance = t
        case "timeout":
            guard let t = Double(value), t > 0, t.isFinite else {
                return ("option 'timeout' needs a positive number of seconds, got '\(value)'", nil)
            }
            timeout = t
        case "fig-cap", "label":
            let text = Self.unquoted(value)
            guard !text.isEmpty else { return ("option '\(key)' needs a text, got nothing", "e.g. \(key): Similarity") }
            if key == "label" { label = text } else { figureCaption = text }
        default:
            return ("unknown option '\(key)' (ignored)", Suggest.hint(for: key, in: Self.keys) ?? "options: " + Self.keys.joined(separator: ", "))
        }
        return nil
    }
}

extension CellOptions {
    /// A YAML-style scalar without its surrounding quotes ("..." or '...').
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }
}

extension NotebookReader {
    static func isUnknownOption(_ message: String) -> Bool { message.hasPrefix("unknown option '") }

    /// How many of the first lines of a cell's text are `#|` option lines.
    static func optionLineCount(_ text: String) -> Int {
        var count = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#|") else { break }
            count += 1
        }
        return count
    }

    /// The options of a cell: `defaults` changed by the `#|` lines at the top of its text.
    mutating func readOptions(_ text: String, origin: CellOrigin, defaults: CellOptions) -> CellOptions {
        var options = defaults
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("#|") else { break }
            let body = line.dropFirst(2)
            let range = SourceRange(line: origin.firstLine + offset, column: 1 + origin.columnOffset)
            guard let colon = body.firstIndex(of: ":") else {
                fail("cell option needs 'key: value'", range, hint: "e.g. #| check: false")
                continue
            }
            let key = body[..<colon].trimmingSpaces, value = body[body.index(after: colon)...].trimmingSpaces
            if let problem = options.set(key, value) {
                fail(problem.message, range, hint: problem.hint, severity: Self.isUnknownOption(problem.message) ? .warning : .error)
            }
        }
        return options
    }
}
