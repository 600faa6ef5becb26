// `a[lower:upper:step]`: the slice value passed to subscriptable objects (arrays take it through
// `PySubscriptable.item`), and the index arithmetic of CPython's `slice.indices`.

public final class PySlice: PyObject, PyRepresentable {
    /// Each bound is None or an int (after `__index__` of numpy scalars).
    public let lower: Value
    public let upper: Value
    public let step: Value

    public init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    public var typeName: String { "slice" }

    public func repr(_ context: any Context) throws -> String {
        "slice(\(try context.repr(lower)), \(try context.repr(upper)), \(try context.repr(step)))"
    }

    /// (start, stop, step, count) for a sequence of `length`, as `slice.indices` computes them.
    /// - Throws: ValueError "slice step cannot be zero"; TypeError for bounds that are not ints or None.
    public func indices(_ length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        let step = try PySlice.bound(self.step) ?? 1
        guard step != 0 else { throw PyError.value("slice step cannot be zero") }
        func clamp(_ v: Value, _ defaultValue: Int) throws -> Int {
            guard var i = try PySlice.bound(v) else { return defaultValue }
            if i < 0 {
                i += length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = try clamp(lower, step < 0 ? length - 1 : 0)
        let stop = try clamp(upper, step < 0 ? -1 : length)
        let count: Int
        if step < 0 {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0
        }
        return (start, stop, step, count)
    }

    /// An int bound (huge ints clamp, as CPython's do), nil for None.
    static func bound(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return b.sign == .minus ? Int.min / 2 : Int.max / 2
        default:
            throw PyError.type("slice indices must be integers or None or have an __index__ method")
        }
    }

    /// The positions a slice selects, in order.
    public func positions(_ length: Int) throws -> [Int] {
        let (start, _, step, count) = try indices(length)
        return (0..<count).map { start + $0 * step }
    }
}
