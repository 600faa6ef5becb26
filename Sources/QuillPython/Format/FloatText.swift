// A double as text, laid out as CPython's PyOS_double_to_string lays out dtoa's digits: the 'e', 'f', 'g' and
// 'r' (repr) styles, upper-case variants, and the flags that `format`, `%` and `repr` pass (always a sign, ".0"
// after an integer, the alternate form that keeps the point and trailing zeros, no negative zero).

struct FloatText {
    /// Always write a sign ('+' for positives), as `%+f` does.
    var alwaysSign = false
    /// Add ".0" when the text would read as an integer (repr and `format` with no type).
    var addDotZero = false
    /// `#`: keep the decimal point, and for 'g' the trailing zeros.
    var alternate = false
    /// `z`: a value that rounds to zero prints without a minus sign.
    var noNegativeZero = false

    /// `type`: e E f F g G r. `precision`: digits after the point (e, f), significant digits (g); ignored for r.
    func format(_ x: Double, _ type: Unicode.Scalar, _ precision: Int) -> String {
        let upper = type == "E" || type == "F" || type == "G"
        var negative = x.sign == .minus
        var out = ""
        if x.isNaN || x.isInfinite {
            if x.isNaN { negative = false }
            if negative { out = "-" } else if alwaysSign { out = "+" }
            out += x.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
            return out
        }
        let style: UInt8
        var precision = precision
        let number: FloatDigits
        switch type {
        case "e", "E":
            style = UInt8(ascii: "e")
            precision += 1
            number = FloatDigits.significant(x, precision)
        case "f", "F":
            style = UInt8(ascii: "f")
            number = FloatDigits.fixed(x, precision)
        case "g", "G":
            style = UInt8(ascii: "g")
            if precision == 0 { precision = 1 }
            number = FloatDigits.significant(x, precision)
        default:
            style = UInt8(ascii: "r")
            number = FloatDigits.shortest(x)
        }
        let digits = number.digits
        if noNegativeZero && digits == [UInt8(ascii: "0")] { negative = false }
        if negative { out = "-" } else if alwaysSign { out = "+" }
        out += layout(digits, number.decimalPoint, style, precision, upper: upper)
        return out
    }

    /// Places the point, pads with zeros, and adds the exponent, as CPython's format_float_short does.
    private func layout(_ digits: [UInt8], _ point: Int, _ style: UInt8, _ precision: Int, upper: Bool) -> String {
        var decimalPoint = point
        var useExponent = false
        var visibleEnd = digits.count
        switch style {
        case UInt8(ascii: "e"):
            useExponent = true
            visibleEnd = precision
        case UInt8(ascii: "f"):
            visibleEnd = decimalPoint + precision
        case UInt8(ascii: "g"):
            if decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { visibleEnd = precision }
        default:
            if decimalPoint <= -4 || decimalPoint > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = decimalPoint - 1
            decimalPoint = 1
        }
        let visibleStart = decimalPoint <= 0 ? decimalPoint - 1 : 0
        visibleEnd = max(visibleEnd, !useExponent && addDotZero ? decimalPoint + 1 : decimalPoint)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(visibleEnd - visibleStart, digits.count) + 8)
        let zero = UInt8(ascii: "0"), dot = UInt8(ascii: ".")
        if decimalPoint <= 0 {
            bytes.append(contentsOf: repeatElement(zero, count: decimalPoint - visibleStart))
            bytes.append(dot)
            bytes.append(contentsOf: repeatElement(zero, count: -decimalPoint))
        }
        if decimalPoint > 0 && decimalPoint <= digits.count {
            bytes.append(contentsOf: digits[..<decimalPoint])
            bytes.append(dot)
            bytes.append(contentsOf: digits[decimalPoint...])
        } else {
            bytes.append(contentsOf: digits)
        }
        if digits.count < decimalPoint {
            bytes.append(contentsOf: repeatElement(zero, count: decimalPoint - digits.count))
            bytes.append(dot)
            bytes.append(contentsOf: repeatElement(zero, count: visibleEnd - decimalPoint))
        } else {
            bytes.append(contentsOf: repeatElement(zero, count: max(0, visibleEnd - digits.count)))
        }
        if bytes.last == dot && !alternate { bytes.removeLast() }
        if useExponent {
            bytes.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            bytes.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = Array(String(exponent.magnitude).utf8)
            if magnitude.count < 2 { bytes.append(zero) }
            bytes.append(contentsOf: magnitude)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
