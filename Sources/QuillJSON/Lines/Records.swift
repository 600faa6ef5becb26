// JSON Lines records for `quill embed`, `quill score` and `quill tokenize`: what an input line may be and the
// output line that answers it. A line is a plain value (a string; an [a, b] pair) or an object with an id that
// travels to its output line; a bad line is a RecordError naming the line (QuillCLI adds the input's name).

/// One input record: its text(s); for an object line, its id (nil when it has none) and `object` set.
public struct Record: Sendable, Equatable {
    public var first: String
    public var second: String?
    public var object = false
    public var id: JSONValue?

    public init(first: String, second: String? = nil, object: Bool = false, id: JSONValue? = nil) {
        self.first = first
        self.second = second
        self.object = object
        self.id = id
    }
}

/// A line that is not a record: `message` says why, without the input's name and line ("invalid JSON: ...",
/// "expected ..., found ...").
public struct RecordError: Error, Sendable, Equatable {
    public var line: Int
    public var message: String

    /// The whole message, "SOURCE:LINE: what": `source` is the input's path, or "stdin".
    public func message(source: String) -> String { "\(source):\(line): \(message)" }
}

public enum Records {
    /// The deepest nesting a record line may have.
    public static let maxDepth = 16

    /// The JSON value of a line. Blank lines are errors too: nothing is skipped.
    public static func parse(_ line: InputLine) throws(RecordError) -> JSONValue {
        do { return try JSONParser.parse(line.bytes, maxDepth: maxDepth) } catch {
            throw RecordError(line: line.number, message: "invalid JSON: \(error.message)")
        }
    }

    /// `"text"` or `{"id": ..., "text": "..."}` (the object form only with `objects`).
    public static func sentence(_ line: InputLine, objects: Bool = true) throws(RecordError) -> Record {
        let value = try parse(line)
        if let s = value.stringValue { return Record(first: s) }
        if objects, let o = value.objectValue, let text = o["text"]?.stringValue { return Record(first: text, object: true, id: o["id"]) }
        let expected = objects ? "a JSON string or an object with a \"text\" string" : "a JSON string"
        throw mismatch(line, expected: expected, found: value)
    }

    /// `["a", "b"]` or `{"id": ..., "query": "...", "passage": "..."}` (the object form only with `objects`).
    public static func pair(_ line: InputLine, objects: Bool = true) throws(RecordError) -> Record {
        let value = try parse(line)
        if let a = value.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue {
            return Record(first: x, second: y)
        }
        if objects, let o = value.objectValue, let q = o["query"]?.stringValue, let p = o["passage"]?.stringValue {
            return Record(first: q, second: p, object: true, id: o["id"])
        }
        let expected = objects ? "a two-string array [a, b] or an object with \"query\" and \"passage\" strings"
            : "a two-string array [a, b]"
        throw mismatch(line, expected: expected, found: value)
    }

    private static func mismatch(_ line: InputLine, expected: String, found: JSONValue) -> RecordError {
        RecordError(line: line.number, message: "expected \(expected), found \(found.kindName)")
    }

    /// The output line: the plain value (JSON text) for a plain line; for an object line `{"id": ..., "KEY": value}`
    /// (no "id" when the input had none).
    public static func output(_ value: String, key: String, for record: Record) -> String {
        guard record.object else { return value }
        var out = "{"
        if let id = record.id {
            out += "\"id\":"
            JSONText.append(id, to: &out)
            out += ","
        }
        return out + "\"\(key)\":" + value + "}"
    }
}
