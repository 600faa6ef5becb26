// The character classes the Rust tokenizers use, as predicates on Unicode.Scalar.
// Rust's `char::is_whitespace` and Oniguruma's/regex's `\s` are the White_Space property; `is_other`,
// `is_punctuation` and `is_mark_nonspacing` come from the unicode_categories crate (general categories).
// The tables are Swift's (a newer Unicode version than the 2016 crate): only scalars assigned since then can differ.

extension Unicode.Scalar {
    /// Rust `char::is_whitespace` / regex `\s`: the White_Space property.
    var isWhiteSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return properties.isWhitespace
        }
    }

    /// unicode_categories `is_other` as used by BertNormalizer: Cc, Cf or Co (not Cn, not Cs).
    var isOtherControlFormatPrivate: Bool {
        if value < 0x80 { return value < 0x20 || value == 0x7F }
        switch properties.generalCategory {
        case .control, .format, .privateUse: return true
        default: return false
        }
    }

    /// Unicode general category P* (Pc, Pd, Ps, Pe, Pi, Pf, Po).
    var isPunctuationCategory: Bool {
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// BertPreTokenizer's punctuation: `is_ascii_punctuation || is_punctuation` (so ASCII `$+<=>^`|~` count).
    var isBertPunctuation: Bool {
        switch value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0..<0x80: return false
        default: return isPunctuationCategory
        }
    }

    /// `\p{L}`: general category L*.
    var isLetterCategory: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default:
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
    }

    /// `\p{N}`: general category N*.
    var isNumberCategory: Bool {
        switch value {
        case 0x30...0x39: return true
        case 0..<0x80: return false
        default:
            switch properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }

    /// General category Mn (what BertNormalizer's accent stripping removes).
    var isNonspacingMark: Bool { value >= 0x300 && properties.generalCategory == .nonspacingMark }

    /// General category M* (what the StripAccents normalizer removes).
    var isMark: Bool {
        guard value >= 0x300 else { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Rust regex `\w` (Unicode): Alphabetic, M*, Nd, Pc, Join_Control.
    var isRegexWordCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0..<0x80: return false
        case 0x200C, 0x200D: return true
        default:
            if properties.isAlphabetic { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return false
            }
        }
    }

    /// BertNormalizer's CJK ranges, verbatim from Rust, including its 0x2B920 lower bound for Extension E
    /// (original BERT says 0x2B820), so U+2B820..U+2B91F are not spaced out.
    var isBertChineseCharacter: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}

/// Rust `char::to_lowercase` applied to every scalar: the full, context-free mapping ('İ' -> "i̇", 'Σ' -> 'σ').
func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(scalars.count)
    for c in scalars {
        if c.value < 0x80 {
            out.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(UInt8(c.value + 32)) : c)
        } else if c.properties.changesWhenLowercased {
            out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
        } else {
            out.append(c)
        }
    }
    return out
}

/// Helpers to move between scalars, Strings and UTF-8 bytes without going through `Character`.
extension Array where Element == Unicode.Scalar {
    var utf8Bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for c in self { appendUTF8(c, to: &out) }
        return out
    }

    var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: self)
        return String(s)
    }
}

/// Appends the UTF-8 encoding of one scalar.
@inline(__always)
func appendUTF8(_ c: Unicode.Scalar, to out: inout [UInt8]) {
    let v = c.value
    switch v {
    case 0..<0x80:
        out.append(UInt8(v))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}
