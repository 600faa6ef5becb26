// `repr(x)` and `str(x)` exactly as CPython prints them: ints (with CPython's 4,300-digit limit), floats, strings,
// containers (with `[...]` for a container inside itself), functions and other objects.

import BigInt

extension Interpreter {
    func repr(_ value: Value) throws -> String {
        var active: Set<ObjectIdentifier> = []
        return try repr(value, &active)
    }

    func str(_ value: Value) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let o):
            if let r = o as? PyRepresentable { return try r.str(self) }
            return try repr(value)
        default: return try repr(value)
        }
    }

    /// `active` holds the containers being printed, to print `[...]` for a cycle.
    private func repr(_ value: Value, _ active: inout Set<ObjectIdentifier>) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return try Self.decimal(b)
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .list(let l):
            let id = ObjectIdentifier(l)
            if active.contains(id) { return "[...]" }
            try enterNesting("while getting the repr of an object")
            active.insert(id)
            defer { active.remove(id); nesting -= 1 }
            return "[" + (try l.items.map { try repr($0, &active) }.joined(separator: ", ")) + "]"
        case .tuple(let t):
            try enterNesting("while getting the repr of an object")
            defer { nesting -= 1 }
            if t.count == 1 { return "(" + (try repr(t[0], &active)) + ",)" }
            return "(" + (try t.map { try repr($0, &active) }.joined(separator: ", ")) + ")"
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if active.contains(id) { return "{...}" }
            try enterNesting("while getting the repr of an object")
            active.insert(id)
            defer { active.remove(id); nesting -= 1 }
            var parts: [String] = []
            if d.flavor.isCounter {   // most common first, as Counter's repr lists them
                for case .tuple(let kv) in try CollectionsModule.mostCommon(d, self) {
                    parts.append(try repr(kv[0], &active) + ": " + repr(kv[1], &active))
                }
            } else {
                for (k, v) in d.storage { parts.append(try repr(k.value, &active) + ": " + repr(v, &active)) }
            }
            let body = "{" + parts.joined(separator: ", ") + "}"
            switch d.flavor {
            case .plain: return body
            case .defaultDict(let factory): return "defaultdict(\(try repr(factory, &active)), \(body))"
            case .counter: return parts.isEmpty ? "Counter()" : "Counter(\(body))"
            }
        case .object(let o):
            if let f = o as? UserFunction { return "<function \(f.code.qualifiedName) at \(address(of: f))>" }
            if let r = o as? PyRepresentable { return try r.repr(self) }
            if let r = o as? RangeObject {
                return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
            }
            return "<\(o.typeName) object at \(address(of: o))>"
        }
    }

    /// Counts one more level of nested containers being printed or compared; CPython's recursion limit bounds it.
    func enterNesting(_ doing: String) throws {
        guard depth + nesting < Interpreter.recursionLimit else {
            throw PyError(.exception("RecursionError"), "maximum recursion depth exceeded \(doing)")
        }
        nesting += 1
    }

    /// CPython refuses to print ints of more than 4,300 digits.
    static func decimal(_ b: BigInt) throws -> String {
        // 10**4300 has 14,285 bits: anything wider has too many digits; anything under 14,281 bits few enough.
        let bits = b.magnitude.bitWidth
        if bits > 14_286 || (bits > 14_280 && b.magnitude.description.count > 4300) {
            throw PyError.value("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        }
        return b.description
    }
}
