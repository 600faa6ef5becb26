// Python's builtin exception classes as values: `ValueError("bad")` makes an ExceptionValue that `raise` turns
// into a PyError with the same type name and message (`raise ValueError` with the class alone works too).

/// An exception instance: its class and its arguments (`e.args`).
final class ExceptionValue: PyRepresentable, PyAttributes {
    let type: TypeObject
    let args: [Value]

    init(type: TypeObject, args: [Value]) {
        self.type = type
        self.args = args
    }

    var typeName: String { type.name }

    /// `str(e)`: nothing for no arguments, str of a single argument (repr for KeyError, as CPython), the tuple's
    /// repr for several.
    func str(_ context: any Context) throws -> String {
        switch args.count {
        case 0: return ""
        case 1: return type.name == "KeyError" ? try context.repr(args[0]) : try context.str(args[0])
        default: return try context.repr(.tuple(args))
        }
    }

    /// `ValueError('bad')`, `ValueError()`, `ValueError('a', 1)`.
    func repr(_ context: any Context) throws -> String {
        let inner = try args.map { try context.repr($0) }.joined(separator: ", ")
        return "\(type.name)(\(inner))"
    }

    var attributeNames: [String] { ["args"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        name == "args" ? .tuple(args) : nil
    }

    /// The error `raise e` stops the cell with: "ValueError: bad".
    func error(_ context: any Context) throws -> PyError {
        PyError(.exception(type.name), try str(context))
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
        "FileNotFoundError": "OSError", "PermissionError": "OSError", "UnicodeDecodeError": "ValueError",
        "ModuleNotFoundError": "ImportError", "MemoryError": "Exception", "IsADirectoryError": "OSError",
        "RecursionError": "RuntimeError", "KeyboardInterrupt": "BaseException",
    ]

    /// True when `name` is `ancestor` or derives from it.
    static func derives(_ name: String, from ancestor: String) -> Bool {
        var current: String? = name
        while let c = current {
            if c == ancestor { return true }
            current = parents[c]
        }
        return false
    }

    /// The class objects, by name, for the builtins table.
    static func classes() -> [String: Value] {
        var table: [String: Value] = [:]
        for name in Array(parents.keys) + ["BaseException"] {
            var type: TypeObject?
            type = TypeObject(name, matches: { value in
                guard case .object(let e as ExceptionValue) = value else { return false }
                return derives(e.type.name, from: name)
            }, construct: { arguments, _ in
                try Check.noKeywords(name, arguments)
                guard let type else { throw PyError.type("cannot create '\(name)' instances") }
                return .object(ExceptionValue(type: type, args: arguments.positional))
            })
            if let type { table[name] = .object(type) }
        }
        return table
    }
}
