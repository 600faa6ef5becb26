// `pow(base, exp[, mod])` and `**` for the builtins: exact int powers (bounded by the session's memory), float
// powers through FloatMath.power (CPython's special cases and errors), and modular powers with modular inverses
// for negative exponents.

import BigInt

extension Arithmetic {
    static func power(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        guard let x = number(a), let y = number(b) else {
            if let r = try numeric(.power, a, b, context) { return r }
            throw PyError.type("unsupported operand type(s) for ** or pow(): '\(a.typeName)' and '\(b.typeName)'")
        }
        if case .int(let i) = x, case .int(let e) = y, e.sign == .plus || e.isZero {
            return .integer(try intPower(i, e, context))
        }
        return .float(try FloatMath.power(double(x), double(y)))
    }

    /// base ** exponent with exponent >= 0; the result's size is checked against the memory bound first.
    static func intPower(_ base: BigInt, _ exponent: BigInt, _ context: any Context) throws -> BigInt {
        if base.isZero || base.magnitude == 1 || exponent.isZero {
            if exponent.isZero { return 1 }
            if base.isZero { return 0 }
            return base.sign == .minus && exponent.magnitude.words[0] & 1 == 1 ? -1 : 1
        }
        guard let e = Int(exactly: exponent) else { throw PyError.memory("exponent too large: \(exponent)") }
        let bits = base.magnitude.bitWidth.multipliedReportingOverflow(by: e)
        guard !bits.overflow else { throw PyError.memory("exponent too large: \(exponent)") }
        try context.reserve(bits.partialValue / 64)
        let estimate = Double(e) * IntegerMath.log2(base.magnitude)
        if estimate > Double(IntegerMath.maxBits) { throw IntegerMath.tooWide("pow()", bits: estimate) }
        return base.power(e)
    }

    /// pow(base, exp, mod): ints only; a negative exponent takes the modular inverse (Python 3.8+); the result has
    /// the modulus's sign.
    static func modularPower(_ a: Value, _ b: Value, _ m: Value) throws -> Value {
        guard case .int(let base)? = number(a), case .int(let exponent)? = number(b), case .int(let modulus)? = number(m) else {
            throw PyError.type("pow() 3rd argument not allowed unless all arguments are integers")
        }
        guard !modulus.isZero else { throw PyError.value("pow() 3rd argument cannot be 0") }
        let size = BigInt(modulus.magnitude)
        var b = IntegerMath.floorDivMod(base, size)?.1 ?? 0  // size > 0
        if exponent.sign == .minus && !exponent.isZero {
            guard let inverse = b.inverse(size) else {
                throw PyError.value("base is not invertible for the given modulus")
            }
            b = inverse
        }
        var r = size == 1 ? 0 : BigInt(b.magnitude.power(exponent.magnitude, modulus: size.magnitude))
        if modulus.sign == .minus && !r.isZero { r -= size }
        return .integer(r)
    }
}
