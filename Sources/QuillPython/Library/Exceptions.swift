// Python's builtin exception classes as values: `ValueError("bad")` makes an ExceptionValue that `raise` turns
// into a PyError with the same type name and message (`raise ValueError` with the class alone works too).

/// An exception instance: its class and its arguments (`e.args`).
final class ExceptionValue: PyRepresentable, PyAttributes {
    let type: TypeObject
    let args: [Value]
    /// For an exception caught by `except`: the message it stopped with (what str() gives) and where it was raised.
    private let message: String?
    private let origin: Loc?

    init(type: TypeObject, args: [Value]) {
        self.type = type
        self.args = args
        message = nil
        origin = nil
    }

    /// The exception object `except ... as e` binds for an error raised by the interpreter or a library: its
    /// message as the single argument (a KeyError's message is already the key's repr).
    init(caught error: PyError, type: TypeObject) {
        self.type = type
        message = error.message
        args = error.message.isEmpty ? [] : [.str(error.message)]
        origin = error.loc
    }

    var typeName: String { type.name }

    /// `str(e)`: nothing for no arguments, str of a single argument (repr for KeyError, as CPython), the tuple's
    /// repr for several.
    func str(_ context: any Context) throws -> String {
        if let message { return message }
        switch args.count {
        case 0: return ""
        case 1: return type.name == "KeyError" ? try context.repr(args[0]) : try context.str(args[0])
        default: return try context.repr(.tuple(args))
        }
    }

    /// `ValueError('bad')`, `ValueError()`, `ValueError('a', 1)`.
    func repr(_ context: any Context) throws -> String {
        if let message, type.name == "KeyError", !message.isEmpty { return "KeyError(\(message))" }
        let inner = try args.map { try context.repr($0) }.joined(separator: ", ")
        return "\(type.name)(\(inner))"
    }

    var attributeNames: [String] { ["args"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        name == "args" ? .tuple(args) : nil
    }

    /// The error `raise e` stops the cell with: "ValueError: bad".
    func error(_ context: any Context) throws -> PyError {
        PyError(.exception(type.name), try str(context), at: origin)
    }

    /// What `raise X` raises for a value X: an exception instance or class; nil when X is neither (the interpreter
    /// raises CPython's "TypeError: exceptions must derive from BaseException").
    static func error(raising value: Value, _ context: any Context) throws -> PyError? {
        guard case .object(let o) = value else { return nil }
        if let e = o as? ExceptionValue { return try e.error(context) }
        if let t = o as? TypeObject, Exceptions.parents[t.name] != nil || t.name == "BaseException" {
            return PyError(.exception(t.name), "")
        }
        return nil
    }
}

enum Exceptions {
    /// Each builtin exception class and its base class.
    static let parents: [String: String] = [
        "Exception": "BaseException",
        "ArithmeticError": "Exception", "AssertionError": "Exception", "AttributeError": "Exception",
        "ImportError": "Exception", "LookupError": "Exception", "NameError": "Exception",
        "NotImplementedError": "RuntimeError", "OSError": "Exception", "RuntimeError": "Exception",
        "StopIteration": "Exception", "TypeError": "Exception", "ValueError": "Exception",
        "IndexError": "LookupError", "KeyError": "LookupError",
        "OverflowError": "ArithmeticError", "ZeroDivisionError": "ArithmeticError",
        "FileNotFoundError": "OSError", "PermissionError": "OSError", "UnicodeDecodeError": "UnicodeError",
        "ModuleNotFoundError": "ImportError", "MemoryError": "Exception", "IsADirectoryError": "OSError",
        "RecursionError": "RuntimeError", "KeyboardInterrupt": "BaseException",
        "UnboundLocalError": "NameError", "UnicodeError": "ValueError",
    ]

    /// Exception classes of library modules (not builtins) and their bases.
    static let libraryParents: [String: String] = ["JSONDecodeError": "ValueError", "AxisError": "ValueError"]

    /// True when `name` is `ancestor` or derives from it; a class not in the tables derives from Exception.
    static func derives(_ name: String, from ancestor: String) -> Bool {
        var current: String? = name
        while let c = current {
            if c == ancestor { return true }
            current = c == "BaseException" ? nil : parents[c] ?? libraryParents[c] ?? "Exception"
        }
        return false
    }

    /// A class of the tables: what `except` may name.
    static func isKnown(_ name: String) -> Bool {
        name == "BaseException" || parents[name] != nil || libraryParents[name] != nil
    }

    /// The class objects, by name, for the builtins table.
    static func classes() -> [String: Value] {
        var table: [String: Value] = [:]
        for name in Array(parents.keys) + ["BaseException"] { table[name] = .object(type(named: name)) }
        return table
    }

    /// An exception class: instances of it and of the classes that derive from it match it.
    static func type(named name: String, module: String? = nil) -> TypeObject {
        var type: TypeObject?
        type = TypeObject(name, module: module, matches: { value in
            guard case .object(let e as ExceptionValue) = value else { return false }
            return derives(e.type.name, from: name)
        }, construct: { arguments, _ in
            try Check.noKeywords(name, arguments)
            guard let type else { throw PyError.type("cannot create '\(name)' instances") }
            return .object(ExceptionValue(type: type, args: arguments.positional))
        })
        return type ?? TypeObject(name, module: module, matches: { _ in false })
    }
}

extension TypeObject {
    /// A class `except` may name: BaseException or a class derived from it.
    var isExceptionClass: Bool { Exceptions.isKnown(name) }
}

extension Interpreter {
    /// The class of a raised exception by name: the builtin's object, or (for a library's exception such as
    /// json's JSONDecodeError) a class of that name.
    func exceptionClass(_ name: String) -> TypeObject {
        if case .object(let t as TypeObject)? = builtins[name] { return t }
        // a library's error names its module: "json.decoder.JSONDecodeError"
        guard let dot = name.lastIndex(of: ".") else { return Exceptions.type(named: name) }
        return Exceptions.type(named: String(name[name.index(after: dot)...]), module: String(name[..<dot]))
    }
}
