// Builtins about values in general: print, len, repr, isinstance, getattr, hasattr, format, hash, id, chr, ord,
// and the builtins Quill does not offer (exec, eval, input, ...), which fail naming themselves.

import Foundation

enum BuiltinsCore {
    static func functions() -> [String: Value] {
        var table: [String: Value] = [
            "print": BuiltinFunction.value("print", print),
            "len": BuiltinFunction.value("len") { a, c in .int(try length(Check.exactlyOne("len", a), c)) },
            "repr": BuiltinFunction.value("repr") { a, c in .str(try c.repr(Check.exactlyOne("repr", a))) },
            "isinstance": BuiltinFunction.value("isinstance", isinstance),
            "getattr": BuiltinFunction.value("getattr", getattr),
            "hasattr": BuiltinFunction.value("hasattr") { a, c in
                try Check.noKeywords("hasattr", a)
                let args = try Check.expected("hasattr", a, min: 2, max: 2)
                return .bool(try attribute(args[0], args[1], c) != nil)
            },
            "format": BuiltinFunction.value("format") { a, c in
                try Check.noKeywords("format", a)
                let args = try Check.expected("format", a, min: 1, max: 2)
                var spec = ""
                if args.count == 2 {
                    guard case .str(let s) = args[1] else {
                        throw PyError.type("format() argument 2 must be str, not \(args[1].typeName)")
                    }
                    spec = s
                }
                return .str(try c.format(args[0], spec))
            },
            "hash": BuiltinFunction.value("hash") { a, c in try PythonHash.hash(Check.exactlyOne("hash", a), c) },
            "id": BuiltinFunction.value("id") { a, _ in .int(identity(try Check.exactlyOne("id", a))) },
            "chr": BuiltinFunction.value("chr") { a, c in
                let code = try Check.index(Check.exactlyOne("chr", a), c)
                guard (0..<0x110000).contains(code) else { throw PyError.value("chr() arg not in range(0x110000)") }
                guard let scalar = Unicode.Scalar(UInt32(code)) else {
                    throw PyError.unsupported("chr(\(code)) is a lone surrogate, which Quill strings cannot hold")
                }
                return .str(String(Character(scalar)))
            },
            "ord": BuiltinFunction.value("ord") { a, _ in
                let x = try Check.exactlyOne("ord", a)
                guard case .str(let s) = x else {
                    throw PyError.type("ord() expected string of length 1, but \(x.typeName) found")
                }
                let scalars = s.unicodeScalars
                guard scalars.count == 1, let only = scalars.first else {
                    throw PyError.type("ord() expected a character, but string of length \(scalars.count) found")
                }
                return .int(Int(only.value))
            },
        ]
        for name in ["exec", "eval", "compile", "input", "breakpoint", "globals", "locals", "vars", "__import__",
                     "setattr", "delattr", "memoryview", "bytearray", "bytes", "complex", "frozenset", "set",
                     "classmethod", "staticmethod", "property", "super", "help", "exit", "quit", "aiter", "anext"] {
            table[name] = BuiltinFunction.value(name) { _, _ in throw unsupported(name) }
        }
        return table
    }

    static func unsupported(_ name: String) -> PyError {
        switch name {
        case "set", "frozenset": return PyError.unsupported("sets are not supported in Quill cells")
        case "bytes", "bytearray", "memoryview": return PyError.unsupported("bytes are not supported in Quill cells")
        case "complex": return PyError.unsupported("complex numbers are not supported in Quill cells")
        case "classmethod", "staticmethod", "property", "super":
            return PyError.unsupported("classes are not supported in Quill cells (\(name)() belongs to them)")
        default: return PyError.unsupported("\(name)() is not supported in Quill cells")
        }
    }

    /// print(*objects, sep=' ', end='\n', file=None, flush=False).
    static func print(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("print", arguments, allowed: ["sep", "end", "file", "flush"])
        func text(_ key: String, _ fallback: String) throws -> String {
            switch arguments.keyword(key) {
            case nil, .none?: return fallback
            case .str(let s)?: return s
            case let v?: throw PyError.type("\(key) must be None or a string, not \(v.typeName)")
            }
        }
        let sep = try text("sep", " "), end = try text("end", "\n")
        if let file = arguments.keyword("file"), !file.isNone {
            throw PyError.unsupported("print(file=...) is not supported in Quill cells: cells print to their output only")
        }
        let parts = try arguments.positional.map { try context.str($0) }
        try context.write(parts.joined(separator: sep) + end)
        return .none
    }


    /// len(x): code points of a str, items of a container, `length` of a subscriptable object.
    static func length(_ x: Value, _ context: any Context) throws -> Int {
        switch x {
        case .str(let s): return s.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.storage.count
        case .object(let o as any PySubscriptable):
            if let n = try o.length(context) { return n }
        default: break
        }
        throw PyError.type("object of type '\(x.typeName)' has no len()")
    }

    /// isinstance(x, T) with T a type or a tuple of types (nested tuples too).
    static func isinstance(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("isinstance", arguments)
        let args = try Check.expected("isinstance", arguments, min: 2, max: 2)
        func test(_ t: Value) throws -> Bool {
            switch t {
            case .object(let type as TypeObject): return type.isInstance(args[0])
            case .tuple(let types): return try types.contains { try test($0) }
            default: throw PyError.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
            }
        }
        return .bool(try test(args[1]))
    }

    /// getattr(x, name[, default]).
    static func getattr(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("getattr", arguments)
        let args = try Check.expected("getattr", arguments, min: 2, max: 3)
        if let v = try attribute(args[0], args[1], context) { return v }
        if args.count == 3 { return args[2] }
        return try context.attribute(args[0], Check.string(args[1]) ?? "")
    }

    /// The attribute, or nil when the object has none of that name (an AttributeError).
    private static func attribute(_ x: Value, _ name: Value, _ context: any Context) throws -> Value? {
        guard case .str(let n) = name else {
            throw PyError.type("attribute name must be string, not '\(name.typeName)'")
        }
        do {
            return try context.attribute(x, n)
        } catch let e as PyError where e.exceptionType == "AttributeError" {
            return nil
        }
    }

    /// id(x): the address of shared objects; other values get a number derived from their content.
    static func identity(_ x: Value) -> Int {
        switch x {
        case .list(let l): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(l)))
        case .dict(let d): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(d)))
        case .object(let o): return Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o)))
        default:
            var hasher = Hasher()
            HashKey.hashValue(x, into: &hasher)
            return Swift.abs(hasher.finalize() >> 8)
        }
    }
}
