// JSON Lines records for `quill embed`, `quill score` and `quill tokenize`: what an input line may be, and the
// JSON text of what goes out. A line is a plain value (a string; an [a, b] pair) or an object with an id that
// travels to its output line; a bad line is named by its number.
import ArgumentParser
import Foundation
import QuillJSON

/// A usage or data error that the CLI prints as is and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1
}

enum InputFormat: String, CaseIterable {
    case jsonl   // one JSON value per line
    case text    // one sentence per line, taken literally
}

/// The options every engine command shares: the model, where input comes from and where output goes.
struct ModelIOOptions: ParsableArguments {
    @Option(name: .long, help: "Model folder or name (e.g. all-MiniLM-L6-v2, cross-encoder/stsb-roberta-base).")
    var model: String

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    @Option(name: .long, help: "Output file (default: stdout); it appears only once complete.")
    var output: String?
}

/// One input record: its text(s); for an object line, its id (nil when it has none) and `object` set.
struct Record {
    var first: String
    var second: String?
    var object = false
    var id: JSONValue?
}

enum Records {
    /// The JSON value of a line, or an error naming the line. Blank lines are errors too: nothing is skipped.
    static func parse(_ line: InputLine, source: String) throws -> JSONValue {
        do { return try JSONParser.parse(line.bytes, maxDepth: 16) } catch {
            throw CLIError(description: "\(source):\(line.number): invalid JSON: \(error.message)", code: 65)
        }
    }

    /// `"text"` or `{"id": ..., "text": "..."}`.
    static func sentence(_ line: InputLine, source: String, objects: Bool = true) throws -> Record {
        let value = try parse(line, source: source)
        if let s = value.stringValue { return Record(first: s) }
        if objects, let o = value.objectValue, let text = o["text"]?.stringValue { return Record(first: text, object: true, id: o["id"]) }
        let expected = objects ? "a JSON string or an object with a \"text\" string" : "a JSON string"
        throw mismatch(line, source: source, expected: expected, found: value)
    }

    /// `["a", "b"]` or `{"id": ..., "query": "...", "passage": "..."}`.
    static func pair(_ line: InputLine, source: String, objects: Bool = true) throws -> Record {
        let value = try parse(line, source: source)
        if let a = value.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue {
            return Record(first: x, second: y)
        }
        if objects, let o = value.objectValue, let q = o["query"]?.stringValue, let p = o["passage"]?.stringValue {
            return Record(first: q, second: p, object: true, id: o["id"])
        }
        let expected = objects ? "a two-string array [a, b] or an object with \"query\" and \"passage\" strings"
            : "a two-string array [a, b]"
        throw mismatch(line, source: source, expected: expected, found: value)
    }

    private static func mismatch(_ line: InputLine, source: String, expected: String, found: JSONValue) -> CLIError {
        CLIError(description: "\(source):\(line.number): expected \(expected), found \(found.kindName)", code: 65)
    }

    /// The output line: the plain value for a plain line; for an object line `{"id": ..., "KEY": value}` (no
    /// "id" when the input had none).
    static func output(_ value: String, key: String, for record: Record) -> String {
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

/// Model outputs as JSON text, refused when not finite: NaN and infinity have no JSON form, and the .npy output
/// refuses them in the same words (`checkFinite`), so that no format carries them silently.
enum Numbers {
    static func checkFinite(_ xs: [Float], line: Int, source: String) throws {
        if let bad = xs.first(where: { !$0.isFinite }) {
            let value = bad.isNaN ? "NaN" : bad > 0 ? "infinity" : "-infinity"
            throw CLIError(description: "\(source):\(line): the model produced \(value) "
                           + "(do its weights contain NaN or infinity?)")
        }
    }

    /// The shortest text that reads back to the same Float32 (finite values only).
    static func json(_ x: Float) -> String { x == 0 ? "0.0" : "\(x)" }

    static func json(_ xs: [Float]) -> String {
        var out = "["
        for (i, x) in xs.enumerated() {
            if i > 0 { out += "," }
            out += json(x)
        }
        return out + "]"
    }
}

/// JSON text of a parsed value, for ids that travel from input to output (numbers keep their input spelling).
enum JSONText {
    static func append(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, member) in object.members.enumerated() {
                if i > 0 { out += "," }
                appendString(member.key, to: &out)
                out += ":"
                append(member.value, to: &out)
            }
            out += "}"
        }
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count)
                        + String(u.value, radix: 16)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
