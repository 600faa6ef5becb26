// The syntax tree of the directive language (grammar in docs/directives.md and in DirectiveParser.swift).

import CommonMark

/// A statement of a `quill` cell.
indirect enum Statement: Sendable {
    /// `NAME = expr`
    case assign(name: String, value: Expr, range: SourceRange)
    /// `for NAME [, NAME] in expr:` followed by a more indented block.
    case forLoop(names: [String], sequence: Expr, body: [Statement], range: SourceRange)
    /// An expression evaluated for its effect, e.g. `print(...)`, `table(...)`.
    case expression(Expr)
}

/// An expression; every node carries its range in the notebook file, for diagnostics.
indirect enum Expr: Sendable {
    case int(Int, SourceRange)
    case float(Double, SourceRange)
    case string(String, SourceRange)
    case bool(Bool, SourceRange)
    case template([TemplatePart], SourceRange)
    case variable(String, SourceRange)
    case list([Expr], SourceRange)
    case pair(Expr, Expr, SourceRange)
    case call(name: String, arguments: [Argument], range: SourceRange)
    case index(Expr, Expr, SourceRange)
    case field(Expr, String, SourceRange)

    var range: SourceRange {
        switch self {
        case .int(_, let r), .float(_, let r), .string(_, let r), .bool(_, let r), .template(_, let r),
             .variable(_, let r), .list(_, let r), .pair(_, _, let r), .index(_, _, let r), .field(_, _, let r):
            return r
        case .call(_, _, let r):
            return r
        }
    }
}

/// A call argument, positional (`label == nil`) or keyword (`top_k=3`).
struct Argument: Sendable {
    var label: String?
    var value: Expr
    var range: SourceRange
}

/// A piece of an f-string: literal text, or `{expr:spec}`.
enum TemplatePart: Sendable {
    case text(String)
    case value(Expr, spec: String?, specRange: SourceRange)
}
