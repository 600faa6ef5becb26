// Names and string literals for the lexer. A name may be a string prefix (r, b, u, f and their allowed pairs, any
// case) when a quote follows it. Strings are only delimited here; StringLiteral.swift decodes their escapes and
// FString.swift splits f-strings into fields. Non-ASCII names are normalised to NFKC as CPython does.

import Foundation

extension Lexer {
    /// A name, a keyword, or a prefixed string literal. False after an error.
    mutating func nameOrString() -> Bool {
        let start = i
        var ascii = true
        while i < end {
            let c = src[i]
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || isDigit(c) {
                i += 1
            } else if c >= 0x80 {
                let (scalar, width) = decodeScalar(at: i)
                let ok = i == start ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
                guard ok else {
                    if i == start { return invalidCharacter() }
                    break
                }
                ascii = false
                i += width
            } else {
                break
            }
        }
        if i - start <= 2, i < end, src[i] == UInt8(ascii: "\"") || src[i] == UInt8(ascii: "'"),
           let prefix = stringPrefix(src[start..<i]) {
            return string(prefixStart: start, prefix: prefix)
        }
        var text = String(decoding: src[start..<i], as: UTF8.self)
        if !ascii { text = text.precomposedStringWithCompatibilityMapping }
        let code = packed(text)
        stream.names.append(text)
        let keyword = code != 0 && Keywords.codes.contains(code)
        emit(.name(index: Int32(stream.names.count - 1), keyword: keyword), code: code, from: start)
        return true
    }

    /// The prefix letters (lowercased) when they form a valid string prefix.
    func stringPrefix(_ bytes: ArraySlice<UInt8>) -> Set<UInt8>? {
        var letters = Set<UInt8>()
        for b in bytes {
            let lower = b | 0x20
            guard [UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"), UInt8(ascii: "f")].contains(lower),
                  !letters.contains(lower) else { return nil }
            letters.insert(lower)
        }
        let u = letters.contains(UInt8(ascii: "u")), b = letters.contains(UInt8(ascii: "b"))
        let f = letters.contains(UInt8(ascii: "f"))
        if u && letters.count > 1 { return nil }
        if b && f { return nil }
        return letters
    }

    /// Reads a string literal whose opening quote is at `i`. False after an error (unterminated).
    mutating func string(prefixStart: Int, prefix: Set<UInt8>) -> Bool {
        let startLoc = loc(prefixStart)
        let quote = src[i]
        let triple = i + 2 < end && src[i + 1] == quote && src[i + 2] == quote
        i += triple ? 3 : 1
        let bodyStart = i
        let bodyLoc = loc(i)
        while true {
            guard i < end else {
                let message = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                fail("\(message) (detected at line \(lastLine))", at: startLoc)
                return false
            }
            let c = src[i]
            if c == UInt8(ascii: "\\") {
                if i + 1 < end, src[i + 1] == 0x0A {
                    i += 1
                    newline()
                } else {
                    i += min(2, end - i)
                }
            } else if c == 0x0A {
                if !triple {
                    fail("unterminated string literal (detected at line \(line))", at: startLoc)
                    return false
                }
                newline()
            } else if c == quote && (!triple || (i + 2 < end && src[i + 1] == quote && src[i + 2] == quote)) {
                let token = StringToken(
                    isRaw: prefix.contains(UInt8(ascii: "r")), isBytes: prefix.contains(UInt8(ascii: "b")),
                    isFormat: prefix.contains(UInt8(ascii: "f")), isTriple: triple,
                    bodyStart: bodyStart, bodyEnd: i, bodyLoc: bodyLoc)
                i += triple ? 3 : 1
                stream.strings.append(token)
                append(.string(index: Int32(stream.strings.count - 1)), startLoc, loc(i))
                return true
            } else {
                i += 1
            }
        }
    }
}
