// Character classes as CPython 3.11 defines them (Unicode 14.0): printable (repr), whitespace (split, strip),
// line boundaries (splitlines), decimal/digit/numeric, alphabetic, cased. Swift's tables are newer than 14.0, so
// code points assigned after Unicode 14.0 count as unassigned, as they are in CPython 3.11.

enum UnicodeData {
    /// Assigned in Unicode 14.0 or earlier.
    static func isAssigned(_ c: Unicode.Scalar) -> Bool {
        guard let age = c.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// `str.isprintable()` of one code point: not Cc Cf Cs Co Cn Zl Zp, and not Zs other than the space.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        guard isAssigned(c) else { return false }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `str.isspace()` of one code point: bidirectional class WS, B or S, or general category Zs.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The line boundaries of `str.splitlines()`.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The decimal value of a digit of general category Nd (`int()`, `isdecimal`, widths in format specs).
    static func decimalValue(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        guard c.value > 0x7F, isAssigned(c), c.properties.numericType == .decimal,
              let v = c.properties.numericValue else { return nil }
        return Int(v)
    }

    static func isDecimal(_ c: Unicode.Scalar) -> Bool { decimalValue(c) != nil }

    /// `str.isdigit()`: numeric type decimal or digit.
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        guard isAssigned(c), let t = c.properties.numericType else { return false }
        return t == .decimal || t == .digit
    }

    /// `str.isnumeric()`: any numeric type.
    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        isAssigned(c) && c.properties.numericType != nil && !numericSince14.contains(c.value)
    }

    /// `str.isalpha()`: general category Lm, Lt, Lu, Ll or Lo.
    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        guard isAssigned(c) else { return false }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// The Uppercase and Lowercase properties (as `str.isupper`/`islower` use them) and category Lt.
    static func isUpper(_ c: Unicode.Scalar) -> Bool { isAssigned(c) && c.properties.isUppercase }
    static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value == 0x295 { return true }  // ʕ: Ll in Unicode 14.0, Lo since 16.0
        return isAssigned(c) && c.properties.isLowercase && !lowercaseSince14.contains(c.value)
    }

    /// Code points that became Lowercase (Other_Lowercase) after Unicode 14.0.
    private static let lowercaseSince14: Set<UInt32> = [0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69]

    /// CJK ideographs and cuneiform signs that got numeric values after Unicode 14.0.
    private static let numericSince14: Set<UInt32> = [
        0x4E24, 0x4EAC, 0x4FE9, 0x5006, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E, 0x94A9, 0x12038, 0x12039, 0x12079,
        0x12226, 0x1222B, 0x1230B, 0x1230D, 0x12399,
    ]
    static func isTitlecase(_ c: Unicode.Scalar) -> Bool {
        isAssigned(c) && c.properties.generalCategory == .titlecaseLetter
    }

    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isAlpha(c) || isDecimal(c) || isDigit(c) || isNumeric(c) }
}
