// json.dumps as CPython's json module encodes: dicts, lists and tuples, str with ensure_ascii's \uXXXX escapes
// (surrogate pairs beyond the BMP), floats by repr with NaN / Infinity, indent and separators, sort_keys, key
// conversion (int, float, bool, None keys become strings), default=, and the circular-reference check.

struct JSONEncoding {
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "
    var sortKeys = false
    var ensureASCII = true
    var allowNaN = true
    var skipKeys = false
    var checkCircular = true
    var fallback: Value?
    let context: any Context
    private var output = ""
    private var active: Set<ObjectIdentifier> = []

    init(context: any Context) { self.context = context }

    mutating func encode(_ value: Value) throws -> String {
        output = ""
        try write(value, level: 0)
        return output
    }

    private mutating func write(_ value: Value, level: Int) throws {
        switch value {
        case .none: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .int(let i): output += String(i)
        case .bigInt(let b): output += b.description
        case .float(let d): output += try float(d)
        case .str(let s): output += quoted(s)
        case .list(let l): try sequence(l.items, identity: ObjectIdentifier(l), level: level)
        case .tuple(let t): try sequence(t, identity: nil, level: level)
        case .dict(let d): try mapping(d, level: level)
        case .object(let o):
            guard let fallback else { throw PyError.type("Object of type \(o.typeName) is not JSON serializable") }
            try enter(ObjectIdentifier(o))
            try write(try context.call(fallback, Arguments([value])), level: level)
            active.remove(ObjectIdentifier(o))
        }
        if output.utf8.count & 0xFFFF == 0 { try context.checkDeadline() }
    }

    private func float(_ d: Double) throws -> String {
        if d.isFinite { return try context.repr(.float(d)) }
        guard allowNaN else { throw PyError.value("Out of range float values are not JSON compliant") }
        return d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
    }

    private mutating func enter(_ id: ObjectIdentifier) throws {
        guard checkCircular else { return }
        if active.contains(id) { throw PyError.value("Circular reference detected") }
        active.insert(id)
    }

    /// The newline and indentation before an item at `level`, or nothing on one line.
    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: indent, count: level)
    }

    private mutating func sequence(_ items: [Value], identity: ObjectIdentifier?, level: Int) throws {
        if items.isEmpty { output += "[]"; return }
        if let identity { try enter(identity) }
        output += "["
        for (k, item) in items.enumerated() {
            if k > 0 { output += itemSeparator }
            newline(level + 1)
            try write(item, level: level + 1)
        }
        newline(level)
        output += "]"
        if let identity { active.remove(identity) }
    }

    private mutating func mapping(_ dict: PyDict, level: Int) throws {
        if dict.storage.isEmpty { output += "{}"; return }
        let identity = ObjectIdentifier(dict)
        try enter(identity)
        var entries = Array(dict.storage)
        if sortKeys {
            entries = try Sorting.order(entries.map(\.key.value), descending: false, context).map { entries[$0] }
        }
        output += "{"
        var first = true
        for (key, value) in entries {
            guard let name = try keyString(key.value) else { continue }
            if !first { output += itemSeparator }
            first = false
            newline(level + 1)
            output += quoted(name) + keySeparator
            try write(value, level: level + 1)
        }
        newline(level)
        output += "}"
        active.remove(identity)
    }

    /// A dict key as JSON's string key; nil to skip it (skipkeys=True).
    private func keyString(_ key: Value) throws -> String? {
        switch key {
        case .str(let s): return s
        case .float(let d): return try float(d)
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .int(let i): return String(i)
        case .bigInt(let b): return b.description
        default:
            if skipKeys { return nil }
            throw PyError.type("keys must be str, int, float, bool or None, not \(key.typeName)")
        }
    }

    /// A JSON string literal; ensure_ascii escapes everything outside space...'~'.
    private func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if c.value < 0x20 || (ensureASCII && c.value > 0x7E) {
                    if c.value > 0xFFFF {
                        let v = c.value - 0x10000
                        out += hex(0xD800 + (v >> 10)) + hex(0xDC00 + (v & 0x3FF))
                    } else {
                        out += hex(c.value)
                    }
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    private func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
