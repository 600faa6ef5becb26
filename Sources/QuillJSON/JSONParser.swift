// A strict RFC 8259 parser over UTF-8 bytes, iterative (no recursion, so deep nesting cannot overflow the stack),
// with a depth cap and positions in every error.
//
// Grammar (RFC 8259): value -> object | array | string | number | "true" | "false" | "null";
// whitespace is space, tab, LF, CR only. Duplicate object keys are rejected (the safetensors README forbids them).

/// A JSON syntax error with its position in the input.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset into the input, 0-based.
    public var offset: Int
    /// Line and column (1-based; the column counts UTF-8 bytes).
    public var line: Int
    public var column: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}

public enum JSONParser {
    /// Parses one JSON document. Leading and trailing whitespace is allowed; anything else after the value is an error.
    /// - Parameters:
    ///   - maxDepth: nesting deeper than this is an error (Foundation caps at 512 too).
    ///   - allowDuplicateKeys: when false (the default), a repeated key in one object is an error.
    /// - Throws: `JSONError` with the offending position.
    public static func parse<Bytes: Collection>(_ bytes: Bytes, maxDepth: Int = 512, allowDuplicateKeys: Bool = false)
        throws(JSONError) -> JSONValue where Bytes.Element == UInt8
    {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { (buf) throws(JSONError) -> JSONValue in
            var p = Parser(bytes: buf, maxDepth: maxDepth, allowDuplicateKeys: allowDuplicateKeys)
            return try p.document()
        }
    }

    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let allowDuplicateKeys: Bool
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, allowDuplicateKeys: Bool) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.allowDuplicateKeys = allowDuplicateKeys
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let at = min(offset ?? i, bytes.count)
        var line = 1, col = 1
        for k in 0..<at {
            if bytes[k] == 0x0A { line += 1; col = 1 } else { col += 1 }
        }
        return JSONError(message: message, offset: at, line: line, column: col)
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    mutating func document() throws(JSONError) -> JSONValue {
        let v = try value()
        skipWhitespace()
        if i != bytes.count { throw error("unexpected data after the JSON value") }
        return v
    }

    /// Parses a value iteratively: open containers live on explicit stacks instead of the call stack. Each
    /// container's elements are appended in place (never copied out and back), so parsing stays linear.
    mutating func value() throws(JSONError) -> JSONValue {
        var isObject: [Bool] = []                 // one entry per open container
        var arrays: [[JSONValue]] = []            // open arrays' elements
        var objects: [[JSONObject.Member]] = []   // open objects' members
        var seenKeys: [Set<[UInt8]>] = []         // open objects' keys (when duplicates are rejected)
        var pendingKeys: [String] = []            // open objects' key awaiting its value

        func openObject(_ key: String) {
            isObject.append(true)
            objects.append([])
            seenKeys.append(allowDuplicateKeys ? [] : [Array(key.utf8)])
            pendingKeys.append(key)
        }

        while true {
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input") }
            var done: JSONValue
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                if isObject.count >= maxDepth { throw error("nesting deeper than \(maxDepth) levels", at: i - 1) }
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    done = .object(JSONObject())
                } else {
                    openObject(try objectKey())
                    continue
                }
            case UInt8(ascii: "["):
                i += 1
                if isObject.count >= maxDepth { throw error("nesting deeper than \(maxDepth) levels", at: i - 1) }
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    done = .array([])
                } else {
                    isObject.append(false)
                    arrays.append([])
                    continue
                }
            case UInt8(ascii: "\""): done = .string(try string())
            case UInt8(ascii: "t"): try literal("true"); done = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); done = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); done = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): done = .number(try number())
            default: throw error("unexpected character '\(printable(bytes[i]))'")
            }
            // Attach the finished value to its container; close containers as long as they end here.
            closing: while true {
                guard let inObject = isObject.last else { return done }
                skipWhitespace()
                if !inObject {
                    arrays[arrays.count - 1].append(done)
                    guard i < bytes.count else { throw error("unterminated array") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; break closing }
                    if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        isObject.removeLast()
                        done = .array(arrays.removeLast())
                        continue closing
                    }
                    throw error("expected ',' or ']' in array")
                } else {
                    let key = pendingKeys[pendingKeys.count - 1]
                    objects[objects.count - 1].append(.init(key: key, value: done))
                    guard i < bytes.count else { throw error("unterminated object") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        let keyStart = i
                        let next = try objectKey()
                        if !allowDuplicateKeys, !seenKeys[seenKeys.count - 1].insert(Array(next.utf8)).inserted {
                            throw error("duplicate key \"\(next)\"", at: keyStart)
                        }
                        pendingKeys[pendingKeys.count - 1] = next
                        break closing
                    }
                    if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        isObject.removeLast()
                        seenKeys.removeLast()
                        pendingKeys.removeLast()
                        done = .object(JSONObject(objects.removeLast()))
                        continue closing
                    }
                    throw error("expected ',' or '}' in object")
                }
            }
        }
    }

    /// Reads `"key"` and the following `:`.
    mutating func objectKey() throws(JSONError) -> String {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
        let key = try string()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
        i += 1
        return key
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let n = word.utf8CodeUnitCount
        let start = i
        guard i + n <= bytes.count else { throw error("invalid literal") }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n where bytes[i + k] != w[k] { throw error("invalid literal", at: start) }
        i += n
    }

    mutating func number() throws(JSONError) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number", at: start) }
        if bytes[i] == 0x30 {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw error("leading zeros are not allowed", at: start) }
        } else {
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number", at: start) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("invalid number", at: start) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    mutating func string() throws(JSONError) -> String {
        let start = i
        i += 1  // opening quote
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i += 1
                break
            }
            if b < 0x20 { throw error("control character U+\(hex(UInt32(b))) in string; it must be escaped") }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            i += 1
            guard i < bytes.count else { throw error("unterminated string", at: start) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate \\u\(hex(scalar)) in string")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate \\u\(hex(scalar)) in string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired surrogate \\u\(hex(scalar)) in string")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape '\\\(printable(e))' in string", at: i - 2)
            }
            runStart = i
        }
        // Validate UTF-8 (a lone 0xFF must not be silently replaced).
        guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in string", at: start) }
        return s
    }

    mutating func hex4() throws(JSONError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}

private func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

private func printable(_ b: UInt8) -> String {
    (0x20..<0x7F).contains(b) ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
}
