// Vector math shared by the AVX-512 kernels (kernels.c: softmax; gemm.c: GELU), 16 lanes at a time, and the AVX2
// ones (attention_avx2.c: softmax), 8 at a time. Included by those files after <immintrin.h>, not compiled alone. Each function gives the same bits as the scalar code in
// kernels.c (quill_expf, quill_erff, quill_gelu_erf) compiled for AVX-512 with its multiply-adds fused.
#ifndef QUILL_VECTOR_MATH_H
#define QUILL_VECTOR_MATH_H

// exp of arguments that are never above 0 (softmax's s - max, erf's -(a*a)): quill_expf's Cephes polynomial, whose
// upper clamp then never applies; 2^n is applied by scalef, the same correctly rounded product as multiplying by
// 2^n built in the exponent field (n is at least -126 after the lower clamp).
__attribute__((target("avx512f"), always_inline))
static inline __m512 quill_exp512_nonpositive(__m512 v) {
    __m512 x = _mm512_max_ps(_mm512_set1_ps(-87.33654f), v);   // a NaN argument stays NaN (max returns its second)
    __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    x = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    x = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), x);
    __m512 z = _mm512_mul_ps(x, x);
    __m512 y = _mm512_set1_ps(1.9875691500e-4f);
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(1.3981999507e-3f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(8.3334519073e-3f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(4.1665795894e-2f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(1.6666665459e-1f));
    y = _mm512_fmadd_ps(y, x, _mm512_set1_ps(5.0000001201e-1f));
    y = _mm512_add_ps(_mm512_fmadd_ps(y, z, x), _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(y, n);
}

// The same exp in 8 lanes for AVX2 + FMA: 2^n built in the exponent field (n is at least -126 after the clamp).
__attribute__((target("avx2,fma"), always_inline))
static inline __m256 quill_exp256_nonpositive(__m256 v) {
    __m256 x = _mm256_max_ps(_mm256_set1_ps(-87.33654f), v);
    __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                               _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    x = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), x);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_add_ps(_mm256_fmadd_ps(y, z, x), _mm256_set1_ps(1.0f));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

// GELU (erf form), x * 0.5 * (1 + erf(x / sqrt(2))), with PyTorch's erf (A&S 7.1.26): quill_gelu_erf's
// operations and roundings (no mismatch on 2^28 inputs across the float range; PackedGEMMTests checks it too).
__attribute__((target("avx512f"), always_inline))
static inline __m512 quill_gelu_erf512(__m512 v) {
    const __m512 one = _mm512_set1_ps(1.0f);
    __m512 half = _mm512_mul_ps(v, _mm512_set1_ps(0.5f));
    __m512 xs = _mm512_mul_ps(v, _mm512_set1_ps(0.70710678118654752440f));
    __m512 a = _mm512_abs_ps(xs);
    __m512 t = _mm512_div_ps(one, _mm512_fmadd_ps(a, _mm512_set1_ps(0.3275911f), one));
    __m512 r = _mm512_set1_ps(1.061405429f);
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(-1.453152027f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(1.421413741f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(-0.284496736f));
    r = _mm512_fmadd_ps(r, t, _mm512_set1_ps(0.254829592f));
    __m512 ex = quill_exp512_nonpositive(_mm512_mul_ps(_mm512_sub_ps(_mm512_setzero_ps(), a), a));
    __m512 e = _mm512_fnmadd_ps(_mm512_mul_ps(r, t), ex, one);
    e = _mm512_mask_sub_ps(e, _mm512_cmp_ps_mask(xs, _mm512_setzero_ps(), _CMP_LT_OQ), _mm512_setzero_ps(), e);
    return _mm512_mul_ps(half, _mm512_add_ps(one, e));
}

#endif
