// The plain object kinds that several parts of the library create: modules and functions written in Swift.

/// A module such as `math`, `torch` or `sentence_transformers.util`: a name and its members.
public final class PyModule: PyAttributes, PyRepresentable {
    public let name: String
    public var members: [String: Value]

    public init(_ name: String, _ members: [String: Value] = [:]) {
        self.name = name
        self.members = members
    }

    public var typeName: String { "module" }
    public var attributeNames: [String] { members.keys.sorted() }

    public func attribute(_ name: String, _ context: any Context) throws -> Value? { members[name] }

    public func repr(_ context: any Context) throws -> String { "<module '\(name)'>" }
}

/// A function written in Swift: a builtin (`len`), a library function (`util.cos_sim`) or a method bound to its
/// receiver (`"a b".split`). `typeName` is what `type(f).__name__` says.
public final class BuiltinFunction: PyCallable, PyRepresentable {
    public let name: String
    public let typeName: String
    private let body: (Arguments, any Context) throws -> Value

    public init(_ name: String, typeName: String = "builtin_function_or_method",
                _ body: @escaping (Arguments, any Context) throws -> Value) {
        self.name = name
        self.typeName = typeName
        self.body = body
    }

    public func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try body(arguments, context)
    }

    public func repr(_ context: any Context) throws -> String { "<built-in function \(name)>" }

    /// Wraps a function as a Value.
    public static func value(_ name: String, _ body: @escaping (Arguments, any Context) throws -> Value) -> Value {
        .object(BuiltinFunction(name, body))
    }
}

/// `range(start, stop, step)`: lazy, so `for i in range(10**6)` builds no list.
public final class RangeObject: PyObject {
    public let start: Int
    public let stop: Int
    public let step: Int

    public init(start: Int, stop: Int, step: Int) {
        precondition(step != 0, "range step must not be zero")
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var typeName: String { "range" }

    /// The number of values, as Python's len(range) computes it.
    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    public func element(_ i: Int) -> Int { start + i * step }
}
