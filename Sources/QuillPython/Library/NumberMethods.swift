// The methods and data attributes of int (bool included) and float, as CPython 3.11 has them:
//   int:   bit_length() bit_count() conjugate() as_integer_ratio(); real imag numerator denominator
//   float: is_integer() as_integer_ratio() hex() conjugate(); real imag
// (int.to_bytes and float.fromhex are absent: the cell language has no bytes, and no classmethods on builtins.)

import BigInt

enum NumberMethods {
    static let intMethods = ["as_integer_ratio", "bit_count", "bit_length", "conjugate"]
    static let intAttributes = ["denominator", "imag", "numerator", "real"]
    static let floatMethods = ["as_integer_ratio", "conjugate", "hex", "is_integer"]
    static let floatAttributes = ["imag", "real"]

    /// An int's data attribute (`n.real`, `n.denominator`), nil for another name.
    static func intAttribute(_ n: BigInt, _ name: String) -> Value? {
        switch name {
        case "real", "numerator": return Value.integer(n)
        case "imag": return .int(0)
        case "denominator": return .int(1)
        default: return nil
        }
    }

    /// A float's data attribute, nil for another name.
    static func floatAttribute(_ d: Double, _ name: String) -> Value? {
        switch name {
        case "real": return .float(d)
        case "imag": return .float(0)
        default: return nil
        }
    }

    static func callInt(_ name: String, _ n: BigInt, _ arguments: Arguments) throws -> Value {
        try Check.noArguments("int.\(name)", arguments)
        switch name {
        case "bit_length": return .int(n.magnitude.bitWidth)
        case "bit_count": return .int(n.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        case "as_integer_ratio": return .tuple([Value.integer(n), .int(1)])
        default: return Value.integer(n)   // conjugate: the int itself (for a bool, the int 0 or 1)
        }
    }

    static func callFloat(_ name: String, _ d: Double, _ arguments: Arguments) throws -> Value {
        try Check.noArguments("float.\(name)", arguments)
        switch name {
        case "is_integer": return .bool(d.isFinite && d == d.rounded())
        case "as_integer_ratio": return try integerRatio(d)
        case "hex": return .str(hex(d))
        default: return .float(d)   // conjugate
        }
    }

    /// `float.as_integer_ratio()`: the exact value as numerator / denominator in lowest terms, denominator > 0.
    static func integerRatio(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.value("cannot convert NaN to integer ratio") }
        if d.isInfinite { throw PyError.overflow("cannot convert Infinity to integer ratio") }
        if d == 0 { return .tuple([.int(0), .int(1)]) }
        // |d| = mantissa · 2^exponent, the mantissa an integer of at most 53 bits
        let subnormal = d.exponentBitPattern == 0
        var mantissa = BigInt(subnormal ? d.significandBitPattern : d.significandBitPattern | (1 << 52))
        var exponent = subnormal ? -1074 : Int(d.exponentBitPattern) - 1075
        if exponent < 0 {
            let shift = min(mantissa.trailingZeroBitCount, -exponent)
            mantissa >>= shift
            exponent += shift
        }
        if d < 0 { mantissa.negate() }
        if exponent >= 0 { return .tuple([Value.integer(mantissa << exponent), .int(1)]) }
        return .tuple([Value.integer(mantissa), Value.integer(BigInt(1) << -exponent)])
    }

    /// `float.hex()`: '0x1.8000000000000p+0' (13 hex digits of the 52-bit fraction), '0x0.0000000000001p-1022' for
    /// a subnormal, '0x0.0p+0', 'inf', 'nan'.
    static func hex(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let sign = d.sign == .minus ? "-" : ""
        if d == 0 { return sign + "0x0.0p+0" }
        let subnormal = d.exponentBitPattern == 0
        let digits = String(d.significandBitPattern, radix: 16)
        let fraction = String(repeating: "0", count: 13 - digits.count) + digits
        let exponent = subnormal ? -1022 : Int(d.exponentBitPattern) - 1023
        return "\(sign)0x\(subnormal ? 0 : 1).\(fraction)p\(exponent < 0 ? "-" : "+")\(exponent.magnitude)"
    }
}
