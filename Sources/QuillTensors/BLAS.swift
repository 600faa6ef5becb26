// The only file that imports CBLAS (OpenBLAS from Debian's libopenblas-dev).
import QuillCBLAS

/// Row-major single-precision GEMM: C = alpha * A · op(B) + beta * C.
///
/// - A: (M, K) with leading dimension `lda` (>= K).
/// - B: (N, K) with leading dimension `ldb` when `transposeB` (PyTorch's `nn.Linear` weight layout, [out, in]),
///   or (K, N) otherwise.
/// - C: (M, N) with leading dimension `ldc` (>= N).
@inlinable
public func sgemm(
    m: Int, n: Int, k: Int,
    alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
    beta: Float = 0,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    if m == 0 || n == 0 { return }
    cblas_sgemm(
        CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// Sets how many threads OpenBLAS may use for one call (the process-wide setting).
public func setBLASThreads(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
}
