// The arithmetic of sentence-transformers' score functions on dense matrices, in the dtype torch computes in:
// float32 operands give float32 results (products summed in Double, rounded once to Float, where torch's BLAS
// sums in Float: the two agree to about 1e-7), float64 stays Double, int64 wraps as torch does.
// Shapes: a (n, d) and b (m, d) give (n, m) matrices; the pairwise forms take (n, d) and (n, d) and give (n).

enum ScoreKernels {
    /// Rounds a result to the dtype's precision.
    static func rounded(_ x: Double, _ dtype: PyArray.DType) -> Double {
        switch dtype {
        case .float32: return Double(Float(x))
        case .int64, .int32, .bool: return x
        case .float64: return x
        }
    }

    /// torch.nn.functional.normalize(x, p=2, dim=-1): each last-dimension vector over max(‖v‖, 1e-12).
    static func normalize(_ t: TensorOperand) throws -> TensorOperand {
        guard t.isFloatingPoint else {
            throw PyError(.exception("NotImplementedError"),
                          "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(TensorOperand.scalarTypeName(t.dtype))")
        }
        let width = t.shape.last ?? 1
        var out = t
        guard width > 0 else { return out }
        for start in stride(from: 0, to: t.values.count, by: width) {
            var squares = 0.0
            for x in t.values[start..<start + width] { squares += x * x }
            if t.dtype == .float32 {
                let norm = max(Float(squares.squareRoot()), Float(1e-12))
                for i in start..<start + width { out.values[i] = Double(Float(t.values[i]) / norm) }
            } else {
                let norm = max(squares.squareRoot(), 1e-12)
                for i in start..<start + width { out.values[i] = t.values[i] / norm }
            }
        }
        return out
    }

    /// torch.mm(a, b.transpose(0, 1)) with torch's checks and messages.
    static func matmulTransposed(_ a: TensorOperand, _ b: TensorOperand) throws -> TensorOperand {
        guard a.rank == 2 else { throw runtime("mm: self must be a matrix, got \(a.rank)-D tensor") }
        guard b.rank == 2 else { throw runtime("mm: mat2 must be a matrix, got \(b.rank)-D tensor") }
        guard a.dtype == b.dtype else {
            throw runtime("expected m1 and m2 to have the same dtype, but got: \(TensorOperand.cTypeName(a.dtype)) != \(TensorOperand.cTypeName(b.dtype))")
        }
        let (n, d, m) = (a.shape[0], a.shape[1], b.shape[0])
        guard b.shape[1] == d else {
            throw runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(n)x\(d) and \(b.shape[1])x\(m))")
        }
        guard a.dtype != .bool else { throw runtime("\"addmm_impl_cpu_\" not implemented for 'Bool'") }
        var out = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                out[i * m + j] = dot(a.values, i * d, b.values, j * d, d, a.dtype)
            }
        }
        return TensorOperand(dtype: a.dtype, shape: [n, m], values: out)
    }

    static func dot(_ x: [Double], _ xs: Int, _ y: [Double], _ ys: Int, _ d: Int, _ dtype: PyArray.DType) -> Double {
        if dtype == .int64 || dtype == .int32 {
            var s = 0
            for k in 0..<d { s = s &+ Int(x[xs + k]) &* Int(y[ys + k]) }
            return Double(s)
        }
        var s = 0.0
        for k in 0..<d { s += x[xs + k] * y[ys + k] }
        return rounded(s, dtype)
    }

    /// torch.cdist(a, b, p) for p = 1 or 2. For p = 2 with more than 25 rows on either side torch forms
    /// ‖a‖² - 2a·b + ‖b‖² in one product (clamped at 0), whose rounding leaves small nonzero self-distances; so here.
    static func cdist(_ a: TensorOperand, _ b: TensorOperand, p: Int) throws -> TensorOperand {
        guard a.isFloatingPoint else { throw runtime("cdist only supports floating-point dtypes, X1 got: \(TensorOperand.scalarTypeName(a.dtype))") }
        guard b.isFloatingPoint else { throw runtime("cdist only supports floating-point dtypes, X2 got: \(TensorOperand.scalarTypeName(b.dtype))") }
        guard a.dtype == b.dtype else {
            throw runtime("expected scalar type \(TensorOperand.scalarTypeName(a.dtype)) but found \(TensorOperand.scalarTypeName(b.dtype))")
        }
        guard a.rank >= 2 else { throw runtime("cdist only supports at least 2D tensors, X1 got: \(a.rank)D") }
        guard b.rank >= 2 else { throw runtime("cdist only supports at least 2D tensors, X2 got: \(b.rank)D") }
        guard a.rank == 2, b.rank == 2 else { throw PyError.unsupported("cdist of batched (3-D) tensors is not supported in Quill cells") }
        let (n, d, m) = (a.shape[0], a.shape[1], b.shape[0])
        guard b.shape[1] == d else { throw runtime("X1 and X2 must have the same number of columns. X1: \(d) X2: \(b.shape[1])") }
        let dtype = a.dtype
        var out = [Double](repeating: 0, count: n * m)
        if p == 2 && (n > 25 || m > 25) {
            let na = (0..<n).map { rounded(squaredNorm(a.values, $0 * d, d), dtype) }
            let nb = (0..<m).map { rounded(squaredNorm(b.values, $0 * d, d), dtype) }
            for i in 0..<n {
                for j in 0..<m {
                    var s = na[i] + nb[j]
                    for k in 0..<d { s += -2 * a.values[i * d + k] * b.values[j * d + k] }
                    out[i * m + j] = rounded(max(0, rounded(s, dtype)).squareRoot(), dtype)
                }
            }
        } else {
            for i in 0..<n {
                for j in 0..<m {
                    var s = 0.0
                    for k in 0..<d {
                        let diff = rounded(a.values[i * d + k] - b.values[j * d + k], dtype)
                        s += p == 1 ? abs(diff) : diff * diff
                    }
                    out[i * m + j] = rounded(p == 1 ? s : rounded(s, dtype).squareRoot(), dtype)
                }
            }
        }
        return TensorOperand(dtype: dtype, shape: [n, m], values: out)
    }

    static func squaredNorm(_ x: [Double], _ start: Int, _ d: Int) -> Double {
        var s = 0.0
        for k in 0..<d { s += x[start + k] * x[start + k] }
        return s
    }

    /// a[i] against b[i] over the last dimension (the pairwise scores), with torch's broadcasting of size-1 dims:
    /// (n, d) and (n, d), or (1, d) and (n, d), give (n).
    static func pairwise(_ a: TensorOperand, _ b: TensorOperand,
                         _ reduce: (ArraySlice<Double>, ArraySlice<Double>, PyArray.DType) -> Double) throws -> TensorOperand {
        let rank = max(a.rank, b.rank)
        let sa = [Int](repeating: 1, count: rank - a.rank) + a.shape
        let sb = [Int](repeating: 1, count: rank - b.rank) + b.shape
        var shape: [Int] = []
        for i in 0..<rank {
            guard sa[i] == sb[i] || sa[i] == 1 || sb[i] == 1 else {
                throw runtime("The size of tensor a (\(sa[i])) must match the size of tensor b (\(sb[i])) at non-singleton dimension \(i)")
            }
            shape.append(sa[i] == 1 ? sb[i] : sa[i])
        }
        guard rank >= 1, rank <= 2 else { throw PyError.unsupported("pairwise scores of \(rank)-D tensors are not supported in Quill cells") }
        let width = shape[rank - 1], rows = rank == 2 ? shape[0] : 1
        let dtype = TensorOperand.promoted([a.dtype, b.dtype]) ?? a.dtype
        func vector(_ t: TensorOperand, _ s: [Int], _ row: Int) -> ArraySlice<Double> {
            let r = rank == 2 && s[0] > 1 ? row : 0
            let w = s[rank - 1]
            let v = t.values[r * w..<(r + 1) * w]
            return w == width ? v : ArraySlice(repeatElement(v.first ?? 0, count: width))
        }
        let out = (0..<rows).map { reduce(vector(a, sa, $0), vector(b, sb, $0), dtype) }
        return TensorOperand(dtype: dtype, shape: Array(shape.dropLast()), values: out)
    }

    static func runtime(_ message: String) -> PyError { PyError(.exception("RuntimeError"), message) }
}
