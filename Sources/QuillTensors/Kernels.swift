// Element-wise and row-wise kernels of the encoder, on raw row-major Float32 buffers (the C implementations are in
// Sources/QuillKernels, where the compiler vectorizes them). Shapes: rows = tokens, columns = hidden size.
import QuillKernels

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies `bias` (columns) into every row of `y` (rows, columns): the start of y = x·Wᵀ + b.
@inlinable
public func broadcastRows(_ y: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
    quill_broadcast_rows(y, bias, rows, columns)
}

/// PyTorch's LayerNorm over the last dimension, in place: (x - mean) / sqrt(var + eps) * weight + bias, with the
/// biased variance. When `residual` is given, `x` first becomes x + residual (the post-LN residual add).
/// Statistics accumulate in Double, within an ulp of PyTorch's own for any hidden size.
@inlinable
public func layerNorm(
    _ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    residual: UnsafePointer<Float>? = nil,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, eps: Float
) {
    quill_layer_norm(x, residual, weight, bias, rows, columns, eps)
}

/// GELU in its erf form, x * 0.5 * (1 + erf(x / sqrt(2))), in place: transformers' "gelu". The tanh approximation
/// differs by up to ~5e-4 and must not be used for "gelu". erf is evaluated as PyTorch's CPU kernel does.
@inlinable
public func geluErf(_ x: UnsafeMutablePointer<Float>, count: Int) {
    quill_gelu_erf(x, count)
}

/// GELU's tanh approximation ("gelu_new", "gelu_pytorch_tanh", "gelu_fast"), in place.
@inlinable
public func geluTanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
    quill_gelu_tanh(x, count)
}

/// Numerically stable softmax of each row of `x` (rows, columns), in place.
@inlinable
public func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    quill_softmax_rows(x, rows, columns)
}

/// One head of self-attention over one sequence of `keys` tokens, for its first `queries` tokens:
/// out (queries, D) = softmax(scale · Q Kᵀ + bias) · V, where row i of Q, K and V starts at q, k and v + i·ld (a
/// packed QKV matrix) and row i of out at out + i·ldo. `bias` (nil for none): query i's additive scores over the
/// keys start at bias + i·biasStride, a stride that may be negative (a Toeplitz bias is one vector read with -1).
/// `scratch` holds `attentionScratchCount(keys:headSize:)` floats. `portable` runs the path of CPUs with neither
/// AVX-512 nor AVX2 + FMA (for tests).
@inlinable
public func attentionHead(
    q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, ld: Int,
    out: UnsafeMutablePointer<Float>, ldo: Int, queries: Int, keys: Int, headSize: Int, scale: Float,
    bias: UnsafePointer<Float>? = nil, biasStride: Int = 0,
    scratch: UnsafeMutablePointer<Float>, portable: Bool = false
) {
    if portable {
        quill_attention_head_portable(q, k, v, ld, out, ldo, queries, keys, headSize, scale, bias, biasStride, scratch)
    } else {
        quill_attention_head(q, k, v, ld, out, ldo, queries, keys, headSize, scale, bias, biasStride, scratch)
    }
}

/// One query per head attending over one sequence of `tokens` rows of x (`columns` floats each, row stride ldx),
/// keys and values never formed: xbar[h] = Σ_j softmax_j(scale · (x_j · qk[h] + qb[h])) x_j. The head's context is
/// then Wv_h · xbar[h] + bv_h (see quill_first_token_attention). qk, xbar: (heads, columns); qb: (heads);
/// `scores`: heads · tokens floats of scratch. `bias` (nil for none): head h's additive scores over the tokens at
/// bias + h·biasHeadStride, added after the scale.
@inlinable
public func firstTokenAttention(
    x: UnsafePointer<Float>, ldx: Int, tokens: Int, qk: UnsafePointer<Float>, qb: UnsafePointer<Float>, heads: Int,
    columns: Int, scale: Float, bias: UnsafePointer<Float>? = nil, biasHeadStride: Int = 0,
    xbar: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>
) {
    quill_first_token_attention(x, ldx, tokens, qk, qb, heads, columns, scale, bias, biasHeadStride, xbar, scores)
}

/// Floats of scratch `attentionHead` needs for sequences of up to `keys` tokens.
@inlinable
public func attentionScratchCount(keys: Int, headSize: Int) -> Int {
    max(1, (2 * headSize + 8) * ((keys + 15) / 16 * 16))
}

/// ReLU in place.
@inlinable
public func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count where x[i] < 0 { x[i] = 0 }
}

/// tanh in place.
@inlinable
public func tanhInPlace(_ x: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { x[i] = tanhf(x[i]) }
}

/// Logistic sigmoid in place.
@inlinable
public func sigmoidInPlace(_ x: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { x[i] = 1 / (1 + expf(-x[i])) }
}
