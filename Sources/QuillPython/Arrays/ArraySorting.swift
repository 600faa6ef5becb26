// argsort, sort and topk along one axis. NaN sorts above every number (last ascending, first descending), as
// in numpy and torch. Equal values keep their order (lower index first, in both directions): numpy's default
// quicksort and torch's CPU topk are not stable and may order ties otherwise; distinct values agree exactly.

extension PyArray {
    /// For each lane along `axis`, the positions along it in sorted order.
    private func sortedPositions(axis: Int, descending: Bool) -> (lanes: Int, length: Int, inner: Int, order: [[Int]]) {
        let outer = shape[..<axis].reduce(1, *), length = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        var order: [[Int]] = []
        for o in 0..<outer {
            for i in 0..<inner {
                let lane = (0..<length).map { scalars[o * length * inner + $0 * inner + i] }
                order.append(lane.indices.sorted { PyArray.before(lane[$0], $0, lane[$1], $1, descending: descending) })
            }
        }
        return (outer * inner, length, inner, order)
    }

    /// Strict ordering with NaN above everything and ties by position.
    private static func before(_ x: Double, _ i: Int, _ y: Double, _ j: Int, descending: Bool) -> Bool {
        if x.isNaN || y.isNaN {
            if x.isNaN && y.isNaN { return i < j }
            return descending ? x.isNaN : y.isNaN
        }
        if x == y { return i < j }
        return descending ? x > y : x < y
    }

    /// Puts per-lane lists (each `count` long) back into row-major order along `axis`.
    private func assemble(_ lanes: [[Double]], axis: Int, count: Int) -> [Double] {
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        var result = [Double](repeating: 0, count: outer * count * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let lane = lanes[o * inner + i]
                for j in 0..<count { result[o * count * inner + j * inner + i] = lane[j] }
            }
        }
        return result
    }

    /// `argsort(axis)`: int64 positions; axis nil sorts the flattened array.
    func argsort(axis: Int?, descending: Bool = false) throws -> PyArray {
        if shape.isEmpty { return make(.int64, [], [0], numpyScalar: false) }
        guard let requested = axis else {
            return try make(dtype, [scalars.count], scalars).argsort(axis: 0, descending: descending)
        }
        let a = try normalisedAxis(requested)
        let sorted = sortedPositions(axis: a, descending: descending)
        let values = assemble(sorted.order.map { $0.map(Double.init) }, axis: a, count: sorted.length)
        return make(.int64, shape, values)
    }

    /// `sort(dim, descending)`: the sorted values and their positions.
    func sort(axis: Int, descending: Bool) throws -> (values: PyArray, indices: PyArray) {
        if shape.isEmpty { return (make(dtype, [], scalars), make(.int64, [], [0])) }
        let a = try normalisedAxis(axis)
        let sorted = sortedPositions(axis: a, descending: descending)
        let inner = sorted.inner, length = sorted.length
        let laneValues = sorted.order.enumerated().map { (k, order) -> [Double] in
            let (o, i) = (k / inner, k % inner)
            return order.map { scalars[o * length * inner + $0 * inner + i] }
        }
        return (make(dtype, shape, assemble(laneValues, axis: a, count: length)),
                make(.int64, shape, assemble(sorted.order.map { $0.map(Double.init) }, axis: a, count: length)))
    }

    /// `topk(k, dim, largest)`: the k largest (or smallest) values along `axis`, in order, and their positions.
    func topk(_ k: Int, axis: Int, largest: Bool) throws -> (values: PyArray, indices: PyArray) {
        let sorted = try sort(axis: axis, descending: largest)
        let a = shape.isEmpty ? 0 : try normalisedAxis(axis)
        let length = shape.isEmpty ? 1 : shape[a]
        guard k >= 0 && k <= length else { throw PyError(.exception("RuntimeError"), "selected index k out of range") }
        if shape.isEmpty { return sorted }
        var kept = shape
        kept[a] = k
        let index = Value.tuple((0..<shape.count).map { axis in
            .object(PySlice(lower: .none, upper: axis == a ? .int(k) : .none, step: .none))
        })
        let values = try ArrayIndex(index, in: sorted.values).positions
        return (make(dtype, kept, values.map { sorted.values.scalars[$0] }),
                make(.int64, kept, values.map { sorted.indices.scalars[$0] }))
    }
}
