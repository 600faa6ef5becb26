// `a @ b`, np.dot, np.matmul, torch.matmul / mm / dot: vectors, matrices and stacks of matrices (leading axes
// broadcast), with numpy's and torch's messages for mismatched shapes and (torch) dtypes. Sums of products are
// accumulated in Double and rounded once to the result dtype; BLAS accumulates float32 in float32 in an order of
// its own, so the last bit of a float32 product can differ from numpy's and torch's.

enum ArrayMatmul {
    static func product(_ a: PyArray, _ b: PyArray) throws -> PyArray {
        let torch = a.library == .torch || b.library == .torch
        let library: PyArray.Library = torch ? .torch : .numpy
        if a.shape.isEmpty || b.shape.isEmpty {
            if torch {
                throw runtime("both arguments to matmul need to be at least 1D, but they are \(a.shape.count)D and \(b.shape.count)D")
            }
            throw notEnoughDimensions(a.shape.isEmpty ? 0 : 1)
        }
        // As stacks of matrices: a vector on the left is a row, on the right a column.
        let left = a.shape.count == 1 ? [1, a.shape[0]] : a.shape
        let right = b.shape.count == 1 ? [b.shape[0], 1] : b.shape
        let (n, k) = (left[left.count - 2], left[left.count - 1])
        let (k2, m) = (right[right.count - 2], right[right.count - 1])
        let batchA = Array(left.dropLast(2)), batchB = Array(right.dropLast(2))
        let batch = Broadcast.shape(batchA, batchB)
        // torch checks the stacks first, numpy the matrices.
        if torch && batch == nil {
            throw Broadcast.mismatch(batchA, batchB, torch: true)
        }
        guard k == k2 else {
            // torch multiplies a stack by a vector or a matrix as one tall matrix.
            let rows = torch && a.shape.count > 2 && b.shape.count <= 2 ? a.shape.dropLast().reduce(1, *) : n
            throw mismatch(a, b, n: rows, k: k, k2: k2, m: m, batch: batch ?? [], torch: torch)
        }
        if torch && a.dtype != b.dtype { throw dtypeMismatch(a, b) }
        guard let batch else {
            let text = NumpyPrinter.compactShape
            throw PyError.value("operands could not be broadcast together with remapped shapes [original->remapped]: \(text(a.shape))->\(text(batchA + [-1, -1])) \(text(b.shape))->\(text(batchB + [-1, -1]))  and requested shape \(text([n, m]))")
        }
        let dtype = PyArray.combinedDType(a, b, library)
        let x = a.scalars.map(dtype.cast), y = b.scalars.map(dtype.cast)
        let count = batch.reduce(1, *)
        let firstA = Broadcast.positions(batchA, to: batch), firstB = Broadcast.positions(batchB, to: batch)
        var values = [Double](repeating: 0, count: count * n * m)
        for s in 0..<count {
            let (baseA, baseB, baseOut) = (firstA[s] * n * k, firstB[s] * k * m, s * n * m)
            for i in 0..<n {
                for j in 0..<m {
                    // From the first product, not from 0.0, so that a lone -0.0 stays negative as in BLAS.
                    var sum = k == 0 ? 0.0 : x[baseA + i * k] * y[baseB + j]
                    for p in 1..<Swift.max(k, 1) { sum += x[baseA + i * k + p] * y[baseB + p * m + j] }
                    values[baseOut + i * m + j] = dtype.cast(sum)
                }
            }
        }
        var shape = batch
        if a.shape.count >= 2 { shape.append(n) }
        if b.shape.count >= 2 { shape.append(m) }
        return PyArray.result(library, dtype, shape, values)
    }

    static func notEnoughDimensions(_ operand: Int) -> PyError {
        .value("matmul: Input operand \(operand) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    }

    private static func mismatch(_ a: PyArray, _ b: PyArray, n: Int, k: Int, k2: Int, m: Int, batch: [Int], torch: Bool) -> PyError {
        guard torch else {
            return .value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k))")
        }
        switch (min(a.shape.count, 2), b.shape.count) {
        case (1, 1):
            return runtime("inconsistent tensor size, expected tensor [\(k)] and src [\(k2)] to have the same number of elements, but got \(k) and \(k2) elements respectively")
        case (2, 1):
            return runtime("size mismatch, got input (\(n)), mat (\(n)x\(k)), vec (\(k2))")
        case (1, 2), (2, 2):
            return runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(n)x\(k) and \(k2)x\(m))")
        default:
            let count = batch.reduce(1, *)
            return runtime("Expected size for first two dimensions of batch2 tensor to be: [\(count), \(k)] but got: [\(count), \(k2)].")
        }
    }

    /// torch multiplies only tensors of one dtype.
    private static func dtypeMismatch(_ a: PyArray, _ b: PyArray) -> PyError {
        switch (a.shape.count, b.shape.count) {
        case (1, 1):
            return runtime("dot : expected both vectors to have same dtype, but found \(PyArray.torchTypeWord(a.dtype)) and \(PyArray.torchTypeWord(b.dtype))")
        case (2, 1):
            let result = PyArray.combinedDType(a, b, .torch)
            return runtime("addmv input tensors must have the same dtype, but got \(PyArray.torchTypeWord(result)), \(PyArray.torchTypeWord(a.dtype)), and \(PyArray.torchTypeWord(b.dtype))")
        default:
            return runtime("expected m1 and m2 to have the same dtype, but got: \(cName(a.dtype)) != \(cName(b.dtype))")
        }
    }

    /// The C type torch names in matmul messages.
    private static func cName(_ dtype: PyArray.DType) -> String {
        switch dtype {
        case .float32: return "float"
        case .float64: return "double"
        case .int64: return "long int"
        case .int32: return "int"
        case .bool: return "bool"
        }
    }

    /// `np.dot(a, b)`: the matrix product, with numpy's own wording for mismatched shapes.
    static func numpyDot(_ a: PyArray, _ b: PyArray) throws -> PyArray {
        let k = a.shape.last ?? 0
        let kIndex = b.shape.count >= 2 ? b.shape.count - 2 : b.shape.count - 1
        if !a.shape.isEmpty, !b.shape.isEmpty, k != b.shape[kIndex] {
            throw PyError.value("shapes \(NumpyPrinter.shapeTuple(a.shape)) and \(NumpyPrinter.shapeTuple(b.shape)) not aligned: \(k) (dim \(a.shape.count - 1)) != \(b.shape[kIndex]) (dim \(kIndex))")
        }
        return try product(a, b)
    }

    /// `torch.dot(a, b)`: vectors only.
    static func torchDot(_ a: PyArray, _ b: PyArray) throws -> PyArray {
        guard a.shape.count == 1 && b.shape.count == 1 else {
            throw runtime("1D tensors expected, but got \(a.shape.count)D and \(b.shape.count)D tensors")
        }
        return try product(a, b)
    }

    static func runtime(_ message: String) -> PyError { PyError(.exception("RuntimeError"), message) }
}
