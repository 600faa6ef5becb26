// Source positions in a Markdown file, as cmark reports them with CMARK_OPT_SOURCEPOS.

/// A position in a source file: line 1-based, column = UTF-8 byte offset in the line, 1-based.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A closed range of positions: `upperBound` is the last byte's position, as cmark reports it.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var lowerBound: SourcePosition
    public var upperBound: SourcePosition

    public init(_ lowerBound: SourcePosition, _ upperBound: SourcePosition) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    public init(line: Int, column: Int) {
        let p = SourcePosition(line: line, column: column)
        self.init(p, p)
    }

    public var description: String { "\(lowerBound)-\(upperBound)" }
}
