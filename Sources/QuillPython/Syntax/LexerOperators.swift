// Operators and brackets for the lexer: longest match over Python's operator set, and the bracket stack with
// CPython's messages for unmatched, mismatched and too deeply nested brackets. Bytes that are no operator
// (`$`, `?`, a lone `!`) become operator tokens the parser rejects with "invalid syntax".

extension Lexer {
    static let threeByteOps: Set<UInt64> = Set(["**=", "//=", ">>=", "<<=", "..."].map(packed))
    static let twoByteOps: Set<UInt64> = Set([
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
        "^=", "@=",
    ].map(packed))

    /// Reads one operator or bracket at `i`. False after an error.
    mutating func op() -> Bool {
        let start = i
        let c = src[i]
        if c >= 0x80 { return invalidCharacter() }
        for width in stride(from: 3, through: 2, by: -1) where i + width <= end {
            let code = src.withUnsafeBufferPointer { packedText(UnsafeBufferPointer(rebasing: $0[i..<(i + width)])) }
            if (width == 3 ? Lexer.threeByteOps : Lexer.twoByteOps).contains(code) {
                i += width
                emit(.op, code: code, from: start)
                return true
            }
        }
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            if brackets.count >= Lexer.maxBrackets {
                fail(insideFString ? "f-string: too many nested parenthesis" : "too many nested parentheses",
                     at: loc(i))
                return false
            }
            brackets.append(OpenBracket(byte: c, loc: loc(i)))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            let closing = Character(Unicode.Scalar(c))
            guard let open = brackets.popLast() else {
                fail("unmatched '\(closing)'", at: loc(i))
                return false
            }
            let expected: UInt8 = open.byte == UInt8(ascii: "(") ? UInt8(ascii: ")")
                : open.byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            if c != expected {
                let opening = Character(Unicode.Scalar(open.byte))
                var message = "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'"
                if open.loc.line != line { message += " on line \(open.loc.line)" }
                fail(message, at: loc(i))
                return false
            }
        default:
            break
        }
        i += 1
        emit(.op, code: UInt64(c), from: start)
        return true
    }

    /// A non-ASCII character that cannot start a name: CPython's "invalid character" messages.
    mutating func invalidCharacter() -> Bool {
        let (scalar, _) = decodeScalar(at: i)
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if isPrintable(scalar) {
            fail("invalid character '\(Character(scalar))' (\(code))", at: loc(i))
        } else {
            fail("invalid non-printable character \(code)", at: loc(i))
        }
        return false
    }

    /// Python's str.isprintable for one character.
    func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `index` and its length in bytes (U+FFFD for bad bytes).
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
        var iterator = src[index..<min(end, index + 4)].makeIterator()
        var decoder = UTF8()
        let before = index
        switch decoder.decode(&iterator) {
        case .scalarValue(let s):
            return (s, UTF8.width(s))
        default:
            let replacement: Unicode.Scalar = "\u{FFFD}"
            return (replacement, max(1, min(end, before + 1) - before))
        }
    }
}
