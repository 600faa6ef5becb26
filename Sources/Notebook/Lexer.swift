// Tokens of the directive language. Positions are mapped to the notebook file through `CellOrigin`.

import CommonMark

enum TokenKind: Sendable, Equatable {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    /// An f-string's raw body (escapes not yet processed) and the column of its first byte.
    case template(raw: [UInt8], bodyColumn: Int)
    case punct(String)  // ( ) [ ] , : = .
    case newline
}

struct Token: Sendable {
    var kind: TokenKind
    var range: SourceRange
}

/// Splits cell text into tokens. Newlines inside brackets are not tokens (a list may span lines);
/// `#` starts a comment to the end of the line. `indents[i]` is the indentation of logical line i.
struct Lexer {
    let bytes: [UInt8]
    let origin: CellOrigin
    private(set) var tokens: [Token] = []
    /// Indentation (in bytes) of the first token of each logical line, keyed by that token's index.
    private(set) var lineIndent: [Int: Int] = [:]

    private var i = 0
    private var line = 0
    private var lineStart = 0
    private var depth = 0

    init(_ text: String, origin: CellOrigin) {
        bytes = Array(text.utf8)
        self.origin = origin
    }

    private func position(_ offset: Int) -> SourcePosition {
        origin.position(line: line, column: offset - lineStart + 1)
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(position(start), position(max(start, end - 1)))
    }

    mutating func tokenize() throws -> [Token] {
        var atLineStart = true
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                if depth == 0, let last = tokens.last, last.kind != .newline {
                    tokens.append(Token(kind: .newline, range: range(i, i + 1)))
                }
                i += 1
                line += 1
                lineStart = i
                atLineStart = depth == 0
                continue
            }
            if b == 0x20 || b == 0x09 { i += 1; continue }
            if b == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
                continue
            }
            if atLineStart {
                lineIndent[tokens.count] = i - lineStart
                atLineStart = false
            }
            try lexToken()
        }
        if let last = tokens.last, last.kind != .newline {
            tokens.append(Token(kind: .newline, range: range(i, i)))
        }
        return tokens
    }

    private mutating func lexToken() throws {
        let start = i
        let b = bytes[i]
        if isNameStart(b) {
            while i < bytes.count, isNameStart(bytes[i]) || isDigit(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[start..<i], as: UTF8.self)
            if name == "f", i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                let body = try stringBody()
                tokens.append(Token(kind: .template(raw: body, bodyColumn: start + 2 - lineStart + 1), range: range(start, i)))
                return
            }
            tokens.append(Token(kind: .name(name), range: range(start, i)))
        } else if isDigit(b) || (b == UInt8(ascii: "-") && i + 1 < bytes.count && (isDigit(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "."))) || (b == UInt8(ascii: ".") && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
            try lexNumber()
        } else if b == UInt8(ascii: "\"") {
            let body = try stringBody()
            let text = try Lexer.unescape(body, at: range(start, i))
            tokens.append(Token(kind: .string(text), range: range(start, i)))
        } else if "()[],:=.".utf8.contains(b) {
            if b == UInt8(ascii: "(") || b == UInt8(ascii: "[") { depth += 1 }
            if b == UInt8(ascii: ")") || b == UInt8(ascii: "]") { depth = max(0, depth - 1) }
            i += 1
            tokens.append(Token(kind: .punct(String(UnicodeScalar(b))), range: range(start, i)))
        } else {
            let scalar = String(decoding: bytes[i..<min(bytes.count, i + utf8Length(b))], as: UTF8.self)
            throw Diagnostic("unexpected character '\(scalar)'", at: range(start, start + 1),
                             hint: b == UInt8(ascii: "'") ? "strings use double quotes: \"...\"" : nil)
        }
    }

    private mutating func lexNumber() throws {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        var isFloat = false
        while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: "_") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, isDigit(bytes[i + 1]) {
            isFloat = true
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            if j < bytes.count, isDigit(bytes[j]) {
                isFloat = true
                i = j
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        let r = range(start, i)
        if isFloat {
            guard let value = Double(text), value.isFinite else { throw Diagnostic("bad number '\(text)'", at: r) }
            tokens.append(Token(kind: .float(value), range: r))
        } else {
            guard let value = Int(text) else {
                throw Diagnostic("integer '\(text)' is out of range", at: r)
            }
            tokens.append(Token(kind: .int(value), range: r))
        }
    }

    /// Consumes `"..."` starting at the quote; returns the raw bytes between the quotes.
    private mutating func stringBody() throws -> [UInt8] {
        let start = i
        i += 1
        let bodyStart = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") { i += 2; continue }
            if b == UInt8(ascii: "\"") {
                let body = Array(bytes[bodyStart..<i])
                i += 1
                return body
            }
            if b == 0x0A || b == 0x0D { break }
            i += 1
        }
        i = min(i, bytes.count)
        throw Diagnostic("unterminated string", at: range(start, start + 1),
                         hint: "close the string with \" on the same line")
    }

    /// Processes `\n \t \" \\ \{ \}` escapes.
    static func unescape(_ raw: [UInt8], at range: SourceRange) throws -> String {
        var out: [UInt8] = []
        var k = 0
        while k < raw.count {
            let b = raw[k]
            if b == UInt8(ascii: "\\"), k + 1 < raw.count {
                switch raw[k + 1] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): out.append(raw[k + 1])
                default:
                    throw Diagnostic("unknown escape '\\\(String(UnicodeScalar(raw[k + 1])))' in string", at: range,
                                     hint: "use \\n, \\t, \\\", \\\\")
                }
                k += 2
            } else {
                out.append(b)
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }
    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private func utf8Length(_ b: UInt8) -> Int { b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4 }
}
