// `x[i]`, `x[a:b:c]`, `x[i] = v` and `del x[i]` on str, list, tuple, dict, range and subscriptable objects, with
// negative indices and CPython's messages.

extension Interpreter {
    func item(_ container: Value, _ index: Value) throws -> Value {
        switch container {
        case .list(let l):
            if case .int(let i) = index {
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0 && j < l.items.count else { throw PyError.index("list index out of range") }
                return l.items[j]
            }
            if case .object(let s as PySlice) = index { return .list(PyList(try s.positions(l.items.count).map { l.items[$0] })) }
            return l.items[try position(index, l.items.count, "list")]
        case .tuple(let t):
            if case .object(let s as PySlice) = index { return .tuple(try s.positions(t.count).map { t[$0] }) }
            return t[try position(index, t.count, "tuple")]
        case .str(let s):
            if case .object(let slice as PySlice) = index {
                let scalars = Array(s.unicodeScalars)
                var out = String.UnicodeScalarView()
                for p in try slice.positions(scalars.count) { out.append(scalars[p]) }
                return .str(String(out))
            }
            guard let i = try indexValue(index) else {
                throw PyError.type("string indices must be integers, not '\(index.typeName)'")
            }
            return .str(String(try Self.scalar(of: s, at: i)))
        case .dict(let d):
            let key = try Self.dictKey(index)
            if let v = d.storage[key] { return v }
            switch d.flavor {
            case .counter: return .int(0)
            case .defaultDict(let factory) where !factory.isNone:
                let made = try call(factory, Arguments())
                try reserve(d.storage.count + 1)
                d.storage[key] = made
                return made
            default: throw PyError.key(try repr(index))
            }
        case .object(let o):
            if let r = o as? RangeObject {
                if case .object(let s as PySlice) = index {
                    let (start, _, step, count) = try s.indices(r.count)
                    let first = r.element(start)
                    return .object(RangeObject(start: first, stop: first + count * step * r.step, step: step * r.step))
                }
                return .int(r.element(try position(index, r.count, "range")))
            }
            if let s = o as? PySubscriptable { return try s.item(index, self) }
            throw PyError.type("'\(container.typeName)' object is not subscriptable")
        default:
            throw PyError.type("'\(container.typeName)' object is not subscriptable")
        }
    }

    func setItem(_ container: Value, _ index: Value, _ value: Value) throws {
        switch container {
        case .list(let l):
            if case .object(let s as PySlice) = index {
                guard isIterable(value) else {
                    let extended = (try PySlice.bound(s.step) ?? 1) != 1
                    throw PyError.type(extended ? "must assign iterable to extended slice" : "can only assign an iterable")
                }
                try assignSlice(l, s, try iterate(value))
                return
            }
            l.items[try position(index, l.items.count, "list", assignment: true)] = value
        case .dict(let d):
            let key = try Self.dictKey(index)
            if d.storage[key] == nil { try grow(to: d.storage.count + 1) }
            d.storage[key] = value
        case .object(let o as PySubscriptable):
            try o.setItem(index, value, self)
        default:
            throw PyError.type("'\(container.typeName)' object does not support item assignment")
        }
    }

    func deleteItem(_ container: Value, _ index: Value) throws {
        switch container {
        case .list(let l):
            if case .object(let s as PySlice) = index {
                let doomed = Set(try s.positions(l.items.count))
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            l.items.remove(at: try position(index, l.items.count, "list", assignment: true))
        case .dict(let d):
            guard d.storage.removeValue(forKey: try Self.dictKey(index)) != nil else { throw PyError.key(try repr(index)) }
        default:
            throw PyError.type("'\(container.typeName)' object doesn't support item deletion")
        }
    }

    /// A dict key; slices are unhashable as in CPython.
    static func dictKey(_ index: Value) throws -> HashKey {
        if case .object(is PySlice) = index { throw PyError.type("unhashable type: 'slice'") }
        return try HashKey(index)
    }

    private func assignSlice(_ l: PyList, _ s: PySlice, _ items: [Value]) throws {
        let (start, stop, step, count) = try s.indices(l.items.count)
        if step == 1 {
            try reserve(l.items.count - count + items.count)
            l.items.replaceSubrange(start..<max(start, stop), with: items)
            return
        }
        guard items.count == count else {
            throw PyError.value("attempt to assign sequence of size \(items.count) to extended slice of size \(count)")
        }
        for (k, item) in items.enumerated() { l.items[start + k * step] = item }
    }

    /// The code point at index `i` (negative from the end) without copying the string's scalars.
    static func scalar(of s: String, at i: Int) throws -> Unicode.Scalar {
        let view = s.unicodeScalars
        let offset = i < 0 ? i + view.count : i
        guard offset >= 0, let at = view.index(view.startIndex, offsetBy: offset, limitedBy: view.endIndex),
              at != view.endIndex else { throw PyError.index("string index out of range") }
        return view[at]
    }

    /// An index into a sequence of `count`, negative ones counted from the end.
    func position(_ index: Value, _ count: Int, _ kind: String, assignment: Bool = false) throws -> Int {
        guard let i = try indexValue(index) else {
            throw PyError.type("\(kind) indices must be integers or slices, not \(index.typeName)")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else {
            throw PyError.index(kind == "range" ? "range object index out of range"
                : "\(kind)\(assignment ? " assignment" : "") index out of range")
        }
        return j
    }

    /// An int usable as an index (bools and numpy integer scalars included); nil if `v` is not one.
    func indexValue(_ v: Value) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.index("cannot fit 'int' into an index-sized integer")
        case .object(let o as PyNumeric):
            if case .int(let i)? = try o.scalar(self) { return i }
            return nil
        default: return nil
        }
    }
}
