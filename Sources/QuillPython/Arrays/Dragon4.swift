// Dragon4 (Steele & White, with Burger & Dybvig's refinements) as numpy runs it to print floats: the decimal
// digits of a float32 or float64, either the shortest that read back as the same float ("unique"), or the exact
// expansion, in both cases cut off at a given number of digits (after the point, or in all) and rounded half to
// even at the cut. numpy's array printing and scalar repr are built on it; torch's `{:.4f}` / `{:.4e}` formats
// are its exact mode.

/// A finite float as mantissa × 2^exponent, with what Dragon4 needs to know about its neighbours.
struct BinaryParts {
    var negative: Bool
    var mantissa: UInt64
    var exponent: Int
    /// The index of the mantissa's highest set bit.
    var mantissaBit: Int
    /// A power of two above the smallest normal: the gap to the float below is half the gap to the float above.
    var unequalMargins: Bool

    init(_ x: Float) {
        let bits = x.bitPattern
        let field = Int((bits >> 23) & 0xFF), fraction = UInt64(bits & 0x7F_FFFF)
        negative = bits >> 31 != 0
        if field != 0 {
            mantissa = (1 << 23) | fraction
            exponent = field - 150
            mantissaBit = 23
            unequalMargins = field != 1 && fraction == 0
        } else {
            mantissa = fraction
            exponent = -149
            mantissaBit = fraction == 0 ? 0 : 63 - fraction.leadingZeroBitCount
            unequalMargins = false
        }
    }

    init(_ x: Double) {
        let bits = x.bitPattern
        let field = Int((bits >> 52) & 0x7FF), fraction = bits & 0xF_FFFF_FFFF_FFFF
        negative = bits >> 63 != 0
        if field != 0 {
            mantissa = (1 << 52) | fraction
            exponent = field - 1075
            mantissaBit = 52
            unequalMargins = field != 1 && fraction == 0
        } else {
            mantissa = fraction
            exponent = -1074
            mantissaBit = fraction == 0 ? 0 : 63 - fraction.leadingZeroBitCount
            unequalMargins = false
        }
    }
}

enum Dragon4 {
    enum Cutoff { case fractionDigits, totalDigits }

    /// The digits (0...9, most significant first) and the power of ten of the first one. `maxDigits` and
    /// `minDigits` count digits after the point (`.fractionDigits`) or in all (`.totalDigits`); -1: no limit.
    static func digits(_ parts: BinaryParts, unique: Bool, cutoff: Cutoff, maxDigits: Int, minDigits: Int)
        -> (digits: [UInt8], exponent: Int) {
        guard parts.mantissa != 0 else { return ([0], 0) }
        do {
            return try generate(UInt256.self, parts, unique, cutoff, maxDigits, minDigits)
        } catch {
            return generate(WideUInt.self, parts, unique, cutoff, maxDigits, minDigits)
        }
    }

    private static func generate<N: Dragon4Integer>(_: N.Type, _ parts: BinaryParts, _ unique: Bool, _ cutoff: Cutoff,
                                                    _ maxDigits: Int, _ minDigits: Int)
        throws(N.Failure) -> (digits: [UInt8], exponent: Int) {
        // value = scaledValue / scale; marginLow is half the gap to the float below on that scale, and the gap above
        // is marginLow, or twice it with unequal margins.
        var value = N(parts.mantissa), scale: N, marginLow: N
        let extra = parts.unequalMargins ? 2 : 1
        if parts.exponent > 0 {
            try value.shiftLeft(parts.exponent + extra)
            scale = N(parts.unequalMargins ? 4 : 2)
            marginLow = try N.power2(parts.exponent)
        } else {
            try value.shiftLeft(extra)
            scale = try N.power2(-parts.exponent + extra)
            marginLow = N(1)
        }
        // An estimate of floor(log10(value)) + 1 that is right or one too small.
        var digitExponent = Int((Double(parts.mantissaBit + parts.exponent) * 0.30102999566398119521 - 0.69).rounded(.up))
        if maxDigits >= 0, cutoff == .fractionDigits, digitExponent <= -maxDigits {
            digitExponent = -maxDigits + 1
        }
        if digitExponent > 0 {
            try scale.multiply(byPowerOf10: digitExponent)
        } else if digitExponent < 0 {
            try value.multiply(byPowerOf10: -digitExponent)
            try marginLow.multiply(byPowerOf10: -digitExponent)
        }
        if N.compare(value, scale) >= 0 {
            digitExponent += 1
        } else {
            try value.multiply(by: 10)
            try marginLow.multiply(by: 10)
        }
        var cutoffMaxExponent = digitExponent - 16384
        if maxDigits >= 0 {
            cutoffMaxExponent = max(cutoffMaxExponent, cutoff == .totalDigits ? digitExponent - maxDigits : -maxDigits)
        }
        var cutoffMinExponent = digitExponent
        if minDigits >= 0 {
            cutoffMinExponent = min(cutoffMinExponent, cutoff == .totalDigits ? digitExponent - minDigits : -minDigits)
        }
        var exponent = digitExponent - 1
        var digits: [UInt8] = []
        var digit: UInt32 = 0
        var low = false, high = false
        let isEven = parts.mantissa & 1 == 0
        while true {
            digitExponent -= 1
            digit = value.divideDigit(by: scale)
            if unique {
                var upper = try value + marginLow
                if parts.unequalMargins { upper = try upper + marginLow }
                let below = N.compare(value, marginLow)
                let above = N.compare(upper, scale)
                low = isEven ? below <= 0 : below < 0
                high = isEven ? above >= 0 : above > 0
                if ((low || high) && digitExponent <= cutoffMinExponent) || digitExponent == cutoffMaxExponent { break }
            } else if value.isZero || digitExponent == cutoffMaxExponent {
                break
            }
            digits.append(UInt8(digit))
            try value.multiply(by: 10)
            if unique { try marginLow.multiply(by: 10) }
        }
        // Round the last digit: down if only the lower neighbour is near, up if only the upper one is, else to
        // the nearer of the two, ties to an even digit.
        var roundDown = low
        if low == high {
            try value.multiply(by: 2)
            let comparison = N.compare(value, scale)
            roundDown = comparison < 0 || (comparison == 0 && digit & 1 == 0)
        }
        if roundDown {
            digits.append(UInt8(digit))
        } else if digit < 9 {
            digits.append(UInt8(digit + 1))
        } else {
            while let last = digits.last, last == 9 { digits.removeLast() }
            if digits.isEmpty {
                digits = [1]
                exponent += 1
            } else {
                digits[digits.count - 1] += 1
            }
        }
        return (digits, exponent)
    }
}
