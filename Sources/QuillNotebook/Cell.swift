// Cells, their expected-output blocks, and where a cell's text sits in the file.

import QuillCommonMark

/// A fenced block's place in the file.
public struct Block: Sendable, Equatable {
    /// Whole lines of the block, fences included, with the last line's terminator.
    public var byteRange: Range<Int>
    public var range: SourceRange
    /// The block's content (cmark's literal, line ends normalized to "\n").
    public var text: String
    /// What a line written into the block's container starts with: "" at the top level, spaces in a list item,
    /// "> " in a block quote (see CellFence.continuationPrefix).
    public var linePrefix: String = ""
}

public struct Cell: Sendable, Equatable {
    /// 0-based position among the notebook's cells.
    public var index: Int
    public var block: Block
    /// The cell's code with the `#|` option lines (they read as comments to Python).
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

/// Where a cell's text sits in the file: line k of the text (0-based) is file line `firstLine + k`, and its
/// columns are shifted by `columnOffset` (the fence's indentation).
struct CellOrigin: Sendable {
    var firstLine: Int
    var columnOffset: Int

    func position(line: Int, column: Int) -> SourcePosition {
        SourcePosition(line: firstLine + line, column: column + columnOffset)
    }
}
