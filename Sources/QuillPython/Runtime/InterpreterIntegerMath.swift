// Integer arithmetic beyond the 64-bit fast path: floor division and modulo with Python's signs, powers, and
// conversions to float correctly rounded (half to even), as CPython's int does.

import BigInt
import Foundation

enum IntegerMath {
    /// The widest int a product or power may make: 2**20 bits (about 315,000 decimal digits; CPython 3.11 prints
    /// at most 4,300). CPython has no
    /// such bound, but a cell's time must be bounded, and one multiplication or power is not interruptible: past
    /// this width a single one (or a later division of its result) could run for seconds to hours. Found by the
    /// FuzzPython target (`n ** f(n - 1)`).
    static let maxBits = 1 << 20

    /// x * y, refused (MemoryError) when the product would be wider than maxBits: the one place every int
    /// product goes through (the `*` operator, math.prod, ...).
    static func product(_ x: BigInt, _ y: BigInt) throws -> BigInt {
        let bits = x.magnitude.bitWidth + y.magnitude.bitWidth
        if bits > maxBits + 1 { throw tooWide("*", bits: Double(bits)) }
        return x * y
    }

    /// The MemoryError for a result of about `bits` bits.
    static func tooWide(_ what: String, bits: Double) -> PyError {
        PyError.memory("the result of \(what) would have about \(Int(min(bits, 1e18))) bits; Quill cells hold ints of at "
                       + "most \(maxBits) bits (each operation must stay quick)")
    }
    /// `a // b` and `a % b` with the remainder taking the divisor's sign; nil when `b` is zero.
    static func floorDivMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt)? {
        guard !b.isZero else { return nil }
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && (r.sign == .minus) != (b.sign == .minus) {
            q -= 1
            r += b
        }
        return (q, r)
    }

    /// `a // b` for Ints; nil on a zero divisor or overflow (Int.min // -1).
    @inline(__always) static func floorDiv(_ a: Int, _ b: Int) -> Int? {
        guard b != 0, !(a == Int.min && b == -1) else { return nil }
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `a % b` for Ints; nil on a zero divisor.
    @inline(__always) static func mod(_ a: Int, _ b: Int) -> Int? {
        guard b != 0 else { return nil }
        if b == -1 { return 0 }
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }

    /// `a ** b` for b >= 0, exact. Throws MemoryError for results beyond the session's bound.
    static func power(_ a: BigInt, _ b: Int, limit: Int) throws -> Value {
        if a.isZero || a == 1 || b == 0 { return .int(b == 0 ? 1 : Int(a)) }
        if a == -1 { return .int(b % 2 == 0 ? 1 : -1) }
        // The result has about b * log2|a| bits; bound it like a container of that many 64-bit words, and by maxBits.
        let bits = Double(b) * log2(a.magnitude)
        if bits / 64 > Double(limit) {
            throw PyError.memory("the result of ** would have about \(Int(min(bits, 1e18)) / 64) words, past the cell's memory bound")
        }
        if bits > Double(maxBits) { throw tooWide("**", bits: bits) }
        return Value.integer(a.power(b))
    }

    /// log2 of a positive int, to about 1e-15: its width and its top 64 bits.
    static func log2(_ n: BigUInt) -> Double {
        let width = n.bitWidth
        guard width > 64 else { return Foundation.log2(Double(n)) }
        return Double(width - 64) + Foundation.log2(Double(n >> (width - 64)))
    }

    /// `a ** b` on Ints, falling back to BigInt on overflow.
    static func power(_ a: Int, _ b: Int, limit: Int) throws -> Value {
        var result = 1, base = a, e = b
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                if o { return try power(BigInt(a), b, limit: limit) }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = base.multipliedReportingOverflow(by: base)
                if o { return try power(BigInt(a), b, limit: limit) }
                base = sq
            }
        }
        return .int(result)
    }

    /// `float(n)`, correctly rounded (half to even): the one int-to-float conversion of the module.
    /// - Throws: OverflowError "int too large to convert to float".
    static func toDouble(_ n: BigInt) throws -> Double {
        if let i = Int(exactly: n) { return Double(i) }
        guard let magnitude = round(n.magnitude, sticky: false, scale: 0) else {
            throw PyError.overflow("int too large to convert to float")
        }
        return n.sign == .minus ? -magnitude : magnitude
    }

    /// A positive int as m * 2**e with m in [0.5, 1), m correctly rounded to 53 bits (`math.log` of ints beyond
    /// float's range).
    static func frexp(_ n: BigUInt) -> (mantissa: Double, exponent: Int) {
        let width = n.bitWidth
        var m = round(n, sticky: false, scale: -width) ?? 0
        var e = width
        if m == 1 { m = 0.5; e += 1 }
        return (m, e)
    }

    /// `a / b` correctly rounded; b != 0.
    static func trueDivide(_ a: BigInt, _ b: BigInt) throws -> Double {
        let negative = (a.sign == .minus) != (b.sign == .minus)
        var x = a.magnitude, y = b.magnitude
        if x.isZero { return negative ? -0.0 : 0.0 }
        // Scale so that the quotient has at least 55 bits, then round it with the remainder as a sticky bit.
        let shift = 55 - (x.bitWidth - y.bitWidth)
        if shift > 0 { x <<= shift } else if shift < 0 { y <<= -shift }
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        guard let magnitude = round(q, sticky: !r.isZero, scale: -shift) else {
            throw PyError.overflow("integer division result too large for a float")
        }
        return negative ? -magnitude : magnitude
    }

    /// The double nearest to (q + a sticky fraction) * 2^scale, ties to even; nil when it overflows.
    private static func round(_ q: BigUInt, sticky: Bool, scale: Int) -> Double? {
        let width = q.bitWidth
        let drop = max(width - 53, -1074 - scale, 0)
        var mantissa = q >> drop
        if drop > 0 {
            let half = BigUInt(1) << (drop - 1)
            let low = q & ((BigUInt(1) << drop) - 1)
            if low > half || (low == half && (sticky || mantissa.words[0] & 1 == 1)) { mantissa += 1 }
        }
        let value = Double(sign: .plus, exponent: scale + drop, significand: Double(UInt64(mantissa)))
        return value.isFinite ? value : nil
    }
}
