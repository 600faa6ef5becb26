// One `%` conversion: its flags, width and precision, how it turns its argument into text (s r a c, the integer
// types d i u o x X, the float types e E f F g G), and the padding CPython applies afterwards.

import BigInt

struct PercentConversion {
    var leftAlign = false
    var plusSign = false
    var blankSign = false
    var alternate = false
    var zeroPad = false
    var width = -1
    var precision = -1
    var type: Unicode.Scalar = "s"
    /// Numeric conversions take a sign and zero padding.
    private var numeric = false

    /// The converted text, before padding.
    mutating func render(_ value: Value, index: Int, _ context: any Context) throws -> String {
        switch type {
        case "s":
            if case .str(let s) = value { return s }
            return try context.str(value)
        case "r": return try context.repr(value)
        case "a": return StringRepr.ascii(try context.repr(value))
        case "c": return try character(value, context)
        case "d", "i", "u", "o", "x", "X":
            numeric = true
            return try integer(value, context)
        case "e", "E", "f", "F", "g", "G":
            numeric = true
            let x = try Self.real(value, context)
            if precision > 4096 { try context.reserve(precision) }
            return FloatText(alternate: alternate).format(x, type, precision < 0 ? 6 : precision)
        default:
            let code = type.value >= 31 && type.value <= 126 ? Character(type) : "?"
            throw PyError.value("unsupported format character '\(code)' (0x\(String(type.value, radix: 16))) at index \(index)")
        }
    }

    /// CPython's unicode_format_arg_output: sign, "0x"/"0o" prefix, zero or space padding, precision for strings.
    func pad(_ text: String) -> String {
        var chars = Array(text.unicodeScalars)
        if (type == "s" || type == "r" || type == "a") && precision >= 0 && chars.count > precision {
            chars.removeSubrange(precision...)
        }
        if width <= chars.count && !(numeric && (plusSign || blankSign)) { return String(String.UnicodeScalarView(chars)) }
        let fill: Unicode.Scalar = numeric && zeroPad ? "0" : " "
        var sign: Unicode.Scalar?
        if numeric, let first = chars.first {
            if first == "-" || first == "+" { sign = first; chars.removeFirst() } else if plusSign { sign = "+" } else if blankSign { sign = " " }
        }
        var width = max(self.width, chars.count)
        var out = String.UnicodeScalarView()
        if let sign {
            if fill != " " { out.append(sign) }
            if width > chars.count { width -= 1 }
        }
        var prefix: [Unicode.Scalar] = []
        if alternate && (type == "x" || type == "X" || type == "o") {
            prefix = Array(chars.prefix(2))
            chars.removeFirst(min(2, chars.count))
            if fill != " " { out.append(contentsOf: prefix) }
            width = max(0, width - 2)
        }
        if width > chars.count && !leftAlign {
            out.append(contentsOf: repeatElement(fill, count: width - chars.count))
            width = chars.count
        }
        if fill == " " {
            if let sign { out.append(sign) }
            out.append(contentsOf: prefix)
        }
        out.append(contentsOf: chars)
        if width > chars.count { out.append(contentsOf: repeatElement(" ", count: width - chars.count)) }
        return String(out)
    }

    /// %d %i %u %o %x %X: ints as they are, floats truncated (not for o x X), others refused.
    private func integer(_ value: Value, _ context: any Context) throws -> String {
        let wrongType: PyError = type == "o" || type == "x" || type == "X"
            ? PyError.type("%\(Character(type)) format: an integer is required, not \(value.typeName)")
            : PyError.type("%\(Character(type)) format: a real number is required, not \(value.typeName)")
        let n: BigInt
        switch try Self.number(value, context) {
        case .int(let i)?: n = BigInt(i)
        case .bigInt(let b)?: n = b
        case .bool(let b)?: n = b ? 1 : 0
        case .float(let d)?:
            guard type != "o" && type != "x" && type != "X" else { throw wrongType }
            if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
            if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
            n = BigInt(d.rounded(.towardZero))
        default: throw wrongType
        }
        let base = type == "o" ? 8 : type == "x" || type == "X" ? 16 : 10
        var digits = String(n.magnitude, radix: base)
        if precision > digits.count { digits = String(repeating: "0", count: precision - digits.count) + digits }
        if alternate && base != 10 { digits = (base == 8 ? "0o" : "0x") + digits }
        if n.sign == .minus && !n.isZero { digits = "-" + digits }
        return type == "X" ? digits.uppercased() : digits
    }

    /// %c: a one-character str or an int code point.
    private func character(_ value: Value, _ context: any Context) throws -> String {
        switch try Self.number(value, context) ?? value {
        case .str(let s) where s.unicodeScalars.count == 1: return s
        case .int(let i): return try IntegerFormat.character(BigInt(i))
        case .bool(let b): return try IntegerFormat.character(b ? 1 : 0)
        case .bigInt: throw PyError.overflow("%c arg not in range(0x110000)")
        default: throw PyError.type("%c requires int or char")
        }
    }

    /// The number behind a value: ints, floats and bools themselves, numeric objects (numpy and torch scalars)
    /// their scalar; nil for anything else.
    static func number(_ value: Value, _ context: any Context) throws -> Value? {
        switch value {
        case .int, .bigInt, .bool, .float: return value
        case .object(let o as PyNumeric): return try o.scalar(context)
        default: return nil
        }
    }

    /// float(x) for the float conversions: "must be real number, not str" otherwise.
    static func real(_ value: Value, _ context: any Context) throws -> Double {
        switch try number(value, context) {
        case .float(let d)?: return d
        case .int(let i)?: return Double(i)
        case .bigInt(let b)?: return try IntegerMath.toDouble(b)
        case .bool(let b)?: return b ? 1 : 0
        default: throw PyError.type("must be real number, not \(value.typeName)")
        }
    }
}
