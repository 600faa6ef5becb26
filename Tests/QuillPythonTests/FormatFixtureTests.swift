// Shared pieces of the formatting tests: loading the fixtures that Tests/Fixtures/generate/format_cases.py writes
// from CPython and decoding the values they carry; the Format code runs against the shared StandInContext
// (LibraryStandInTests.swift), so that it can be tested without the interpreter.

import Foundation
import QuillJSON
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
