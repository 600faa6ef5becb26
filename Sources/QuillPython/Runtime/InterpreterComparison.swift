// Python's comparisons: `==` across int/float/bool exactly and containers element by element, ordering of numbers,
// strings (by code points) and sequences (lexicographic), `is`, and `in`. Arrays (PyNumeric) get the first say.

import BigInt

extension Interpreter {
    /// `a op b` for the six rich comparisons, `is`, `in` and their negations.
    func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(try !contains(b, a))
        default: break
        }
        if case .object(let o) = a, let n = o as? PyNumeric, let r = try n.compare(op, b, reflected: false, self) {
            return r
        }
        if case .object(let o) = b, let n = o as? PyNumeric, let r = try n.compare(op, a, reflected: true, self) {
            return r
        }
        switch op {
        case .equal: return .bool(try equals(a, b))
        case .notEqual: return .bool(try !equals(a, b))
        default: return .bool(try order(op, a, b))
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.none, .none): return true
        case (.list(let x), .list(let y)): return try x === y || sequenceEquals(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEquals(x, y)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            guard x.storage.count == y.storage.count else { return false }
            try enterNesting("in comparison")
            defer { nesting -= 1 }
            for (key, value) in x.storage {
                guard let other = y.storage[key], try equals(value, other) else { return false }
            }
            return true
        case (.object(let x), _):
            if case .object(let y) = b, x === y { return true }
            if x is PyNumeric || b.isNumericObject { return try truth(compare(.equal, a, b)) }
            return false
        case (_, .object): return b.isNumericObject ? try truth(compare(.equal, a, b)) : false
        default:
            if let order = NumberOrder.compare(a, b) { return order == .equal }
            return false
        }
    }

    private func sequenceEquals(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        try enterNesting("in comparison")
        defer { nesting -= 1 }
        for i in x.indices where !identical(x[i], y[i]) {
            if try !equals(x[i], y[i]) { return false }
        }
        return true
    }

    func less(_ a: Value, _ b: Value) throws -> Bool {
        if case .object = a { return try truth(compare(.less, a, b)) }
        if case .object = b { return try truth(compare(.less, a, b)) }
        return try order(.less, a, b)
    }

    /// `<`, `<=`, `>`, `>=` for numbers, strings, lists and tuples.
    private func order(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)):
            return holds(op, x.utf8.lexicographicallyPrecedes(y.utf8) ? .less
                : (x.utf8.elementsEqual(y.utf8) ? .equal : .greater))
        case (.list(let x), .list(let y)): return try sequenceOrder(op, x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrder(op, x, y)
        default:
            if a.isNumber && b.isNumber {
                guard let order = NumberOrder.compare(a, b) else { return false }
                return holds(op, order)
            }
            throw PyError.type("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private func sequenceOrder(_ op: CompareOperator, _ x: [Value], _ y: [Value]) throws -> Bool {
        try enterNesting("in comparison")
        defer { nesting -= 1 }
        for i in 0..<min(x.count, y.count) where !identical(x[i], y[i]) {
            if try equals(x[i], y[i]) { continue }
            return try truth(compare(op, x[i], y[i]))
        }
        return holds(op, x.count < y.count ? .less : (x.count == y.count ? .equal : .greater))
    }

    private func holds(_ op: CompareOperator, _ order: NumberOrder.Order) -> Bool {
        switch op {
        case .less: return order == .less
        case .lessEqual: return order != .greater
        case .greater: return order == .greater
        case .greaterEqual: return order != .less
        case .equal: return order == .equal
        default: return order != .equal
        }
    }

    /// `a is b`: containers and objects by identity; immutable scalars by value (CPython shares equal constants).
    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.bigInt(let x), .bigInt(let y)): return x == y
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.str(let x), .str(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.tuple(let x), .tuple(let y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }
}

extension Value {
    var isNumber: Bool {
        switch self {
        case .int, .bigInt, .float, .bool: return true
        default: return false
        }
    }

    var isNumericObject: Bool {
        if case .object(let o) = self { return o is PyNumeric }
        return false
    }
}
