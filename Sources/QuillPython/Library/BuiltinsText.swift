// Smaller builtins about types and text: callable, issubclass, bin, oct, hex, ascii.

import BigInt

enum BuiltinsText {
    static func functions() -> [String: Value] {
        var table: [String: Value] = [
            "callable": BuiltinFunction.value("callable") { a, _ in
                if case .object(let o) = try Check.exactlyOne("callable", a) { return .bool(o is any PyCallable) }
                return .bool(false)
            },
            "issubclass": BuiltinFunction.value("issubclass", issubclass),
            "ascii": BuiltinFunction.value("ascii") { a, c in .str(StringRepr.ascii(try c.repr(Check.exactlyOne("ascii", a)))) },
        ]
        for (name, radix, prefix) in [("bin", 2, "0b"), ("oct", 8, "0o"), ("hex", 16, "0x")] {
            table[name] = BuiltinFunction.value(name) { a, c in
                let x = try Check.exactlyOne(name, a)
                let n: BigInt
                switch x {
                case .int(let i): n = BigInt(i)
                case .bigInt(let b): n = b
                default: n = BigInt(try Check.index(x, c))
                }
                let digits = String(n.magnitude, radix: radix)
                return .str((n.sign == .minus && !n.isZero ? "-" : "") + prefix + digits)
            }
        }
        return table
    }

    /// issubclass(cls, classinfo): bool under int, exception classes by their bases, everything under object.
    static func issubclass(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("issubclass", arguments)
        let args = try Check.expected("issubclass", arguments, min: 2, max: 2)
        guard case .object(let sub as TypeObject) = args[0] else { throw PyError.type("issubclass() arg 1 must be a class") }
        func test(_ t: Value) throws -> Bool {
            switch t {
            case .object(let base as TypeObject):
                if base === sub || base.name == "object" && base.module == nil { return true }
                if sub.name == "bool" && base.name == "int" && sub.module == nil && base.module == nil { return true }
                return Exceptions.parents[sub.name] != nil && Exceptions.derives(sub.name, from: base.name)
            case .tuple(let types): return try types.contains { try test($0) }
            default: throw PyError.type("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            }
        }
        return .bool(try test(args[1]))
    }
}
