// TEMPORARY stand-ins for other helpers' pieces (parser, format, library, arrays, sentence-transformers) so that the
// interpreter compiles before they land. Deleted when main has the real ones.

import Foundation

enum Builtins {
    nonisolated(unsafe) static let table: [String: Value] = [
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
    ]
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

enum FloatRepr {
    static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let s = "\(x)"
        return s
    }
}

enum StringRepr {
    static func repr(_ s: String) -> String {
        let quote = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = quote
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out += String(c) == quote ? "\\" + quote : String(c)
            }
        }
        return out + quote
    }
}

enum Formatter {
    static func format(_ value: Value, _ spec: String, _ context: any Context) throws -> String {
        if case .float(let d) = value, spec.hasPrefix("."), spec.hasSuffix("f"), let p = Int(spec.dropFirst().dropLast()) {
            return String(format: "%.\(p)f", d)
        }
        return try context.str(value)
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

#if !QUILL_LOCAL_PARSER
enum Parser {
    static func parse(_ source: String) throws -> Module {
        throw PyError.unsupported("the Python parser has not landed yet")
    }
}
#endif
