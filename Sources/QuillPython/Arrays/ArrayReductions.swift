// sum, mean, max, min, argmax and argmin over all elements or along one axis. Float sums follow each library's
// order exactly, so float32 sums and means match to the bit: numpy's pairwise summation in the array's dtype along
// the last axis and over all elements, one element after another along other axes; torch's cascade (TorchSum).

extension PyArray {
    enum Reduction: String { case sum, mean, max, min, argmax, argmin }

    /// The reduction over all elements (axis nil: a 0-d result) or along `axis` (negative from the end);
    /// `keepDims` keeps the reduced axes with length 1.
    func reduce(_ kind: Reduction, axis requested: Int?, keepDims: Bool = false) throws -> PyArray {
        if kind == .mean && !dtype.isFloat && library == .torch {
            throw PyError(.exception("NotImplementedError"), "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(PyArray.torchTypeWord(dtype))")
        }
        var axis: Int?
        if let requested, shape.isEmpty, library == .numpy {
            // numpy reduces a 0-d array along axis 0 or -1 (except in mean, which checks the axis).
            if kind == .mean || (requested != 0 && requested != -1) { throw axisError(requested) }
        } else {
            axis = try requested.map { try normalisedAxis($0) }
        }
        if shape.isEmpty { axis = nil }
        let resultType: DType
        switch kind {
        case .sum: resultType = dtype.isFloat ? dtype : .int64
        case .mean: resultType = dtype.isFloat ? dtype : .float64
        case .max, .min: resultType = dtype
        case .argmax, .argmin: resultType = .int64
        }
        let (outer, length, inner) = axis.map { lanes($0) } ?? (1, scalars.count, 1)
        if length == 0, kind != .sum, kind != .mean {
            throw emptyReduction(kind, axis: axis)
        }
        var values: [Double] = []
        if library == .torch && dtype.isFloat && (kind == .sum || kind == .mean) {
            // torch adds floats in its own order.
            values = axis.map { TorchSum.along(scalars, shape: self.shape, axis: $0, dtype) } ?? [TorchSum.total(scalars, dtype)]
            if kind == .mean { values = values.map { dtype.cast($0 / dtype.cast(Double(length))) } }
        } else {
            values.reserveCapacity(outer * inner)
            for o in 0..<outer {
                for i in 0..<inner {
                    let lane = (0..<length).map { scalars[o * length * inner + $0 * inner + i] }
                    values.append(PyArray.reduceLane(kind, lane, resultType, pairwise: inner == 1))
                }
            }
        }
        var shape = self.shape
        if let axis {
            if keepDims { shape[axis] = 1 } else { shape.remove(at: axis) }
        } else {
            shape = keepDims ? shape.map { _ in 1 } : []
        }
        return PyArray.result(library, resultType, shape, values)
    }

    /// (elements before, along, after) the axis.
    private func lanes(_ axis: Int) -> (Int, Int, Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    /// `axis` in 0..<ndim; numpy's AxisError or torch's IndexError otherwise.
    func normalisedAxis(_ axis: Int) throws -> Int {
        let n = shape.count
        let a = axis < 0 ? axis + n : axis
        guard a >= 0 && a < Swift.max(n, library == .torch ? 1 : 0) else { throw axisError(axis) }
        return a
    }

    /// numpy's AxisError or torch's IndexError for an axis this array does not have.
    private func axisError(_ axis: Int) -> PyError {
        let n = shape.count
        if library == .numpy { return PyError(.exception("AxisError"), "axis \(axis) is out of bounds for array of dimension \(n)") }
        let high = Swift.max(n, 1)
        return .index("Dimension out of range (expected to be in range of [\(-high), \(high - 1)], but got \(axis))")
    }

    private func emptyReduction(_ kind: Reduction, axis: Int?) -> PyError {
        if library == .numpy {
            switch kind {
            case .argmax, .argmin: return .value("attempt to get \(kind.rawValue) of an empty sequence")
            default: return .value("zero-size array to reduction operation \(kind == .max ? "maximum" : "minimum") which has no identity")
            }
        }
        if let axis {
            return PyError.index("\(kind.rawValue)(): Expected reduction dim \(axis) to have non-zero size.")
        }
        if kind == .argmax || kind == .argmin {
            return PyError.index("\(kind.rawValue)(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        return PyError(.exception("RuntimeError"), "\(kind.rawValue)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
    }

    private static func reduceLane(_ kind: Reduction, _ lane: [Double], _ dtype: DType, pairwise: Bool) -> Double {
        switch kind {
        case .sum, .mean:
            var sum: Double
            if !dtype.isFloat {
                sum = lane.reduce(0, +)
            } else if pairwise {
                sum = pairwiseSum(lane[...], dtype)
            } else {
                sum = lane.reduce(0) { dtype.cast($0 + $1) }
            }
            if kind == .mean { sum = dtype.cast(sum / dtype.cast(Double(lane.count))) }
            return sum
        case .max, .min, .argmax, .argmin:
            var best = 0
            for j in lane.indices.dropFirst() where !lane[best].isNaN {
                if lane[j].isNaN || (kind == .max || kind == .argmax ? lane[j] > lane[best] : lane[j] < lane[best]) { best = j }
            }
            return kind == .max || kind == .min ? lane[best] : Double(best)
        }
    }

    /// numpy's pairwise summation: eight running sums over blocks of up to 128 elements, halves above that;
    /// every addition rounded to the dtype.
    static func pairwiseSum(_ values: ArraySlice<Double>, _ dtype: DType) -> Double {
        let n = values.count, start = values.startIndex
        if n < 8 {
            return values.reduce(0) { dtype.cast($0 + $1) }
        }
        if n <= 128 {
            var r = Array(values[start..<start + 8])
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] = dtype.cast(r[j] + values[start + i + j]) }
                i += 8
            }
            let c = dtype.cast
            var result = c(c(c(r[0] + r[1]) + c(r[2] + r[3])) + c(c(r[4] + r[5]) + c(r[6] + r[7])))
            while i < n {
                result = c(result + values[start + i])
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return dtype.cast(pairwiseSum(values[start..<start + half], dtype) + pairwiseSum(values[(start + half)...], dtype))
    }

    /// torch's C++ name of a dtype in messages: Long, Int, Bool, Float, Double.
    static func torchTypeWord(_ dtype: DType) -> String {
        switch dtype {
        case .int64: return "Long"
        case .int32: return "Int"
        case .bool: return "Bool"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }
}
