// Dict keys with Python's equality: numbers compare by value across int, float and bool; strings by code points;
// tuples element by element; other objects by identity. Lists and dicts are unhashable.

import BigInt

public struct HashKey: Hashable {
    public let value: Value

    /// - Throws: TypeError "unhashable type: 'list'" for lists, dicts and unhashable objects.
    public init(_ value: Value) throws {
        try HashKey.checkHashable(value)
        self.value = value
    }

    private static func checkHashable(_ value: Value) throws {
        switch value {
        case .list, .dict: throw PyError.type("unhashable type: '\(value.typeName)'")
        case .tuple(let items): for item in items { try checkHashable(item) }
        default: break
        }
    }

    public static func == (a: HashKey, b: HashKey) -> Bool { keyEquals(a.value, b.value) }

    public func hash(into hasher: inout Hasher) { HashKey.hashValue(value, into: &hasher) }

    /// Python `==` restricted to hashable values (no user code can run here).
    static func keyEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.tuple(let x), .tuple(let y)): return x.count == y.count && zip(x, y).allSatisfy { keyEquals($0, $1) }
        case (.object(let x), .object(let y)): return x === y
        default:
            guard let x = exactNumber(a), let y = exactNumber(b) else { return false }
            return x == y
        }
    }

    /// Numbers that compare equal hash equally: integral floats hash as their integer.
    static func hashValue(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0)
        case .str(let s): hasher.combine(1); for b in s.utf8 { hasher.combine(b) }
        case .tuple(let items): hasher.combine(2); for item in items { hashValue(item, into: &hasher) }
        case .object(let o): hasher.combine(ObjectIdentifier(o))
        default:
            switch exactNumber(value) {
            case .small(let i)?: hasher.combine(3); hasher.combine(i)
            case .big(let b)?: hasher.combine(4); hasher.combine(b)
            case .fraction(let d)?: hasher.combine(5); hasher.combine(d)
            case nil: hasher.combine(6)
            }
        }
    }

    /// An exact numeric key: ints in Int range are `.small` whatever their type, so 1, 1.0 and True agree.
    enum ExactNumber: Equatable {
        case small(Int)
        case big(BigInt)
        /// A non-integral or non-finite float.
        case fraction(Double)
        static func == (a: ExactNumber, b: ExactNumber) -> Bool {
            switch (a, b) {
            case (.small(let x), .small(let y)): return x == y
            case (.big(let x), .big(let y)): return x == y
            case (.fraction(let x), .fraction(let y)): return x == y  // nan != nan, as in Python
            default: return false
            }
        }
    }

    static func exactNumber(_ value: Value) -> ExactNumber? {
        switch value {
        case .bool(let b): return .small(b ? 1 : 0)
        case .int(let i): return .small(i)
        case .bigInt(let b): return Int(exactly: b).map { .small($0) } ?? .big(b)
        case .float(let d):
            guard d.isFinite, d == d.rounded(.towardZero) else { return .fraction(d) }
            if let i = Int(exactly: d) { return .small(i) }
            return .big(BigInt(d))
        default: return nil
        }
    }
}
