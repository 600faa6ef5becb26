// Element-wise and row-wise kernels of the encoder, on raw row-major Float32 buffers.
// Shapes: T = rows (tokens), C = row width (hidden size).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adds `bias` (C) to every row of `x` (T, C) in place.
@inlinable
public func addBias(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int, bias: UnsafePointer<Float>) {
    for t in 0..<rows {
        let row = x + t * columns
        for c in 0..<columns { row[c] += bias[c] }
    }
}

/// PyTorch's LayerNorm over the last dimension, in place: (x - mean) / sqrt(var + eps) * weight + bias,
/// with the biased variance. When `residual` is given, `x` first becomes x + residual (the post-LN residual add).
/// Statistics accumulate in Double: PyTorch's CPU kernel accumulates more precisely than a naive Float sum,
/// and Double keeps us within an ulp of it for any hidden size.
@inlinable
public func layerNorm(
    _ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    residual: UnsafePointer<Float>? = nil,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, eps: Float
) {
    let n = Double(columns)
    for t in 0..<rows {
        let row = x + t * columns
        if let residual {
            let r = residual + t * columns
            for c in 0..<columns { row[c] += r[c] }
        }
        var sum = 0.0
        for c in 0..<columns { sum += Double(row[c]) }
        let mean = sum / n
        var sq = 0.0
        for c in 0..<columns {
            let d = Double(row[c]) - mean
            sq += d * d
        }
        let variance = sq / n
        let inv = Float(1.0 / (variance + Double(eps)).squareRoot())
        let m = Float(mean)
        for c in 0..<columns { row[c] = (row[c] - m) * inv * weight[c] + bias[c] }
    }
}

/// GELU in its erf form, x * 0.5 * (1 + erf(x / sqrt(2))), in place: transformers' "gelu". The tanh
/// approximation differs by up to ~5e-4 and must not be used for "gelu". erf is evaluated as PyTorch's CPU kernel
/// does (see VectorMath.swift), eight lanes at a time.
@inlinable
public func geluErf(_ x: UnsafeMutablePointer<Float>, count: Int) {
    let invSqrt2: Float = 0.70710678118654752440
    var i = 0
    let raw = UnsafeMutableRawPointer(x)
    while i + 8 <= count {
        let v = raw.loadUnaligned(fromByteOffset: i * 4, as: Float8.self)
        let g = v * 0.5 * (1 + erf8(v * invSqrt2))
        raw.storeBytes(of: g, toByteOffset: i * 4, as: Float8.self)
        i += 8
    }
    if i < count {
        var tail = Float8(repeating: 0)
        for j in 0..<(count - i) { tail[j] = x[i + j] }
        let g = tail * 0.5 * (1 + erf8(tail * invSqrt2))
        for j in 0..<(count - i) { x[i + j] = g[j] }
    }
}

/// GELU's tanh approximation ("gelu_new", "gelu_pytorch_tanh"), in place.
@inlinable
public func geluTanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
    let k: Float = 0.7978845608028654
    for i in 0..<count {
        let v = x[i]
        x[i] = 0.5 * v * (1 + tanhf(k * (v + 0.044715 * v * v * v)))
    }
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

/// Numerically stable softmax of each row of `x` (rows, columns), in place.
@inlinable
public func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    for t in 0..<rows {
        let row = x + t * columns
        var mx = -Float.infinity
        for c in 0..<columns where row[c] > mx { mx = row[c] }
        var sum: Float = 0
        for c in 0..<columns {
            let e = expf(row[c] - mx)
            row[c] = e
            sum += e
        }
        let inv = 1 / sum
        for c in 0..<columns { row[c] *= inv }
    }
}
