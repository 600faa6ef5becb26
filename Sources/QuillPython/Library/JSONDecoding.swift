// json.loads as CPython's json module decodes: objects to dicts (a repeated key keeps the last value), arrays to
// lists, ints exact, floats through float(), the NaN / Infinity / -Infinity extensions, and JSONDecodeError with
// CPython's messages and positions ("Expecting value: line 1 column 1 (char 0)"; columns count code points).

import BigInt

struct JSONDecoding {
    private let text: [Unicode.Scalar]
    private var i = 0
    private let context: any Context
    private var depth = 0

    /// The error type as CPython's traceback names it.
    static let errorType = "json.decoder.JSONDecodeError"

    static func decode(_ source: String, _ context: any Context) throws -> Value {
        var decoder = JSONDecoding(text: Array(source.unicodeScalars), context: context)
        return try decoder.document()
    }

    private init(text: [Unicode.Scalar], context: any Context) {
        self.text = text
        self.context = context
    }

    private func error(_ message: String, at position: Int) -> PyError {
        let prefix = text[..<position]
        let line = prefix.filter { $0 == "\n" }.count + 1
        let column = position - (prefix.lastIndex(of: "\n") ?? -1)
        return PyError(.exception(Self.errorType), "\(message): line \(line) column \(column) (char \(position))")
    }

    private mutating func skipWhitespace() {
        while i < text.count, [" ", "\t", "\n", "\r"].contains(text[i]) { i += 1 }
    }

    private mutating func document() throws -> Value {
        if text.first == "\u{FEFF}" { throw error("Unexpected UTF-8 BOM (decode using utf-8-sig)", at: 0) }
        skipWhitespace()
        let v = try value()
        skipWhitespace()
        if i != text.count { throw error("Extra data", at: i) }
        return v
    }

    private func starts(with word: String, at k: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        return k + w.count <= text.count && Array(text[k..<(k + w.count)]) == w
    }

    /// A value starting at `i` (no whitespace before it).
    private mutating func value() throws -> Value {
        guard i < text.count else { throw error("Expecting value", at: i) }
        switch text[i] {
        case "\"": return .str(try string())
        case "{": return try nested { try $0.object() }
        case "[": return try nested { try $0.array() }
        default: break
        }
        for (word, v) in [("null", Value.none), ("true", .bool(true)), ("false", .bool(false)), ("NaN", .float(.nan)),
                          ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))] where starts(with: word, at: i) {
            i += word.unicodeScalars.count
            return v
        }
        if let n = try number() { return n }
        throw error("Expecting value", at: i)
    }

    private mutating func nested(_ body: (inout JSONDecoding) throws -> Value) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > 990 { throw PyError(.exception("RecursionError"), "maximum recursion depth exceeded while decoding a JSON document") }
        return try body(&self)
    }

    /// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?: an int without fraction or exponent, else a float.
    private mutating func number() throws -> Value? {
        let start = i
        var k = i
        func digits(_ from: Int) -> Int {
            var j = from
            while j < text.count, ("0"..."9").contains(text[j]) { j += 1 }
            return j
        }
        if k < text.count, text[k] == "-" { k += 1 }
        guard k < text.count, ("0"..."9").contains(text[k]) else { return nil }
        k = text[k] == "0" ? k + 1 : digits(k)
        var isFloat = false
        if k + 1 < text.count, text[k] == ".", ("0"..."9").contains(text[k + 1]) {
            k = digits(k + 1)
            isFloat = true
        }
        if k < text.count, text[k] == "e" || text[k] == "E" {
            var e = k + 1
            if e < text.count, text[e] == "+" || text[e] == "-" { e += 1 }
            if e < text.count, ("0"..."9").contains(text[e]) {
                k = digits(e)
                isFloat = true
            }
        }
        i = k
        let literal = String(String.UnicodeScalarView(text[start..<k]))
        if isFloat { return .float(NumberParsing.parseFloat(literal) ?? .nan) }
        return .integer(try NumberParsing.parseInt(literal, base: 10) ?? 0)
    }

    private mutating func object() throws -> Value {
        let result = PyDict()
        i += 1
        skipWhitespace()
        if i < text.count, text[i] == "}" { i += 1; return .dict(result) }
        while true {
            guard i < text.count, text[i] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", at: i)
            }
            let key = try string()
            skipWhitespace()
            guard i < text.count, text[i] == ":" else { throw error("Expecting ':' delimiter", at: i) }
            i += 1
            skipWhitespace()
            let v = try value()
            result.storage[try HashKey(.str(key))] = v
            skipWhitespace()
            guard i < text.count else { throw error("Expecting ',' delimiter", at: i) }
            if text[i] == "}" { i += 1; break }
            guard text[i] == "," else { throw error("Expecting ',' delimiter", at: i) }
            i += 1
            skipWhitespace()
        }
        try context.reserve(result.storage.count)
        return .dict(result)
    }

    private mutating func array() throws -> Value {
        var items: [Value] = []
        i += 1
        skipWhitespace()
        if i < text.count, text[i] == "]" { i += 1; return .list(PyList()) }
        while true {
            items.append(try value())
            skipWhitespace()
            guard i < text.count else { throw error("Expecting ',' delimiter", at: i) }
            if text[i] == "]" { i += 1; break }
            guard text[i] == "," else { throw error("Expecting ',' delimiter", at: i) }
            i += 1
            skipWhitespace()
        }
        try context.reserve(items.count)
        return .list(PyList(items))
    }

    /// A string starting at the opening quote `i`.
    private mutating func string() throws -> String {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < text.count else { throw error("Unterminated string starting at", at: start) }
            let c = text[i]
            if c == "\"" { i += 1; break }
            if c.value < 0x20 { throw error("Invalid control character at", at: i) }
            guard c == "\\" else { out.append(c); i += 1; continue }
            guard i + 1 < text.count else { throw error("Unterminated string starting at", at: start) }
            let e = text[i + 1]
            let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}", "f": "\u{C}",
                                                            "n": "\n", "r": "\r", "t": "\t"]
            if let s = simple[e] { out.append(s); i += 2; continue }
            guard e == "u" else { throw error("Invalid \\escape", at: i) }
            var code = try hex4(at: i + 2, escapeAt: i)
            i += 6
            if (0xD800...0xDBFF).contains(code), i + 1 < text.count, text[i] == "\\", text[i + 1] == "u" {
                let low = try hex4(at: i + 2, escapeAt: i)
                if (0xDC00...0xDFFF).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw PyError.unsupported("json: the lone surrogate \\u\(String(code, radix: 16)) cannot be held in a Quill string")
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The four hex digits after "\\u" at `escapeAt`; CPython reports a bad one at the "u".
    private func hex4(at k: Int, escapeAt: Int) throws -> UInt32 {
        guard k + 4 <= text.count else { throw error("Invalid \\uXXXX escape", at: escapeAt + 1) }
        var v: UInt32 = 0
        for c in text[k..<(k + 4)] {
            guard c.isASCII, let d = Int(String(c), radix: 16) else { throw error("Invalid \\uXXXX escape", at: escapeAt + 1) }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}
