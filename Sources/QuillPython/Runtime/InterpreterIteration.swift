// Truth values, iteration into items, and membership (`in`) with Python's rules and messages.

extension Interpreter {
    func truth(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt(let b): return !b.isZero
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return !d.storage.isEmpty
        case .object(let o):
            if let n = o as? PyNumeric, let t = try n.truth(self) { return t }
            if let r = o as? RangeObject { return r.count != 0 }
            if let s = o as? PySubscriptable, let n = try s.length(self) { return n != 0 }
            return true
        }
    }

    /// The items of an iterable, as `list(x)` takes them.
    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .dict(let d): return d.storage.keys.map(\.value)
        case .object(let o):
            if let r = o as? RangeObject {
                try reserve(r.count)
                return (0..<r.count).map { .int(r.element($0)) }
            }
            if let i = o as? PyIterable { return try i.items(self) }
            throw PyError.type("'\(value.typeName)' object is not iterable")
        default:
            throw PyError.type("'\(value.typeName)' object is not iterable")
        }
    }

    func isIterable(_ value: Value) -> Bool {
        switch value {
        case .list, .tuple, .str, .dict: return true
        case .object(let o): return o is RangeObject || o is PyIterable
        default: return false
        }
    }

    /// `item in container`.
    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let part) = item else {
                throw PyError.type("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return Self.bytes(Array(s.utf8), contain: Array(part.utf8))
        case .list(let l): return try sequence(l.items, contains: item)
        case .tuple(let t): return try sequence(t, contains: item)
        case .dict(let d): return d.storage[try HashKey(item)] != nil
        case .object(let o):
            if let c = o as? PyContainer { return try c.contains(item, self) }
            if let r = o as? RangeObject, let n = Self.exactInt(item) {
                let offset = n - r.start
                guard r.count > 0, offset % r.step == 0 else { return false }
                let index = offset / r.step
                return index >= 0 && index < r.count
            }
            if o is RangeObject || o is PyIterable { return try sequence(iterate(container), contains: item) }
            throw PyError.type("argument of type '\(container.typeName)' is not iterable")
        default:
            throw PyError.type("argument of type '\(container.typeName)' is not iterable")
        }
    }

    private func sequence(_ items: [Value], contains item: Value) throws -> Bool {
        for x in items where try identical(x, item) || equals(x, item) { return true }
        return false
    }

    private static func exactInt(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Substring search on UTF-8 bytes (Python compares code points, never canonical equivalents).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        if needle.isEmpty { return 0 }
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
