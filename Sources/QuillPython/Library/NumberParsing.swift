// int("...", base) and float("...") as CPython parses them: surrounding whitespace ignored, Unicode decimal digits
// accepted, single underscores between digits, base prefixes (0x 0o 0b), "inf"/"nan" words for floats.

import BigInt

enum NumberParsing {
    /// The text with Unicode decimal digits turned into ASCII digits and surrounding whitespace removed, as
    /// CPython does before parsing a number.
    static func normalized(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else if let v = UnicodeData.decimalValue(scalar) {
                out.append(UInt8(ascii: "0") + UInt8(v))
            } else if UnicodeData.isSpace(scalar) {
                out.append(UInt8(ascii: " "))
            } else {
                out.append(0xFF)  // never valid in a number
            }
        }
        let isSpace = { (b: UInt8) in UnicodeData.isSpace(Unicode.Scalar(b)) }
        while let f = out.first, isSpace(f) { out.removeFirst() }
        while let l = out.last, isSpace(l) { out.removeLast() }
        return out
    }

    /// int(text, base); nil when the text is not a literal in that base. `base` is 0 or 2...36.
    /// - Throws: ValueError past CPython's 4300-digit limit (bases that are not powers of two).
    static func parseInt(_ text: String, base: Int) throws -> BigInt? {
        var bytes = normalized(text)[...]
        var negative = false
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            negative = f == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix = base
        var afterPrefix = false
        if bytes.count >= 2, bytes[bytes.startIndex] == UInt8(ascii: "0") {
            let p = bytes[bytes.startIndex + 1] | 0x20
            let prefixed = p == UInt8(ascii: "x") ? 16 : p == UInt8(ascii: "o") ? 8 : p == UInt8(ascii: "b") ? 2 : 0
            if prefixed != 0 && (base == 0 || base == prefixed) {
                radix = prefixed
                bytes = bytes.dropFirst(2)
                afterPrefix = true
            }
        }
        if radix == 0 { radix = 10 }
        // Digits with single underscores between them (one may follow a prefix).
        var digits: [Int] = []
        var previousUnderscore = !afterPrefix
        for b in bytes {
            if b == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard let d = digitValue(b), d < radix else { return nil }
            digits.append(d)
            previousUnderscore = false
        }
        guard !digits.isEmpty, !previousUnderscore else { return nil }
        // Base 0 forbids leading zeros in a decimal literal other than zero itself ("017").
        if base == 0 && !afterPrefix && digits.count > 1 && digits[0] == 0 && digits.contains(where: { $0 != 0 }) {
            return nil
        }
        if radix & (radix - 1) != 0 { try checkDigitLimit(digits.count) }
        let magnitude = accumulate(digits, radix: radix)
        return negative ? -magnitude : magnitude
    }

    /// The value of base-`radix` digits, most significant first, a machine word's worth of digits at a time.
    private static func accumulate(_ digits: [Int], radix: Int) -> BigInt {
        var total = BigInt(0)
        var k = 0
        while k < digits.count {
            var chunk = 0, scale = 1
            while k < digits.count && scale <= Int.max / radix / radix {
                chunk = chunk * radix + digits[k]
                scale *= radix
                k += 1
            }
            total = total * BigInt(scale) + BigInt(chunk)
        }
        return total
    }

    private static func digitValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(b - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(b - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// CPython 3.11's limit on decimal digits converted to an int (sys.get_int_max_str_digits()).
    static func checkDigitLimit(_ digits: Int) throws {
        if digits > 4300 {
            throw PyError.value("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
    }

    /// float(text); nil when the text is not a float literal ("1e5", ".5", "1_000.5", "-inf", "nan", "Infinity").
    static func parseFloat(_ text: String) -> Double? {
        var bytes = normalized(text)[...]
        var sign = 1.0
        if let f = bytes.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") {
            if f == UInt8(ascii: "-") { sign = -1 }
            bytes = bytes.dropFirst()
        }
        let word = String(decoding: bytes, as: UTF8.self).lowercased()
        if word == "inf" || word == "infinity" { return sign * .infinity }
        if word == "nan" { return .nan }
        // digits [. digits] [e [sign] digits], at least one digit in the mantissa; '_' only between digits.
        var cleaned: [UInt8] = []
        var mantissaDigits = 0, exponentDigits = 0
        var seenDot = false, seenExponent = false
        var previous: UInt8 = 0
        for (k, b) in bytes.enumerated() {
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            if isDigit {
                if seenExponent { exponentDigits += 1 } else { mantissaDigits += 1 }
            } else if b == UInt8(ascii: "_") {
                let nextIsDigit = k + 1 < bytes.count
                    && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[bytes.startIndex + k + 1])
                let previousIsDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(previous)
                guard previousIsDigit && nextIsDigit else { return nil }
                previous = b
                continue
            } else if b == UInt8(ascii: ".") {
                guard !seenDot && !seenExponent else { return nil }
                seenDot = true
            } else if b | 0x20 == UInt8(ascii: "e") {
                guard !seenExponent && mantissaDigits > 0 else { return nil }
                seenExponent = true
            } else if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                guard previous | 0x20 == UInt8(ascii: "e") else { return nil }
            } else {
                return nil
            }
            cleaned.append(b)
            previous = b
        }
        guard mantissaDigits > 0, !seenExponent || exponentDigits > 0 else { return nil }
        guard let d = Double(String(decoding: cleaned, as: UTF8.self)) else { return nil }
        return sign * d
    }
}
