// The value of a str or bytes literal's body: Python's escape sequences (\n \t \\ \' \" \a \b \f \v \ooo \xhh
// \uXXXX \UXXXXXXXX \N{NAME}, a backslash-newline joins lines), unknown escapes kept as written (`\d` stays
// backslash-d). `\N{NAME}` looks the name up in Unicode's names and aliases. Malformed escapes raise CPython's
// "(unicode error) 'unicodeescape' codec can't decode bytes in position S-E: ..." SyntaxError; the caller
// attaches the position.

enum StringLiteral {
    /// Decodes a str literal body `src[range]`.
    static func decode(_ src: [UInt8], _ range: Range<Int>, raw: Bool) throws -> String {
        if raw || !src[range].contains(UInt8(ascii: "\\")) {
            return String(decoding: src[range], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var j = range.lowerBound
        let end = range.upperBound
        while j < end {
            let c = src[j]
            guard c == UInt8(ascii: "\\"), j + 1 < end else {
                out.append(c)
                j += 1
                continue
            }
            let e = src[j + 1]
            if let simple = simpleEscape(e) {
                if let byte = simple { out.append(byte) }
                j += 2
            } else if e >= UInt8(ascii: "0") && e <= UInt8(ascii: "7") {
                let (value, next) = octal(src, from: j + 1, end: end)
                try appendScalar(value, to: &out, start: j - range.lowerBound, end: next - range.lowerBound)
                j = next
            } else if e == UInt8(ascii: "x") || e == UInt8(ascii: "u") || e == UInt8(ascii: "U") {
                let width = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                var value: UInt32 = 0
                var k = j + 2
                while k < j + 2 + width, k < end, let digit = hexValue(src[k]) {
                    value = value * 16 + UInt32(digit)
                    k += 1
                }
                guard k == j + 2 + width else {
                    let name = e == UInt8(ascii: "x") ? "\\xXX" : e == UInt8(ascii: "u") ? "\\uXXXX" : "\\UXXXXXXXX"
                    throw unicodeError(j - range.lowerBound, k - range.lowerBound, "truncated \(name) escape")
                }
                try appendScalar(value, to: &out, start: j - range.lowerBound, end: k - range.lowerBound)
                j = k
            } else if e == UInt8(ascii: "N") {
                j = try namedEscape(src, at: j, range: range, into: &out)
            } else {
                out.append(c)
                j += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a bytes literal body (ASCII only; checked by the caller).
    static func decodeBytes(_ src: [UInt8], _ range: Range<Int>, raw: Bool) throws -> [UInt8] {
        if raw { return Array(src[range]) }
        var out: [UInt8] = []
        var j = range.lowerBound
        let end = range.upperBound
        while j < end {
            let c = src[j]
            guard c == UInt8(ascii: "\\"), j + 1 < end else {
                out.append(c)
                j += 1
                continue
            }
            let e = src[j + 1]
            if let simple = simpleEscape(e) {
                if let byte = simple { out.append(byte) }
                j += 2
            } else if e >= UInt8(ascii: "0") && e <= UInt8(ascii: "7") {
                let (value, next) = octal(src, from: j + 1, end: end)
                out.append(UInt8(truncatingIfNeeded: value))
                j = next
            } else if e == UInt8(ascii: "x") {
                guard j + 3 < end, let high = hexValue(src[j + 2]), let low = hexValue(src[j + 3]) else {
                    throw PyError(.exception("SyntaxError"),
                                  "(value error) invalid \\x escape at position \(j - range.lowerBound)")
                }
                out.append(high * 16 + low)
                j += 4
            } else {
                out.append(c)
                j += 1
            }
        }
        return out
    }

    /// The single-character escapes: the byte they stand for, or nil inside for a backslash-newline.
    static func simpleEscape(_ e: UInt8) -> UInt8?? {
        switch e {
        case 0x0A: return .some(nil)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): return e
        case UInt8(ascii: "a"): return 7
        case UInt8(ascii: "b"): return 8
        case UInt8(ascii: "f"): return 12
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "r"): return 13
        case UInt8(ascii: "t"): return 9
        case UInt8(ascii: "v"): return 11
        default: return nil
        }
    }

    /// Up to three octal digits starting at `from`: their value and the index after them.
    static func octal(_ src: [UInt8], from: Int, end: Int) -> (UInt32, Int) {
        var value: UInt32 = 0
        var k = from
        while k < from + 3, k < end, src[k] >= UInt8(ascii: "0"), src[k] <= UInt8(ascii: "7") {
            value = value * 8 + UInt32(src[k] - UInt8(ascii: "0"))
            k += 1
        }
        return (value, k)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// CPython's message for a bad escape; `end` is exclusive.
    static func unicodeError(_ start: Int, _ end: Int, _ reason: String) -> PyError {
        PyError(.exception("SyntaxError"),
                "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(end - 1): \(reason)")
    }

    static func appendScalar(_ value: UInt32, to out: inout [UInt8], start: Int, end: Int) throws {
        guard value <= 0x10FFFF else { throw unicodeError(start, end, "illegal Unicode character") }
        guard let scalar = Unicode.Scalar(value) else {
            throw Unsupported.loneSurrogate()
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// `\N{NAME}` at `j`: appends the named character; returns the index after the escape.
    static func namedEscape(_ src: [UInt8], at j: Int, range: Range<Int>, into out: inout [UInt8]) throws -> Int {
        let start = j - range.lowerBound
        guard j + 2 < range.upperBound, src[j + 2] == UInt8(ascii: "{") else {
            throw unicodeError(start, min(j + 2, range.upperBound) - range.lowerBound, "malformed \\N character escape")
        }
        guard let close = src[(j + 3)..<range.upperBound].firstIndex(of: UInt8(ascii: "}")) else {
            throw unicodeError(start, range.upperBound - range.lowerBound, "malformed \\N character escape")
        }
        let name = String(decoding: src[(j + 3)..<close], as: UTF8.self)
        guard close > j + 3 else { throw unicodeError(start, close - range.lowerBound, "malformed \\N character escape") }
        guard let scalar = UnicodeNames.scalar(named: name) else {
            throw unicodeError(start, close + 1 - range.lowerBound, "unknown Unicode character name")
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
        return close + 1
    }
}

/// `\N{NAME}` lookup: Unicode character names and their formal aliases, matched without regard to case as
/// CPython's unicodedata does. Swift exposes names per scalar only, so a lookup scans the code space once per
/// escape (tens of milliseconds); cells rarely use more than a few.
enum UnicodeNames {
    static func scalar(named query: String) -> Unicode.Scalar? {
        let wanted = query.uppercased()
        guard !wanted.isEmpty, wanted.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        for plane in [0x0...0x3FFFF, 0xE0000...0xE01EF] {
            for value in plane {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                let properties = scalar.properties
                if properties.name == wanted || properties.nameAlias == wanted { return scalar }
            }
        }
        return nil
    }
}
