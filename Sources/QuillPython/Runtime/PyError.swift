// Errors raised by cell code. Python's exceptions keep CPython's type names and wording ("NameError: name 'x' is
// not defined"); constructs Quill does not run and Quill's own limits say so plainly.

public struct PyError: Error, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A Python exception: "NameError", "TypeError", "SyntaxError", "IndentationError", "MemoryError", ...
        case exception(String)
        /// A feature outside Quill's subset ("classes are not supported in Quill cells").
        case unsupported
        /// The cell ran past its time budget.
        case timeout
    }

    public var kind: Kind
    public var message: String
    /// Where in the cell; nil until the interpreter attaches the position of the statement or expression.
    public var loc: Loc?
    /// "did you mean 'sentences'?" and similar.
    public var hint: String?

    public init(_ kind: Kind, _ message: String, at loc: Loc? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.loc = loc
        self.hint = hint
    }

    /// "NameError: name 'x' is not defined", as the last line of CPython's traceback; unsupported features and
    /// timeouts print their message alone.
    public var description: String {
        switch kind {
        case .exception(let type): return message.isEmpty ? type : "\(type): \(message)"
        case .unsupported, .timeout: return message
        }
    }

    /// The exception's type name, or nil for Quill's own errors.
    public var exceptionType: String? {
        if case .exception(let t) = kind { return t }
        return nil
    }

    /// Attaches a position unless a more precise one is already set.
    public func at(_ loc: Loc) -> PyError {
        var e = self
        if e.loc == nil { e.loc = loc }
        return e
    }

    public static func type(_ message: String) -> PyError { PyError(.exception("TypeError"), message) }
    public static func value(_ message: String) -> PyError { PyError(.exception("ValueError"), message) }
    public static func index(_ message: String) -> PyError { PyError(.exception("IndexError"), message) }
    public static func key(_ message: String) -> PyError { PyError(.exception("KeyError"), message) }
    public static func name(_ message: String) -> PyError { PyError(.exception("NameError"), message) }
    public static func attribute(_ message: String) -> PyError { PyError(.exception("AttributeError"), message) }
    public static func zeroDivision(_ message: String) -> PyError { PyError(.exception("ZeroDivisionError"), message) }
    public static func overflow(_ message: String) -> PyError { PyError(.exception("OverflowError"), message) }
    public static func memory(_ message: String) -> PyError { PyError(.exception("MemoryError"), message) }
    public static func syntax(_ message: String, at loc: Loc) -> PyError { PyError(.exception("SyntaxError"), message, at: loc) }
    public static func unsupported(_ message: String, at loc: Loc? = nil, hint: String? = nil) -> PyError {
        PyError(.unsupported, message, at: loc, hint: hint)
    }
}
