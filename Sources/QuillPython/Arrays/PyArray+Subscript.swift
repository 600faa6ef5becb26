// `a[i]`, `a[i, j]`, `a[:, j]`, `a[::-1]`, `a[mask]` and assignment to them; `len(a)`; `for x in a` (rows, or
// numpy scalars / 0-d tensors for a vector).

extension PyArray: PySubscriptable, PyIterable {
    public func item(_ index: Value, _ context: any Context) throws -> Value {
        let selection = try ArrayIndex(index, in: self)
        guard let shape = selection.shape else { return .object(element(selection.positions[0])) }
        let result = make(dtype, shape, selection.positions.map { scalars[$0] })
        if selection.isView { result.base = (self, selection.positions) }
        return .object(result)
    }

    public func setItem(_ index: Value, _ value: Value, _ context: any Context) throws {
        let selection = try ArrayIndex(index, in: self)
        let shape = selection.shape ?? []
        let values: [Double]
        if let (x, _) = PyArray.pythonScalar(value) {
            values = [Double](repeating: x, count: selection.positions.count)
        } else if let source = try PyArray.operand(value, library: library) {
            guard let expanded = Broadcast.expand(source, to: shape) else {
                if library == .numpy {
                    throw PyError.value("could not broadcast input array from shape \(NumpyPrinter.shapeTuple(source.shape)) into shape \(NumpyPrinter.shapeTuple(shape))")
                }
                throw PyError(.exception("RuntimeError"), "shape mismatch: value tensor of shape \(Broadcast.list(source.shape)) cannot be broadcast to indexing result of shape \(Broadcast.list(shape))")
            }
            values = expanded
        } else {
            throw PyError.type("float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        for (k, position) in selection.positions.enumerated() { write(position, dtype.cast(values[k])) }
    }

    /// Sets one element, and the element it came from in the array this one is a view of.
    private func write(_ position: Int, _ x: Double) {
        scalars[position] = x
        if let (array, positions) = base { array.write(positions[position], x) }
    }

    public func length(_ context: any Context) throws -> Int? {
        if isNumpyScalar { throw PyError.type("object of type 'numpy.\(typeName)' has no len()") }
        guard let first = shape.first else {
            throw PyError.type(library == .numpy ? "len() of unsized object" : "len() of a 0-d tensor")
        }
        return first
    }

    public func items(_ context: any Context) throws -> [Value] {
        if isNumpyScalar { throw PyError.type("'numpy.\(typeName)' object is not iterable") }
        guard let count = shape.first else {
            throw PyError.type(library == .numpy ? "iteration over a 0-d array" : "iteration over a 0-d tensor")
        }
        try context.reserve(scalars.count)
        if shape.count == 1 { return (0..<count).map { .object(element($0)) } }
        return rows().map { .object($0) }
    }

    /// The sub-arrays along the first axis, as views (a vector's rows are 0-d).
    func rows() -> [PyArray] {
        guard let count = shape.first else { return [] }
        let size = count == 0 ? 0 : scalars.count / count
        return (0..<count).map { i in
            let positions = Array((i * size)..<((i + 1) * size))
            let row = make(dtype, Array(shape.dropFirst()), positions.map { scalars[$0] })
            row.base = (self, positions)
            return row
        }
    }
}
