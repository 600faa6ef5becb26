// Python's builtin exception classes as callables, so that `raise ValueError("bad")` works: calling a class makes
// an exception value, and `raise` turns either into a PyError with CPython's type name and message.

final class ExceptionClass: PyCallable, PyRepresentable, PyAttributes {
    let name: String
    init(_ name: String) { self.name = name }

    var typeName: String { "type" }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        if !arguments.keywords.isEmpty { throw PyError.type("\(name)() takes no keyword arguments") }
        return .object(ExceptionValue(type: name, args: arguments.positional))
    }

    func repr(_ context: any Context) throws -> String { "<class '\(name)'>" }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        name == "__name__" ? .str(self.name) : nil
    }

    var attributeNames: [String] { ["__name__"] }

    /// The classes a cell can name.
    static let names = [
        "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError", "EOFError",
        "FileNotFoundError", "ImportError", "IndexError", "KeyError", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "NotImplementedError", "OSError", "OverflowError", "RecursionError",
        "RuntimeError", "StopIteration", "TypeError", "UnboundLocalError", "UnicodeError", "ValueError",
        "ZeroDivisionError",
    ]

    static var builtins: [String: Value] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, .object(ExceptionClass($0))) })
    }
}

/// An exception instance, as `ValueError("bad")` makes it.
final class ExceptionValue: PyRepresentable, PyAttributes {
    let type: String
    let args: [Value]
    init(type: String, args: [Value]) {
        self.type = type
        self.args = args
    }

    var typeName: String { type }

    func repr(_ context: any Context) throws -> String {
        let inner = try args.map { try context.repr($0) }.joined(separator: ", ")
        return "\(type)(\(inner))"
    }

    /// str(e): empty, the single argument's str (its repr for KeyError), or the repr of the arguments' tuple.
    func str(_ context: any Context) throws -> String {
        switch args.count {
        case 0: return ""
        case 1: return type == "KeyError" ? try context.repr(args[0]) : try context.str(args[0])
        default: return try context.repr(.tuple(args))
        }
    }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        name == "args" ? .tuple(args) : nil
    }

    var attributeNames: [String] { ["args"] }

    func error(_ context: any Context) throws -> PyError {
        PyError(.exception(type), try str(context))
    }
}
