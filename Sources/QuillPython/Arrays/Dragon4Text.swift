// Floats as text the way numpy's format_float_positional / format_float_scientific write them (Dragon4 digits,
// then trimming and padding), which numpy's array printing and scalar repr use, and Python's `{:.Nf}` and
// `{:.Ne}` for finite values, which torch's printing uses.

/// One float with the width of its type: Dragon4's "unique" digits depend on the neighbouring floats.
enum FloatValue {
    case float32(Float)
    case float64(Double)

    var double: Double {
        switch self {
        case .float32(let x): return Double(x)
        case .float64(let x): return x
        }
    }

    var parts: BinaryParts {
        switch self {
        case .float32(let x): return BinaryParts(x)
        case .float64(let x): return BinaryParts(x)
        }
    }
}

enum Dragon4Text {
    /// numpy's `trim`: 'k' keeps trailing zeros, '.' trims them but keeps the point, '0' keeps one zero after
    /// the point, '-' trims zeros and the point.
    enum Trim { case keep, keepPoint, oneZero, dropPoint }

    /// Positional notation of a finite value. `precision` and `minDigits` count digits after the point, or
    /// significant digits with `fractional: false`; -1: none. `padLeft` / `padRight` pad with spaces to that many
    /// characters before / after the point.
    static func positional(_ x: FloatValue, precision: Int = -1, minDigits: Int = -1, unique: Bool = true,
                           fractional: Bool = true, trim: Trim = .keep, padLeft: Int = -1, padRight: Int = -1) -> String {
        let parts = x.parts
        let (digits, exponent) = Dragon4.digits(parts, unique: unique, cutoff: fractional ? .fractionDigits : .totalDigits,
                                                maxDigits: precision, minDigits: minDigits)
        var text: [UInt8] = parts.negative ? [UInt8(ascii: "-")] : []
        let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
        var wholeDigits: Int, fractionDigits = 0
        if exponent >= 0 {
            wholeDigits = exponent + 1
            if digits.count <= wholeDigits {
                text += digits.map { $0 + zero }
                text += repeatElement(zero, count: wholeDigits - digits.count)
            } else {
                text += digits[..<wholeDigits].map { $0 + zero }
                text.append(point)
                text += digits[wholeDigits...].map { $0 + zero }
                fractionDigits = digits.count - wholeDigits
            }
        } else {
            wholeDigits = 1
            let leadingZeros = -(exponent + 1)
            text += [zero, point] + repeatElement(zero, count: leadingZeros) + digits.map { $0 + zero }
            fractionDigits = leadingZeros + digits.count
        }
        if trim != .dropPoint && fractionDigits == 0 { text.append(point) }
        let wanted = unique ? minDigits : precision
        let desiredFraction = fractional ? max(wanted, 0) : wanted - wholeDigits
        if trim == .oneZero, fractionDigits == 0 {
            text.append(zero)
            fractionDigits += 1
        } else if trim == .keep, desiredFraction > fractionDigits {
            text += repeatElement(zero, count: desiredFraction - fractionDigits)
            fractionDigits = desiredFraction
        }
        if trim != .keep && fractionDigits > 0 {
            while text.last == zero {
                text.removeLast()
                fractionDigits -= 1
            }
            if text.last == point {
                if trim == .oneZero {
                    text.append(zero)
                    fractionDigits += 1
                } else if trim == .dropPoint {
                    text.removeLast()
                }
            }
        }
        if padRight >= fractionDigits {
            if trim == .dropPoint && fractionDigits == 0 { text.append(UInt8(ascii: " ")) }
            text += repeatElement(UInt8(ascii: " "), count: padRight - fractionDigits)
        }
        let signWidth = parts.negative ? 1 : 0
        if padLeft > wholeDigits + signWidth {
            text.insert(contentsOf: repeatElement(UInt8(ascii: " "), count: padLeft - wholeDigits - signWidth), at: 0)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Scientific notation of a finite value: `precision` and `minDigits` count digits after the point; the
    /// exponent has at least `exponentDigits` digits (2 when -1).
    static func scientific(_ x: FloatValue, precision: Int = -1, minDigits: Int = -1, unique: Bool = true,
                           trim: Trim = .keep, padLeft: Int = -1, exponentDigits: Int = -1) -> String {
        let parts = x.parts
        let zero = UInt8(ascii: "0"), point = UInt8(ascii: ".")
        var text: [UInt8] = []
        let leading = parts.negative ? 2 : 1
        if padLeft > leading { text += repeatElement(UInt8(ascii: " "), count: padLeft - leading) }
        if parts.negative { text.append(UInt8(ascii: "-")) }
        let (digits, exponent) = Dragon4.digits(parts, unique: unique, cutoff: .totalDigits,
                                                maxDigits: precision < 0 ? -1 : precision + 1,
                                                minDigits: minDigits < 0 ? -1 : minDigits + 1)
        text.append(digits[0] + zero)
        var fractionDigits = digits.count - 1
        if fractionDigits > 0 {
            text.append(point)
            text += digits[1...].map { $0 + zero }
        }
        if trim != .dropPoint && fractionDigits == 0 { text.append(point) }
        let wanted = max(unique ? minDigits : precision, 0)
        if trim == .oneZero, fractionDigits == 0 {
            text.append(zero)
            fractionDigits += 1
        } else if trim == .keep, wanted > fractionDigits {
            text += repeatElement(zero, count: wanted - fractionDigits)
            fractionDigits = wanted
        }
        if trim != .keep && fractionDigits > 0 {
            while text.last == zero { text.removeLast() }
            if trim == .oneZero && text.last == point { text.append(zero) }
        }
        let exponentText = Array(String(abs(exponent)).utf8)
        text += [UInt8(ascii: "e"), UInt8(ascii: exponent >= 0 ? "+" : "-")]
        text += repeatElement(zero, count: max(0, min(exponentDigits < 0 ? 2 : exponentDigits, 5) - exponentText.count))
        text += exponentText
        return String(decoding: text, as: UTF8.self)
    }

    /// Python's `format(x, '.{precision}f')` and `format(x, '.{precision}e')` for a finite or non-finite float
    /// (exact value, rounded half to even), as torch's printer calls them.
    static func python(_ x: Double, precision: Int, scientific: Bool) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if scientific { return Dragon4Text.scientific(.float64(x), precision: precision, unique: false) }
        let text = Dragon4Text.positional(.float64(x), precision: precision, unique: false)
        return precision == 0 ? String(text.dropLast()) : text
    }
}
