// round() as CPython 3.11 computes it: floats to the nearest int with ties to even; floats to `ndigits` places from
// the exact decimal value of the double (round(2.675, 2) is 2.67 because 2.675 is stored as 2.67499999...), ties
// to even, then read back as the nearest double; ints to a negative number of places, ties to even.

import BigInt

enum Rounding {
    /// `round(x)`: an int.
    /// - Throws: OverflowError for infinities, ValueError for NaN, with CPython's wording.
    static func round(_ x: Double) throws -> Value {
        if x.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if x.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        let r = x.rounded(.toNearestOrEven)
        if let i = Int(exactly: r) { return .int(i) }
        return Value.integer(BigInt(r))
    }

    /// `round(x, ndigits)` for a float. A result too large for a double (rounding 1.7e308 to -308 places) is
    /// returned as ±infinity; `roundChecked` raises CPython's OverflowError for it instead.
    static func round(_ x: Double, ndigits: Int) -> Double {
        // NaN and infinities round to themselves; beyond 323 places every double is already exact; below
        // -308 places every double rounds to a zero of its sign.
        guard x.isFinite else { return x }
        if ndigits > 323 { return x }
        if ndigits < -308 { return 0.0 * x }
        let magnitude: Double
        if ndigits >= 0 {
            let number = FloatDigits.fixed(x, ndigits)
            let text = "0." + String(decoding: number.digits, as: UTF8.self) + "e\(number.decimalPoint)"
            magnitude = Double(text) ?? .infinity
        } else {
            let quotient = nearestMultiple(x.magnitude, places: -ndigits)
            magnitude = Double("\(quotient)e\(-ndigits)") ?? .infinity
        }
        return x.sign == .minus ? -magnitude : magnitude
    }

    /// `round(x, ndigits)` raising OverflowError "rounded value too large to represent" where CPython does.
    static func roundChecked(_ x: Double, ndigits: Int) throws -> Double {
        let r = round(x, ndigits: ndigits)
        if r.isInfinite && x.isFinite { throw PyError.overflow("rounded value too large to represent") }
        return r
    }

    /// `round(n, ndigits)` for an int (or bool): unchanged for ndigits ≥ 0, else to a multiple of 10^-ndigits with
    /// ties to even. Always an int.
    static func round(_ x: Value, ndigits: Int) -> Value {
        let n: BigInt
        switch x {
        case .int(let i): n = BigInt(i)
        case .bigInt(let b): n = b
        case .bool(let b): n = b ? 1 : 0
        default: return x
        }
        guard ndigits < 0 else { return Value.integer(n) }
        // 10^places beyond twice |n| rounds everything to 0 (a tie at exactly half goes to the even 0).
        let places = -ndigits
        if places > n.magnitude.description.count { return .int(0) }
        let unit = BigInt(10).power(places)
        var (q, r) = n.quotientAndRemainder(dividingBy: unit)
        if r < 0 { q -= 1; r += unit }  // floor division, as Python's divmod
        let twice = 2 * r
        if twice > unit || (twice == unit && !q.magnitude.isMultiple(of: 2)) { q += 1 }
        return Value.integer(q * unit)
    }

    /// The exact value of a non-negative double divided by 10^places, rounded to an integer with ties to even.
    private static func nearestMultiple(_ x: Double, places: Int) -> BigInt {
        // x = mantissa × 2^binaryExponent exactly (subnormals have no implicit bit).
        let biased = Int(x.exponentBitPattern)
        let mantissa = BigInt(biased == 0 ? x.significandBitPattern : x.significandBitPattern | (1 << 52))
        let binaryExponent = (biased == 0 ? 1 : biased) - 1075
        var numerator = mantissa
        var denominator = BigInt(10).power(places)
        if binaryExponent >= 0 { numerator <<= binaryExponent } else { denominator <<= -binaryExponent }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        var q = quotient
        let twice = 2 * remainder
        if twice > denominator || (twice == denominator && !q.magnitude.isMultiple(of: 2)) { q += 1 }
        return q
    }
}
