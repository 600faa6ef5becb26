// A JSON value that keeps what Foundation's decoders throw away: the order of object members, every member
// (duplicates are an error, not a silent overwrite), and the exact scalars of each string.
//
// Why not JSONSerialization or JSONDecoder: Swift `String` compares and hashes by canonical equivalence, so a
// `[String: Int]` vocabulary collapses "à" (U+00E0) and "a" + U+0300 into one key; tokenizer vocabularies contain
// both. Here object members stay an ordered array, and keys are compared byte for byte (UTF-8).

/// A parsed JSON document. Numbers keep their source text so that 64-bit integers stay exact.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The number as a Double, if this is a number.
    public var doubleValue: Double? { if case .number(let n) = self { return Double(n) } else { return nil } }

    /// The number as an Int, if it is a number with an exact integer value that fits (e.g. `3`, `3.0`, `1e2`).
    public var intValue: Int? {
        guard case .number(let n) = self else { return nil }
        if let i = Int(n) { return i }
        guard let d = Double(n), d.rounded() == d, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    /// The number as a UInt64, if it is written as a plain non-negative integer (no fraction, no exponent).
    public var uint64Value: UInt64? { if case .number(let n) = self { return UInt64(n) } else { return nil } }

    /// Member lookup on an object (nil for other kinds or a missing key).
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A short name of the kind, for error messages ("string", "object", ...).
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON object: members in document order, keys unique byte for byte.
public struct JSONObject: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public static func == (a: Member, b: Member) -> Bool { a.key.utf8.elementsEqual(b.key.utf8) && a.value == b.value }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The value of the member whose key has exactly these UTF-8 bytes. Linear: meant for small objects.
    public subscript(key: String) -> JSONValue? {
        for m in members where m.key.utf8.elementsEqual(key.utf8) { return m.value }
        return nil
    }
}
