// Exact ordering of numbers across int, big int, float and bool, as CPython compares them (no rounding of large
// ints to float: 2**53 + 1 > 2.0**53). NaN is unordered.

import BigInt

enum NumberOrder {
    enum Order { case less, equal, greater }

    /// nil when either value is not a number or is NaN.
    static func compare(_ a: Value, _ b: Value) -> Order? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return ints(x, y)
        case (.float(let x), .float(let y)):
            if x < y { return .less }
            if x > y { return .greater }
            return x == y ? .equal : nil
        case (.float(let x), _):
            return compare(b, x).map(flip)
        case (_, .float(let y)):
            return compare(a, y)
        default:
            guard let x = FloatMath.bigInt(a), let y = FloatMath.bigInt(b) else { return nil }
            return x < y ? .less : (x == y ? .equal : .greater)
        }
    }

    private static func ints(_ x: Int, _ y: Int) -> Order {
        x < y ? .less : (x == y ? .equal : .greater)
    }

    private static func flip(_ o: Order) -> Order {
        switch o {
        case .less: return .greater
        case .greater: return .less
        case .equal: return .equal
        }
    }

    /// An int (any representation) against a float, exactly.
    private static func compare(_ a: Value, _ y: Double) -> Order? {
        if y.isNaN { return nil }
        if y == .infinity { return a.isNumber ? .less : nil }
        if y == -.infinity { return a.isNumber ? .greater : nil }
        if case .int(let x) = a, x.magnitude <= 1 << 53 {
            let dx = Double(x)
            return dx < y ? .less : (dx == y ? .equal : .greater)
        }
        guard let x = FloatMath.bigInt(a) else { return nil }
        let floor = y.rounded(.down)
        let whole = BigInt(floor)
        if x < whole { return .less }
        if x > whole { return .greater }
        return floor == y ? .equal : .less
    }
}
