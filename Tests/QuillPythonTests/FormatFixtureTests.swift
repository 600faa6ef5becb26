// Shared pieces of the formatting tests: loading the fixtures that Tests/Fixtures/generate/format_cases.py writes
// from CPython, decoding the values they carry, and a minimal interpreter context (repr and str of scalars through
// the Format code, of containers by a plain join) so that the Format code can be tested on its own.

import Foundation
import JSON
import Testing
import BigInt
@testable import QuillPython

enum FormatFixtures {
    static func load(_ name: String) throws -> [JSONValue] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/format/" + name, withExtension: nil))
        let data = try Data(contentsOf: url)
        let json = try JSONParser.parse(data)
        return try #require(json.arrayValue)
    }

    /// A value written as [kind, payload] by the generator's encode_value.
    static func value(_ pair: JSONValue) throws -> Value {
        let items = try #require(pair.arrayValue)
        try #require(items.count == 2)
        return try value(items[0], items[1])
    }

    /// ["int", "123"], ["float", "0x1.8p+1"], ["bool", "True"], ["str", "x"], ["none", null], ["tuple", [...]],
    /// ["list", [...]], ["dict", [[key, value], ...]].
    static func value(_ kind: JSONValue, _ payload: JSONValue) throws -> Value {
        switch try #require(kind.stringValue) {
        case "tuple": return .tuple(try (try #require(payload.arrayValue)).map { try value($0) })
        case "list": return .list(PyList(try (try #require(payload.arrayValue)).map { try value($0) }))
        case "dict":
            let dict = PyDict()
            for entry in try #require(payload.arrayValue) {
                let pair = try #require(entry.arrayValue)
                dict.storage[try HashKey(try value(pair[0]))] = try value(pair[1])
            }
            return .dict(dict)
        case "int":
            let text = try #require(payload.stringValue)
            return Value.integer(try #require(BigInt(text)))
        case "float": return .float(try double(payload))
        case "bool": return .bool(payload.stringValue == "True")
        case "str": return .str(try #require(payload.stringValue))
        default: return .none
        }
    }

    /// A float written by Python's float.hex() ("0x1.8p+1", "inf", "-inf", "nan").
    static func double(_ payload: JSONValue) throws -> Double {
        let text = try #require(payload.stringValue)
        return try #require(Double(text))
    }

    /// {"ok": text} or {"error": "Type: message"} against what `body` gives.
    static func outcome(_ body: () throws -> String) -> [String: String] {
        do { return ["ok": try body()] } catch let e as PyError { return ["error": e.description] } catch {
            return ["error": "\(error)"]
        }
    }

    static func expected(_ json: JSONValue) -> [String: String] {
        if let ok = json["ok"]?.stringValue { return ["ok": ok] }
        return ["error": json["error"]?.stringValue ?? "?"]
    }
}

/// Enough of an interpreter for the Format code: scalars print through FloatRepr/StringRepr, containers by a
/// plain join, items of lists, tuples, dicts and strings, no attributes.
final class FormatTestContext: Context {
    struct NoModels: ModelHost {
        func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel { throw ModelUnavailable(model: reference) }
        func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel { throw ModelUnavailable(model: reference) }
    }

    var host: any ModelHost { NoModels() }
    var dataDirectory: URL? { nil }

    func call(_ callable: Value, _ arguments: Arguments) throws -> Value {
        guard case .object(let o) = callable, let f = o as? PyCallable else { throw PyError.type("not callable") }
        return try f.call(arguments, self)
    }

    func repr(_ value: Value) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return String(b)
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .list(let l): return "[" + (try l.items.map { try repr($0) }).joined(separator: ", ") + "]"
        case .tuple(let t):
            return t.count == 1 ? "(\(try repr(t[0])),)" : "(" + (try t.map { try repr($0) }).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + (try d.storage.map { "\(try repr($0.key.value)): \(try repr($0.value))" }).joined(separator: ", ") + "}"
        case .object(let o): return "<\(o.typeName) object>"
        }
    }

    func str(_ value: Value) throws -> String {
        if case .str(let s) = value { return s }
        return try repr(value)
    }

    func format(_ value: Value, _ spec: String) throws -> String { try Formatter.format(value, spec, self) }

    func truth(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return !d.storage.isEmpty
        case .object: return true
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool { HashKey.keyEquals(a, b) }
    func less(_ a: Value, _ b: Value) throws -> Bool { throw PyError.type("no ordering in the test context") }

    func attribute(_ value: Value, _ name: String) throws -> Value {
        throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
    }

    func item(_ value: Value, _ index: Value) throws -> Value {
        switch (value, index) {
        case (.list(let l), .int(let i)):
            guard let v = l.items[safe: i] else { throw PyError.index("list index out of range") }
            return v
        case (.tuple(let t), .int(let i)):
            guard let v = t[safe: i] else { throw PyError.index("tuple index out of range") }
            return v
        case (.str(let s), .int(let i)):
            let scalars = Array(s.unicodeScalars)
            guard let c = scalars[safe: i] else { throw PyError.index("string index out of range") }
            return .str(String(c))
        case (.list, _), (.tuple, _):
            throw PyError.type("\(value.typeName) indices must be integers or slices, not \(index.typeName)")
        case (.dict(let d), _):
            guard let v = d.storage[try HashKey(index)] else { throw PyError.key(try repr(index)) }
            return v
        default:
            throw PyError.type("'\(value.typeName)' object is not subscriptable")
        }
    }

    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .dict(let d): return d.storage.keys.map(\.value)
        default: throw PyError.type("'\(value.typeName)' object is not iterable")
        }
    }

    func write(_ text: String) throws {}
    func checkDeadline() throws {}
    func reserve(_ count: Int) throws {
        if count > 100_000_000 { throw PyError.memory("") }
    }
}

extension Array {
    /// Python-style index (negative from the end); nil out of range.
    fileprivate subscript(safe i: Int) -> Element? {
        let j = i < 0 ? i + count : i
        return j >= 0 && j < count ? self[j] : nil
    }
}
