// Numeric literals for the lexer, following CPython 3.11's tokenizer step by step so that malformed literals get
// its messages at its positions ("invalid decimal literal", "invalid digit '8' in octal literal", "leading zeros
// in decimal integer literals are not permitted; ..."). Ints become plain decimal digits of any size.

import BigInt

extension Lexer {
    /// Reads the next byte (-1 at the end), always advancing so that `backup` undoes it.
    private mutating func nextc() -> Int {
        defer { i += 1 }
        return i < end ? Int(src[i]) : -1
    }

    private mutating func backup(_ c: Int) { i -= 1 }

    private static func isDigitCode(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHexCode(_ c: Int) -> Bool {
        isDigitCode(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    /// CPython reports tokenizer errors at the character just before its cursor.
    private mutating func failAtCursor(_ message: String) -> Bool {
        fail(message, at: Loc(line: line, column: max(1, min(i, end) - lineStart)))
        return false
    }

    /// Reads a number starting at `i` (a digit, or "." before a digit). False after an error.
    mutating func number() -> Bool {
        let start = i
        var c = nextc()
        var kind = "int"
        if c == Int(UInt8(ascii: "0")) {
            c = nextc()
            let lower = c | 0x20
            if lower == Int(UInt8(ascii: "x")) || lower == Int(UInt8(ascii: "o")) || lower == Int(UInt8(ascii: "b")) {
                let (name, radix) = lower == Int(UInt8(ascii: "x")) ? ("hexadecimal", 16)
                    : lower == Int(UInt8(ascii: "o")) ? ("octal", 8) : ("binary", 2)
                c = nextc()
                repeat {
                    if c == Int(UInt8(ascii: "_")) { c = nextc() }
                    guard digitFits(c, radix) else {
                        if radix != 16 && Lexer.isDigitCode(c) {
                            return failAtCursor("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in \(name) literal")
                        }
                        backup(c)
                        return failAtCursor("invalid \(name) literal")
                    }
                    repeat { c = nextc() } while digitFits(c, radix)
                } while c == Int(UInt8(ascii: "_"))
                if radix != 16 && Lexer.isDigitCode(c) {
                    return failAtCursor("invalid digit '\(Character(Unicode.Scalar(UInt8(c))))' in \(name) literal")
                }
                guard verifyEnd(c, name) else { return false }
                backup(c)
                return emitInt(from: start, radix: radix)
            }
            var nonzero = false
            while true {
                if c == Int(UInt8(ascii: "_")) {
                    c = nextc()
                    if !Lexer.isDigitCode(c) { backup(c); return failAtCursor("invalid decimal literal") }
                }
                if c != Int(UInt8(ascii: "0")) { break }
                c = nextc()
            }
            if Lexer.isDigitCode(c) {
                nonzero = true
                guard let next = decimalTail() else { return false }
                c = next
            }
            if c == Int(UInt8(ascii: ".")) || c | 0x20 == Int(UInt8(ascii: "e")) || c | 0x20 == Int(UInt8(ascii: "j")) {
                kind = "float"
            } else if nonzero {
                backup(c)
                fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                     at: loc(start))
                return false
            }
        } else if c == Int(UInt8(ascii: ".")) {
            kind = "float"
        } else {
            guard let next = decimalTail() else { return false }
            c = next
            if c == Int(UInt8(ascii: ".")) || c | 0x20 == Int(UInt8(ascii: "e")) || c | 0x20 == Int(UInt8(ascii: "j")) {
                kind = "float"
            }
        }
        if kind == "int" {
            guard verifyEnd(c, "decimal") else { return false }
            backup(c)
            return emitInt(from: start, radix: 10)
        }
        return floatTail(from: start, c)
    }

    /// The fraction, exponent and imaginary suffix after the integer part; `c` is the byte after that part.
    private mutating func floatTail(from start: Int, _ first: Int) -> Bool {
        var c = first
        if c == Int(UInt8(ascii: ".")) {
            c = nextc()
            if Lexer.isDigitCode(c) {
                guard let next = decimalTail() else { return false }
                c = next
            }
        }
        if c | 0x20 == Int(UInt8(ascii: "e")) {
            let e = c
            c = nextc()
            if c == Int(UInt8(ascii: "+")) || c == Int(UInt8(ascii: "-")) {
                c = nextc()
                if !Lexer.isDigitCode(c) { backup(c); return failAtCursor("invalid decimal literal") }
            } else if !Lexer.isDigitCode(c) {
                backup(c)
                guard verifyEnd(e, "decimal") else { return false }
                backup(e)
                return emitFloat(from: start, imaginary: false)
            }
            guard let next = decimalTail() else { return false }
            c = next
        }
        if c | 0x20 == Int(UInt8(ascii: "j")) {
            c = nextc()
            guard verifyEnd(c, "imaginary") else { return false }
            backup(c)
            return emitFloat(from: start, imaginary: true)
        }
        guard verifyEnd(c, "decimal") else { return false }
        backup(c)
        return emitFloat(from: start, imaginary: false)
    }

    private func digitFits(_ c: Int, _ radix: Int) -> Bool {
        radix == 16 ? Lexer.isHexCode(c) : c >= 0x30 && c < 0x30 + radix
    }

    /// Digits with single underscores between them; returns the byte after them, nil after an error.
    private mutating func decimalTail() -> Int? {
        var c: Int
        while true {
            repeat { c = nextc() } while Lexer.isDigitCode(c)
            if c != Int(UInt8(ascii: "_")) { return c }
            c = nextc()
            if !Lexer.isDigitCode(c) {
                backup(c)
                _ = failAtCursor("invalid decimal literal")
                return nil
            }
        }
    }

    /// CPython's verify_end_of_number: a letter right after a number is an error, except the keywords that may
    /// follow one (`1if x else y`). `c` has been read.
    private mutating func verifyEnd(_ c: Int, _ kind: String) -> Bool {
        if let rests = Lexer.keywordTails[c], rests.contains(where: { lookahead($0) }) { return true }
        if c >= 0 && isIdentifierStart(UInt8(c)) || Lexer.isDigitCode(c) {
            backup(c)
            return failAtCursor("invalid \(kind) literal")
        }
        return true
    }

    /// The keywords that may follow a number, by first letter: `and`, `else`, `for`, `if`/`in`/`is`, `or`, `not`.
    private static let keywordTails: [Int: [String]] = [
        0x61: ["nd"], 0x65: ["lse"], 0x66: ["or"], 0x69: ["f", "n", "s"], 0x6F: ["r"], 0x6E: ["ot"],
    ]

    private func lookahead(_ rest: String) -> Bool {
        var j = i
        for b in rest.utf8 {
            guard j < end, src[j] == b else { return false }
            j += 1
        }
        if rest.count == 1 && rest != "r" { return true }  // "if", "in", "is": CPython checks one letter only
        return j >= end || !(isIdentifierStart(src[j]) || isDigit(src[j]))
    }

    private mutating func emitInt(from start: Int, radix: Int) -> Bool {
        var digits = src[start..<i].filter { $0 != UInt8(ascii: "_") }
        if radix != 10 { digits.removeFirst(2) }
        let text = String(decoding: digits, as: UTF8.self)
        let decimal: String
        if radix == 10 {
            let trimmed = text.drop { $0 == "0" }
            decimal = trimmed.isEmpty ? "0" : String(trimmed)
        } else if let small = UInt64(text, radix: radix) {
            decimal = String(small)
        } else if let big = BigUInt(text, radix: radix) {
            decimal = String(big)
        } else {
            return failAtCursor("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal")
        }
        stream.numbers.append(.int(decimal))
        emit(.number(index: Int32(stream.numbers.count - 1)), from: start)
        return true
    }

    private mutating func emitFloat(from start: Int, imaginary: Bool) -> Bool {
        var digits = src[start..<i].filter { $0 != UInt8(ascii: "_") }
        if imaginary { digits.removeLast() }
        let text = String(decoding: digits, as: UTF8.self)
        guard let value = Double(text.hasSuffix(".") ? text + "0" : text) else {
            return failAtCursor("invalid decimal literal")
        }
        stream.numbers.append(imaginary ? .imaginary(value) : .float(value))
        emit(.number(index: Int32(stream.numbers.count - 1)), from: start)
        return true
    }
}
