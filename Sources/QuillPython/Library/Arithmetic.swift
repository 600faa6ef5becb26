// The arithmetic the builtins need of their own (sum, abs, divmod, pow), with Python's int/float rules: ints are
// exact (64-bit, then BigInt), a float operand makes the result a float, floor division and modulo round toward
// negative infinity (through the interpreter's IntegerMath and FloatMath). Arrays and tensors take part through
// PyNumeric.

import BigInt

enum Arithmetic {
    /// A numeric operand: an int (either representation, bool included) or a float.
    enum Number {
        case int(BigInt)
        case float(Double)
    }

    static func number(_ value: Value) -> Number? {
        switch value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(BigInt(i))
        case .bigInt(let b): return .int(b)
        case .float(let d): return .float(d)
        default: return nil
        }
    }

    static func double(_ n: Number) throws -> Double {
        switch n {
        case .int(let b): return try IntegerMath.toDouble(b)
        case .float(let d): return d
        }
    }

    /// `a + b`.
    static func add(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, overflow) = x.addingReportingOverflow(y)
            return overflow ? .integer(BigInt(x) + BigInt(y)) : .int(r)
        case (.float(let x), .float(let y)): return .float(x + y)
        case (.str(let x), .str(let y)): try context.reserve((x.utf8.count + y.utf8.count) / 8); return .str(x + y)
        case (.list(let x), .list(let y)): try context.reserve(x.items.count + y.items.count); return .list(PyList(x.items + y.items))
        case (.tuple(let x), .tuple(let y)): try context.reserve(x.count + y.count); return .tuple(x + y)
        default: break
        }
        if let x = number(a), let y = number(b) {
            if case .int(let i) = x, case .int(let j) = y { return .integer(i + j) }
            return .float(try double(x) + double(y))
        }
        if let r = try numeric(.add, a, b, context) { return r }
        switch a {
        case .str, .list, .tuple:
            throw PyError.type("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        default:
            throw PyError.type("unsupported operand type(s) for +: '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// Arrays and tensors: the left operand's method, then the right one's reflected.
    static func numeric(_ op: BinaryOperator, _ a: Value, _ b: Value, _ context: any Context) throws -> Value? {
        if case .object(let o as any PyNumeric) = a, let r = try o.binary(op, b, reflected: false, context) { return r }
        if case .object(let o as any PyNumeric) = b, let r = try o.binary(op, a, reflected: true, context) { return r }
        return nil
    }

    /// `abs(x)`.
    static func absolute(_ value: Value, _ context: any Context) throws -> Value {
        switch value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return i == Int.min ? .integer(BigInt(BigInt(i).magnitude)) : .int(Swift.abs(i))
        case .bigInt(let b): return .integer(BigInt(b.magnitude))
        case .float(let d): return .float(Swift.abs(d))
        case .object(let o):
            // An object's own `__abs__` (arrays, element-wise); else a one-value number-like object's sign.
            if let a = o as? any PyAttributes, let method = try a.attribute("__abs__", context) {
                return try context.call(method, Arguments())
            }
            if let n = o as? any PyNumeric, let negative = try n.compare(.less, .int(0), reflected: false, context),
               let isNegative = try? context.truth(negative) {
                return isNegative ? (try n.unary(.negate, context) ?? value) : value
            }
        default: break
        }
        throw PyError.type("bad operand type for abs(): '\(value.typeName)'")
    }

    /// `divmod(a, b)`: floor quotient and the remainder with the divisor's sign.
    static func divmod(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        guard let x = number(a), let y = number(b) else {
            throw PyError.type("unsupported operand type(s) for divmod(): '\(a.typeName)' and '\(b.typeName)'")
        }
        if case .int(let i) = x, case .int(let j) = y {
            guard let (q, r) = IntegerMath.floorDivMod(i, j) else {
                throw PyError.zeroDivision("integer division or modulo by zero")
            }
            return .tuple([.integer(q), .integer(r)])
        }
        guard let (q, r) = FloatMath.divmod(try double(x), try double(y)) else {
            throw PyError.zeroDivision("float divmod()")
        }
        return .tuple([.float(q), .float(r)])
    }
}

extension Arithmetic {
    /// `a * b`: numbers, sequence repetition by an int, arrays through PyNumeric.
    static func multiply(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b {
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? .integer(BigInt(x) * BigInt(y)) : .int(r)
        }
        if let x = number(a), let y = number(b) {
            if case .int(let i) = x, case .int(let j) = y {
                try context.reserve((i.magnitude.bitWidth + j.magnitude.bitWidth) / 64)
                return .integer(try IntegerMath.product(i, j))
            }
            return .float(try double(x) * double(y))
        }
        if let r = try numeric(.multiply, a, b, context) { return r }
        func repeatCount(_ v: Value) -> Int? {
            switch v {
            case .int(let i): return Swift.max(0, i)
            case .bool(let t): return t ? 1 : 0
            default: return nil
            }
        }
        /// Reserves `size * n` elements; an overflowing product is over any limit.
        func reserve(_ size: Int, _ n: Int, per: Int = 1) throws {
            let (total, overflow) = size.multipliedReportingOverflow(by: n)
            try context.reserve(overflow ? Int.max : total / per)
        }
        for (sequence, count) in [(a, b), (b, a)] {
            guard let n = repeatCount(count) else { continue }
            switch sequence {
            case .str(let s):
                try reserve(s.utf8.count, n, per: 8)
                return .str(String(repeating: s, count: n))
            case .list(let l):
                try reserve(l.items.count, n)
                return .list(PyList(Array([[Value]](repeating: l.items, count: n).joined())))
            case .tuple(let t):
                try reserve(t.count, n)
                return .tuple(Array([[Value]](repeating: t, count: n).joined()))
            default: continue
            }
        }
        throw PyError.type("unsupported operand type(s) for *: '\(a.typeName)' and '\(b.typeName)'")
    }
}
