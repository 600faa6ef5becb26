// Directive cells, their expected-output blocks, and cell options (`#| key: value`, the Quarto habit).

import CommonMark

/// Options of one cell, from `#|` lines at its top, defaulting to the notebook's front matter.
public struct CellOptions: Sendable, Equatable {
    /// false: volatile output (timings); `check` skips the comparison and `update` keeps the stored block.
    public var check = true
    /// Absolute tolerance for numbers; nil: one unit in the last printed digit.
    public var tolerance: Double?
    /// false: `run` leaves the cell's source out of Output/NAME.md and shows only its output.
    public var echo = true
    /// Seconds a cell may run; checked between statements.
    public var timeout: Double = 600

    public init() {}

    static let keys = ["check", "tolerance", "echo", "timeout"]

    /// Applies `key: value`; returns an error message and hint when the pair is not understood.
    mutating func set(_ key: String, _ value: String) -> (message: String, hint: String?)? {
        func bool() -> Bool? { value == "true" ? true : value == "false" ? false : nil }
        switch key {
        case "check", "echo":
            guard let b = bool() else { return ("option '\(key)' needs true or false, got '\(value)'", nil) }
            if key == "check" { check = b } else { echo = b }
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
        default:
            return ("unknown option '\(key)'", Suggest.hint(for: key, in: Self.keys) ?? "options: " + Self.keys.joined(separator: ", "))
        }
        return nil
    }
}

/// A fenced block's place in the file.
public struct Block: Sendable, Equatable {
    /// Whole lines of the block, fences included, with the last line's terminator.
    public var byteRange: Range<Int>
    public var range: SourceRange
    /// The block's content (cmark's literal, line ends normalized to "\n").
    public var text: String
}

public struct Cell: Sendable, Equatable {
    /// 0-based position among the notebook's cells.
    public var index: Int
    public var block: Block
    /// The directive source with the `#|` option lines (they read as comments to the parser).
    public var source: String
    public var options: CellOptions
    /// The expected output: the `output` block right after the cell, if any.
    public var output: Block?
    /// Where line 0 of `source` sits in the file.
    var origin: CellOrigin

    public var line: Int { block.range.lowerBound.line }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.index == b.index && a.block == b.block && a.output == b.output && a.options == b.options
    }
}
