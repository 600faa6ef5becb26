// Element-wise arithmetic of sentence-transformers' score functions in the dtype torch computes in (float32
// results rounded to Float, float64 kept): F.normalize, and the pairwise scores of a[i] against b[i] with torch's
// broadcasting. The (n, m) score matrices are RowScorer's.

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
