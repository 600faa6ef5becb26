// repr() of a Python str, as CPython writes it: single quotes unless the text contains ' and no ", backslash
// escapes for \\, the quote, \t \n \r, \xhh for other ASCII controls and for non-printable code points up to
// U+00FF, \uhhhh and \Uhhhhhhhh beyond. Printable code points (Korean, accents, emoji) stay as they are.

enum StringRepr {
    static func repr(_ s: String) -> String {
        var hasSingle = false, hasDouble = false
        for b in s.utf8 {
            if b == UInt8(ascii: "'") { hasSingle = true } else if b == UInt8(ascii: "\"") { hasDouble = true }
        }
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for c in s.unicodeScalars {
            switch c {
            case quote, "\\": out.append("\\"); out.append(c)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out.append(contentsOf: hex(c.value, "\\x", 2).unicodeScalars)
                } else if c.value < 0x7F || UnicodeData.isPrintable(c) {
                    out.append(c)
                } else if c.value <= 0xFF {
                    out.append(contentsOf: hex(c.value, "\\x", 2).unicodeScalars)
                } else if c.value <= 0xFFFF {
                    out.append(contentsOf: hex(c.value, "\\u", 4).unicodeScalars)
                } else {
                    out.append(contentsOf: hex(c.value, "\\U", 8).unicodeScalars)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `ascii()`-style escape of one code point (also used by `%a` and `!a`): "\xe9", "\u2028", "\U0001f600".
    static func asciiEscape(_ c: Unicode.Scalar) -> String {
        if c.value <= 0xFF { return hex(c.value, "\\x", 2) }
        if c.value <= 0xFFFF { return hex(c.value, "\\u", 4) }
        return hex(c.value, "\\U", 8)
    }

    /// `ascii(s)` of a repr already made: every non-ASCII code point escaped.
    static func ascii(_ repr: String) -> String {
        var out = ""
        for c in repr.unicodeScalars {
            if c.isASCII { out.unicodeScalars.append(c) } else { out += asciiEscape(c) }
        }
        return out
    }

    private static func hex(_ value: UInt32, _ prefix: String, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
