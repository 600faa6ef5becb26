// Changing shape without changing elements: reshape (with one -1), flatten, squeeze, unsqueeze, transpose; and
// joining arrays: stack (a new axis) and concatenate / cat (an existing one).

extension PyArray {
    /// A view: assignments to its elements reach this array.
    private func view(_ shape: [Int], _ positions: [Int]) -> PyArray {
        let result = make(dtype, shape, positions.map { scalars[$0] })
        result.base = (self, positions)
        return result
    }

    func reshaped(_ requested: [Int]) throws -> PyArray {
        let unknown = requested.filter { $0 == -1 }.count
        guard unknown <= 1 else {
            throw library == .numpy ? PyError.value("can only specify one unknown dimension")
                : PyError(.exception("RuntimeError"), "only one dimension can be inferred")
        }
        var dims = requested
        let known = requested.filter { $0 != -1 }.reduce(1, *)
        if let i = dims.firstIndex(of: -1), known > 0, scalars.count % known == 0 { dims[i] = scalars.count / known }
        guard !dims.contains(where: { $0 < 0 }), dims.reduce(1, *) == scalars.count else {
            if library == .numpy {
                throw PyError.value("cannot reshape array of size \(scalars.count) into shape \(NumpyPrinter.compactShape(requested))")
            }
            throw PyError(.exception("RuntimeError"), "shape '\(Broadcast.list(requested))' is invalid for input of size \(scalars.count)")
        }
        return view(dims, Array(scalars.indices))
    }

    func flattened() -> PyArray { make(dtype, [scalars.count], scalars) }

    /// Without axes of length 1 (all of them, or the one given).
    func squeezed(axis: Int?) throws -> PyArray {
        guard let requested = axis else { return view(shape.filter { $0 != 1 }, Array(scalars.indices)) }
        let a = try normalisedAxis(requested)
        guard shape.indices.contains(a) else { return self }
        if shape[a] != 1 {
            if library == .numpy { throw PyError.value("cannot select an axis to squeeze out which has size not equal to one") }
            return self
        }
        var dims = shape
        dims.remove(at: a)
        return view(dims, Array(scalars.indices))
    }

    /// With a new axis of length 1 at `axis` (counted among the result's axes).
    func unsqueezed(_ axis: Int) throws -> PyArray {
        let n = shape.count + 1
        let a = axis < 0 ? axis + n : axis
        guard a >= 0 && a < n else {
            throw PyError.index("Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(axis))")
        }
        var dims = shape
        dims.insert(1, at: a)
        return view(dims, Array(scalars.indices))
    }

    /// `.T`: the axes in reverse order.
    func transposed() -> PyArray {
        let reversed = Array(shape.reversed())
        let strides = ArrayLayout(shape: shape).strides.reversed()
        var positions = [0]
        for (length, stride) in zip(reversed, strides) {
            positions = positions.flatMap { base in (0..<length).map { base + $0 * stride } }
        }
        return view(reversed, positions)
    }

    /// `np.stack` / `torch.stack`: arrays of one shape along a new axis.
    static func stack(_ arrays: [PyArray], axis: Int, library: Library) throws -> PyArray {
        guard let first = arrays.first else {
            throw library == .numpy ? PyError.value("need at least one array to stack")
                : PyError(.exception("RuntimeError"), "stack expects a non-empty TensorList")
        }
        for (i, a) in arrays.enumerated() where a.shape != first.shape {
            if library == .numpy { throw PyError.value("all input arrays must have the same shape") }
            throw PyError(.exception("RuntimeError"), "stack expects each tensor to be equal size, but got \(Broadcast.list(first.shape)) at entry 0 and \(Broadcast.list(a.shape)) at entry \(i)")
        }
        let expanded = try arrays.map { try $0.unsqueezed(axis) }
        return try concatenate(expanded, axis: axis < 0 ? axis + first.shape.count + 1 : axis, library: library)
    }

    /// `np.concatenate` / `torch.cat`: arrays that agree on every axis but `axis`, joined along it.
    static func concatenate(_ arrays: [PyArray], axis: Int, library: Library) throws -> PyArray {
        guard let first = arrays.first else {
            throw library == .numpy ? PyError.value("need at least one array to concatenate")
                : PyError(.exception("RuntimeError"), "torch.cat(): expected a non-empty list of Tensors")
        }
        if let zeroD = arrays.firstIndex(where: { $0.shape.isEmpty }) {
            throw library == .numpy ? PyError.value("zero-dimensional arrays cannot be concatenated")
                : PyError(.exception("RuntimeError"), "zero-dimensional tensor (at position \(zeroD)) cannot be concatenated")
        }
        let a = try first.normalisedAxis(axis)
        for (i, array) in arrays.enumerated() {
            for d in first.shape.indices where d != a && (array.shape.count != first.shape.count || array.shape[d] != first.shape[d]) {
                if library == .numpy {
                    throw PyError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(first.shape[d]) and the array at index \(i) has size \(array.shape.count > d ? array.shape[d] : 0)")
                }
                throw PyError(.exception("RuntimeError"), "Sizes of tensors must match except in dimension \(a). Expected size \(first.shape[d]) but got size \(array.shape.count > d ? array.shape[d] : 0) for tensor number \(i) in the list.")
            }
        }
        let dtype = arrays.dropFirst().reduce(first.dtype) { combined, next in DType.promote(combined, next.dtype, library) }
        let outer = first.shape[..<a].reduce(1, *)
        var values: [Double] = []
        for o in 0..<outer {
            for array in arrays {
                let block = array.shape[a...].reduce(1, *)
                values += array.scalars[(o * block)..<((o + 1) * block)].map(dtype.cast)
            }
        }
        var shape = first.shape
        shape[a] = arrays.reduce(0) { $0 + $1.shape[a] }
        return PyArray(library: library, dtype: dtype, shape: shape, scalars: values)
    }
}
