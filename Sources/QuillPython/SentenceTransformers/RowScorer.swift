// One score function between the rows of a (n, d) and b (m, d), a row of the (n, m) result at a time, so that
// semantic_search and paraphrase_mining need memory for one row of scores, not the whole matrix. The checks and
// messages are torch's (torch.mm for cos_sim and dot_score, torch.cdist for the distances); so is the arithmetic's
// dtype: float32 gives float32 (products summed in Double, rounded once to Float, where torch's BLAS sums in Float:
// they agree to about 1e-7), float64 stays Double, int64 wraps. For euclidean_sim with more than 25 rows on either
// side torch.cdist forms ‖a‖² - 2a·b + ‖b‖² in one product, clamped at 0 (near-zero distances come out as rounding
// noise); so does this.

struct RowScorer {
    let kind: LibraryFunction.ScoreKind
    let dtype: PyArray.DType
    let rows: Int
    let columns: Int
    private let width: Int
    private let a: [Double]
    private let b: [Double]
    /// Squared norms for the matrix-product form of the Euclidean distance (nil: the direct form).
    private let squaredNorms: (a: [Double], b: [Double])?

    init(_ kind: LibraryFunction.ScoreKind, _ x: TensorOperand, _ y: TensorOperand) throws {
        self.kind = kind
        var x = x, y = y
        switch kind {
        case .cosine, .dot:
            if kind == .cosine {
                x = try ScoreKernels.normalize(x)
                y = try ScoreKernels.normalize(y)
            }
            guard x.rank == 2 else { throw ScoreKernels.runtime("mm: self must be a matrix, got \(x.rank)-D tensor") }
            guard y.rank == 2 else { throw ScoreKernels.runtime("mm: mat2 must be a matrix, got \(y.rank)-D tensor") }
            guard x.dtype == y.dtype else {
                throw ScoreKernels.runtime("expected m1 and m2 to have the same dtype, but got: \(TensorOperand.cTypeName(x.dtype)) != \(TensorOperand.cTypeName(y.dtype))")
            }
            guard y.shape[1] == x.shape[1] else {
                throw ScoreKernels.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(x.shape[0])x\(x.shape[1]) and \(y.shape[1])x\(y.shape[0]))")
            }
            guard x.dtype != .bool else { throw ScoreKernels.runtime("\"addmm_impl_cpu_\" not implemented for 'Bool'") }
        case .euclidean, .manhattan:
            let name = TensorOperand.scalarTypeName
            guard x.isFloatingPoint else { throw ScoreKernels.runtime("cdist only supports floating-point dtypes, X1 got: \(name(x.dtype))") }
            guard y.isFloatingPoint else { throw ScoreKernels.runtime("cdist only supports floating-point dtypes, X2 got: \(name(y.dtype))") }
            guard x.dtype == y.dtype else { throw ScoreKernels.runtime("expected scalar type \(name(x.dtype)) but found \(name(y.dtype))") }
            guard x.rank >= 2 else { throw ScoreKernels.runtime("cdist only supports at least 2D tensors, X1 got: \(x.rank)D") }
            guard y.rank >= 2 else { throw ScoreKernels.runtime("cdist only supports at least 2D tensors, X2 got: \(y.rank)D") }
            guard x.rank == 2, y.rank == 2 else { throw PyError.unsupported("cdist of batched (3-D) tensors is not supported in Quill cells") }
            guard y.shape[1] == x.shape[1] else {
                throw ScoreKernels.runtime("X1 and X2 must have the same number of columns. X1: \(x.shape[1]) X2: \(y.shape[1])")
            }
        }
        dtype = x.dtype
        (rows, width, columns) = (x.shape[0], x.shape[1], y.shape[0])
        (a, b) = (x.values, y.values)
        if kind == .euclidean && (rows > 25 || columns > 25) {
            let (d, t) = (width, x.dtype)
            squaredNorms = ((0..<rows).map { ScoreKernels.rounded(Self.dot(x.values, $0 * d, x.values, $0 * d, d), t) },
                            (0..<columns).map { ScoreKernels.rounded(Self.dot(y.values, $0 * d, y.values, $0 * d, d), t) })
        } else {
            squaredNorms = nil
        }
    }

    /// Row i of the scores: (m), negated distances for euclidean and manhattan.
    func row(_ i: Int) -> [Double] {
        let d = width
        return (0..<columns).map { j in
            switch kind {
            case .cosine, .dot:
                if dtype == .int64 || dtype == .int32 {
                    var s = 0
                    for k in 0..<d { s = s &+ Int(a[i * d + k]) &* Int(b[j * d + k]) }
                    return Double(s)
                }
                return ScoreKernels.rounded(Self.dot(a, i * d, b, j * d, d), dtype)
            case .euclidean:
                if let norms = squaredNorms {
                    let s = norms.a[i] + norms.b[j] - 2 * Self.dot(a, i * d, b, j * d, d)
                    return -ScoreKernels.rounded(max(0, ScoreKernels.rounded(s, dtype)).squareRoot(), dtype)
                }
                var s = 0.0
                for k in 0..<d { let diff = ScoreKernels.rounded(a[i * d + k] - b[j * d + k], dtype); s += diff * diff }
                return -ScoreKernels.rounded(ScoreKernels.rounded(s, dtype).squareRoot(), dtype)
            case .manhattan:
                var s = 0.0
                for k in 0..<d { s += abs(ScoreKernels.rounded(a[i * d + k] - b[j * d + k], dtype)) }
                return -ScoreKernels.rounded(s, dtype)
            }
        }
    }

    /// The whole (n, m) matrix.
    func matrix() -> TensorOperand {
        TensorOperand(dtype: dtype, shape: [rows, columns], values: (0..<rows).flatMap(row))
    }

    static func dot(_ x: [Double], _ xs: Int, _ y: [Double], _ ys: Int, _ d: Int) -> Double {
        var s = 0.0
        for k in 0..<d { s += x[xs + k] * y[ys + k] }
        return s
    }
}
