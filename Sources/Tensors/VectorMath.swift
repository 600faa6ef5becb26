// Vectorized exp and erf for the hot element-wise kernels (GELU), 8 lanes at a time.
//
// erf uses the same formula as PyTorch's Vectorized<float>::erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7),
// which is what torch's CPU GELU kernel evaluates, so Quill tracks the reference's own rounding rather than a
// different exact erf. exp is the Cephes single-precision polynomial (about 1 ulp on the range used here).

public typealias Float8 = SIMD8<Float>

/// e^x per lane. Inputs are clamped to [-87.3, 88.3]; below that the result is 0-ish, as float exp underflows.
@inlinable
public func exp8(_ v: Float8) -> Float8 {
    var x = v.clamped(lowerBound: Float8(repeating: -87.33654), upperBound: Float8(repeating: 88.37626))
    // n = round(x / ln 2); x = x - n ln 2 in two parts for accuracy.
    let n = (x * 1.44269504088896341).rounded(.toNearestOrEven)
    x = x - n * 0.693359375
    x = x - n * -2.12194440e-4
    let z = x * x
    var y = Float8(repeating: 1.9875691500e-4)
    y = y * x + 1.3981999507e-3
    y = y * x + 8.3334519073e-3
    y = y * x + 4.1665795894e-2
    y = y * x + 1.6666665459e-1
    y = y * x + 5.0000001201e-1
    y = y * z + x + 1
    // Scale by 2^n through the exponent bits.
    let bits = (SIMD8<Int32>(n) &+ 127) &<< 23
    return y * unsafeBitCast(bits, to: Float8.self)
}

/// erf per lane (A&S 7.1.26, as PyTorch's vectorized erf).
@inlinable
public func erf8(_ v: Float8) -> Float8 {
    let a = abs(v)
    let t = 1 / (0.3275911 * a + 1)
    var r = Float8(repeating: 1.061405429)
    r = r * t + -1.453152027
    r = r * t + 1.421413741
    r = r * t + -0.284496736
    r = r * t + 0.254829592
    let e = 1 - r * t * exp8(-(a * a))
    return e.replacing(with: -e, where: v .< 0)
}

@inlinable
func abs(_ v: Float8) -> Float8 { v.replacing(with: -v, where: v .< 0) }
