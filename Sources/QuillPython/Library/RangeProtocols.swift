// `range` as Python has it: `range(0, 3)` as its repr, len, indexing (negative indices too), `in` without
// iterating, and iteration.

extension RangeObject: PyIterable, PySubscriptable, PyRepresentable, PyContainer {
    public func repr(_ context: any Context) throws -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    public func items(_ context: any Context) throws -> [Value] {
        let n = count
        try context.reserve(n)
        var out: [Value] = []
        out.reserveCapacity(n)
        for i in 0..<n { out.append(.int(element(i))) }
        return out
    }

    public func length(_ context: any Context) throws -> Int? { count }

    public func item(_ index: Value, _ context: any Context) throws -> Value {
        let i: Int
        switch index {
        case .int, .bool, .bigInt: i = (try? Check.index(index, context)) ?? Int.max
        case .object(let o) where o is any PyNumeric:
            i = try Check.index(index, context)
        default:
            throw PyError.type("range indices must be integers or slices, not \(index.typeName)")
        }
        let n = count
        let k = i < 0 ? i + n : i
        guard k >= 0 && k < n else { throw PyError.index("range object index out of range") }
        return .int(element(k))
    }

    /// `x in range(...)`: arithmetic for integers (and integral floats), without building the range.
    public func contains(_ value: Value, _ context: any Context) throws -> Bool {
        let x: Int
        switch value {
        case .int(let i): x = i
        case .bool(let b): x = b ? 1 : 0
        case .float(let d):
            guard let i = Int(exactly: d) else { return false }
            x = i
        default:
            for i in 0..<count where try context.equals(.int(element(i)), value) { return true }
            return false
        }
        if step > 0 ? !(start <= x && x < stop) : !(stop < x && x <= start) { return false }
        return (x - start) % step == 0
    }
}

/// Objects that answer `x in obj` themselves (ranges, dict views, files), rather than by iteration.
public protocol PyContainer: PyObject {
    func contains(_ value: Value, _ context: any Context) throws -> Bool
}
