// The conversions behind the builtin types: int(), float(), bool(), list(), tuple(), dict(), with CPython's
// arity and error messages.

import BigInt

enum Conversions {
    /// int(x=0, base=10).
    static func int(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.atMost("int", arguments, 2)
        try Check.keywords("int", arguments, allowed: ["base"])
        let base = arguments.positional.count > 1 ? arguments.positional[1] : arguments.keyword("base")
        guard let x = arguments.positional.first else {
            if base != nil { throw PyError.type("int() missing string argument") }
            return .int(0)
        }
        if let base {
            guard case .str(let s) = x else { throw PyError.type("int() can't convert non-string with explicit base") }
            let b = try Check.index(base, context)
            guard b == 0 || (2...36).contains(b) else { throw PyError.value("int() base must be >= 2 and <= 36, or 0") }
            return try parse(s, base: b, context)
        }
        return try integer(x, context)
    }

    /// int(x) with one argument.
    static func integer(_ x: Value, _ context: any Context) throws -> Value {
        switch x {
        case .int, .bigInt: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try truncate(d)
        case .str(let s): return try parse(s, base: 10, context)
        case .object(let o as any PyNumeric):
            if let scalar = try o.scalar(context), !isObject(scalar) { return try integer(scalar, context) }
        default: break
        }
        throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
    }

    private static func isObject(_ v: Value) -> Bool {
        if case .object = v { return true }
        return false
    }

    static func truncate(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        if let i = Int(exactly: t) { return .int(i) }
        return .integer(BigInt(t))
    }

    private static func parse(_ s: String, base: Int, _ context: any Context) throws -> Value {
        guard let big = try NumberParsing.parseInt(s, base: base) else {
            throw PyError.value("invalid literal for int() with base \(base): \(try context.repr(.str(s)))")
        }
        return .integer(big)
    }

    /// float(x=0.0).
    static func float(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("float", arguments)
        let args = try Check.expected("float", arguments, min: 0, max: 1)
        guard let x = args.first else { return .float(0) }
        return .float(try double(x, context))
    }

    static func double(_ x: Value, _ context: any Context) throws -> Double {
        switch x {
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .bigInt(let b): return try IntegerMath.toDouble(b)
        case .str(let s):
            guard let d = NumberParsing.parseFloat(s) else {
                throw PyError.value("could not convert string to float: \(try context.repr(x))")
            }
            return d
        case .object(let o as any PyNumeric):
            if let scalar = try o.scalar(context), !isObject(scalar) { return try double(scalar, context) }
        default: break
        }
        throw PyError.type("float() argument must be a string or a real number, not '\(x.typeName)'")
    }

    /// str(object='').
    static func str(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.atMost("str", arguments, 3)
        try Check.keywords("str", arguments, allowed: ["object", "encoding", "errors"])
        if arguments.positional.count > 1 || arguments.keyword("encoding") != nil || arguments.keyword("errors") != nil {
            throw PyError.unsupported("str() with an encoding decodes bytes, which Quill cells do not have")
        }
        guard let x = arguments.positional.first ?? arguments.keyword("object") else { return .str("") }
        return .str(try context.str(x))
    }

    static func bool(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("bool", arguments)
        let args = try Check.expected("bool", arguments, min: 0, max: 1)
        return .bool(try args.first.map { try context.truth($0) } ?? false)
    }

    static func list(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("list", arguments)
        let args = try Check.expected("list", arguments, min: 0, max: 1)
        return .list(PyList(try args.first.map { try context.iterate($0) } ?? []))
    }

    static func tuple(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("tuple", arguments)
        let args = try Check.expected("tuple", arguments, min: 0, max: 1)
        if let first = args.first, case .tuple = first { return first }
        return .tuple(try args.first.map { try context.iterate($0) } ?? [])
    }

    /// dict(), dict(mapping), dict(pairs), each followed by keyword entries.
    static func dict(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let args = try Check.expected("dict", arguments, min: 0, max: 1)
        let result = PyDict()
        if let source = args.first { try update(result, from: source, context) }
        for (key, value) in arguments.keywords { result.storage[try HashKey(.str(key))] = value }
        return .dict(result)
    }

    /// dict.update's positional argument: a dict, or an iterable of key/value pairs.
    static func update(_ target: PyDict, from source: Value, _ context: any Context) throws {
        if case .dict(let d) = source {
            for (k, v) in d.storage { target.storage[k] = v }
            return
        }
        for (n, element) in try context.iterate(source).enumerated() {
            let pair: [Value]
            switch element {
            case .tuple(let t): pair = t
            case .list(let l): pair = l.items
            case .str, .dict: pair = try context.iterate(element)
            case .object(let o) where o is any PyIterable: pair = try context.iterate(element)
            default: throw PyError.type("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            guard pair.count == 2 else {
                throw PyError.value("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            target.storage[try HashKey(pair[0])] = pair[1]
        }
    }
}
