// TEMPORARY stand-ins for other helpers' pieces (format's PercentFormat and StrMethods, the library's builtins and
// methods, the module registries) so that the interpreter compiles before they land. Deleted when main has them.

import Foundation

enum Builtins {
    nonisolated(unsafe) static let table: [String: Value] = ExceptionClass.builtins.merging([
        "print": BuiltinFunction.value("print") { args, ctx in
            let sep = try args.keyword("sep").map { try ctx.str($0) } ?? " "
            let end = try args.keyword("end").map { try ctx.str($0) } ?? "\n"
            try ctx.write(try args.positional.map { try ctx.str($0) }.joined(separator: sep) + end)
            return .none
        },
        "len": BuiltinFunction.value("len") { args, ctx in
            switch args.positional.first {
            case .str(let s)?: return .int(s.unicodeScalars.count)
            case .list(let l)?: return .int(l.items.count)
            case .tuple(let t)?: return .int(t.count)
            case .dict(let d)?: return .int(d.storage.count)
            case .object(let r as RangeObject)?: return .int(r.count)
            default: throw PyError.type("object has no len()")
            }
        },
        "range": BuiltinFunction.value("range") { args, _ in
            let ints = args.positional.compactMap { if case .int(let i) = $0 { return i } else { return nil } }
            switch ints.count {
            case 1: return .object(RangeObject(start: 0, stop: ints[0], step: 1))
            case 2: return .object(RangeObject(start: ints[0], stop: ints[1], step: 1))
            case 3: return .object(RangeObject(start: ints[0], stop: ints[1], step: ints[2]))
            default: throw PyError.type("range expected integers")
            }
        },
        "str": BuiltinFunction.value("str") { args, ctx in .str(try args.positional.first.map { try ctx.str($0) } ?? "") },
        "repr": BuiltinFunction.value("repr") { args, ctx in .str(try ctx.repr(args.positional.first ?? .none)) },
        "list": BuiltinFunction.value("list") { args, ctx in .list(PyList(try args.positional.first.map { try ctx.iterate($0) } ?? [])) },
        "sum": BuiltinFunction.value("sum") { args, ctx in
            var total = Value.int(0)
            guard let c = ctx as? Interpreter else { return total }
            for x in try ctx.iterate(args.positional.first ?? .none) { total = try c.binary(.add, total, x) }
            return total
        },
    ]) { first, _ in first }
}

enum StrMethods {
    static let names = ["upper", "split", "join"]
    static func call(_ name: String, _ receiver: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        switch name {
        case "upper": return .str(receiver.uppercased())
        case "split": return .list(PyList(receiver.split(separator: " ").map { .str(String($0)) }))
        default: return .str(try context.iterate(arguments.positional.first ?? .none).map { try context.str($0) }.joined(separator: receiver))
        }
    }
}

enum ListMethods {
    static let names = ["append", "pop"]
    static func call(_ name: String, _ receiver: PyList, _ arguments: Arguments, _ context: any Context) throws -> Value {
        if name == "append" { receiver.items.append(arguments.positional.first ?? .none); return .none }
        guard let last = receiver.items.popLast() else { throw PyError.index("pop from empty list") }
        return last
    }
}

enum DictMethods {
    static let names = ["get"]
    static func call(_ name: String, _ receiver: PyDict, _ arguments: Arguments, _ context: any Context) throws -> Value {
        receiver.storage[try HashKey(arguments.positional.first ?? .none)] ?? (arguments.positional.count > 1 ? arguments.positional[1] : .none)
    }
}

enum PercentFormat {
    static func format(_ template: String, _ args: Value, _ context: any Context) throws -> String {
        throw PyError.unsupported("%-formatting is pending")
    }
}

enum LibraryModules { static func modules() -> [String: PyModule] { ["math": PyModule("math", ["pi": .float(Double.pi)])] } }
enum ArrayModules { static func modules() -> [String: PyModule] { [:] } }
enum SentenceTransformersModules { static func modules() -> [String: PyModule] { [:] } }


/// Objects that answer `x in obj` themselves.
protocol PyContainer: PyObject {
    func contains(_ value: Value, _ context: any Context) throws -> Bool
}

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

    /// What `raise X` raises: nil when X is no exception.
    static func error(raising value: Value, _ context: any Context) throws -> PyError? {
        guard case .object(let o) = value else { return nil }
        if let e = o as? ExceptionValue { return try e.error(context) }
        if let c = o as? ExceptionClass { return PyError(.exception(c.name), "") }
        return nil
    }
}
