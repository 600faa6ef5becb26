// The AVX2 + FMA path of quill_attention_head (kernels.c has the scheme and the other two paths): CPUs without
// AVX-512 (the Zen 3 EPYC, Haswell to Coffee Lake) ran the portable path, whose compiled loops reached about half
// the GEMM's rate and took 15.6% of all-MiniLM-L6-v2's time on long texts.
//   keys transposed 8 x 8 in registers into kt (d, kp);
//   for each block of up to 6 queries:
//     scores (rows, kp) = scale · q · kt + bias, 6 queries x 16 keys per register block (12 accumulators);
//     their maximum kept as they are stored, then exp(score - max) in 8 lanes;
//     out (rows, d) = exps · v / their sum, 6 queries x 16 columns per register block, the columns past a multiple
//     of 16 by quill_context_columns.
// The same products as the other paths, summed in another order: results agree to Float32 rounding (the tests
// compare all three with a Double reference).
#include "attention_internal.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include "vector_math.h"

#define QR 6   // queries per block

// Lanes of the 8-key vector starting at j0 that hold one of the `keys` keys, as a mask for maskload and blendv.
__attribute__((target("avx2,fma"), always_inline))
static inline __m256i key_lanes8(size_t j0, size_t keys) {
    size_t left = keys > j0 ? keys - j0 : 0;
    __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(left >= 8 ? 8 : (int)left), lane);
}

// kt[c][j] = k[j][c] for j < keys, 0 for keys <= j < kp: 8 x 8 blocks transposed in registers, the columns past
// a multiple of 8 one at a time.
__attribute__((target("avx2,fma")))
static void transpose_keys_avx2(const float *k, size_t ld, size_t keys, size_t kp, size_t d, float *kt) {
    size_t d8 = d / 8 * 8;
    for (size_t j0 = 0; j0 < kp; j0 += 8) {
        for (size_t c0 = 0; c0 < d8; c0 += 8) {
            __m256 r[8];
            for (int j = 0; j < 8; j++) r[j] = j0 + j < keys ? _mm256_loadu_ps(k + (j0 + j) * ld + c0) : _mm256_setzero_ps();
            __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
            __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
            __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
            __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
            __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44), s1 = _mm256_shuffle_ps(t0, t2, 0xEE);
            __m256 s2 = _mm256_shuffle_ps(t1, t3, 0x44), s3 = _mm256_shuffle_ps(t1, t3, 0xEE);
            __m256 s4 = _mm256_shuffle_ps(t4, t6, 0x44), s5 = _mm256_shuffle_ps(t4, t6, 0xEE);
            __m256 s6 = _mm256_shuffle_ps(t5, t7, 0x44), s7 = _mm256_shuffle_ps(t5, t7, 0xEE);
            // column c0 + c of the 8 keys: 128-bit halves of s_c (keys 0-3) and s_{c+4} (keys 4-7)
            float *dst = kt + c0 * kp + j0;
            _mm256_storeu_ps(dst + 0 * kp, _mm256_permute2f128_ps(s0, s4, 0x20));
            _mm256_storeu_ps(dst + 1 * kp, _mm256_permute2f128_ps(s1, s5, 0x20));
            _mm256_storeu_ps(dst + 2 * kp, _mm256_permute2f128_ps(s2, s6, 0x20));
            _mm256_storeu_ps(dst + 3 * kp, _mm256_permute2f128_ps(s3, s7, 0x20));
            _mm256_storeu_ps(dst + 4 * kp, _mm256_permute2f128_ps(s0, s4, 0x31));
            _mm256_storeu_ps(dst + 5 * kp, _mm256_permute2f128_ps(s1, s5, 0x31));
            _mm256_storeu_ps(dst + 6 * kp, _mm256_permute2f128_ps(s2, s6, 0x31));
            _mm256_storeu_ps(dst + 7 * kp, _mm256_permute2f128_ps(s3, s7, 0x31));
        }
        for (size_t c = d8; c < d; c++)
            for (size_t j = j0; j < j0 + 8; j++) kt[c * kp + j] = j < keys ? k[j * ld + c] : 0.0f;
    }
}

__attribute__((target("avx2,fma"), always_inline))
static inline float reduce_max8(__m256 v) {
    __m128 m = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    return _mm_cvtss_f32(_mm_max_ss(m, _mm_movehdup_ps(m)));
}

__attribute__((target("avx2,fma"), always_inline))
static inline float reduce_add8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(s, _mm_movehdup_ps(s)));
}

// exp(s - max) of one row of scores over its first `keys` entries, in 8 lanes, the padding up to kp set to 0;
// returns 1 / their sum (the block scales its context rows by it: one pass over the scores fewer than
// normalizing them).
__attribute__((target("avx2,fma")))
static float exp_row_avx2(float *row, size_t kp, size_t keys, float mx) {
    __m256 vmx = _mm256_set1_ps(mx), sum = _mm256_setzero_ps();
    for (size_t j0 = 0; j0 < kp; j0 += 8) {
        __m256 e = j0 < keys ? _mm256_and_ps(quill_exp256_nonpositive(_mm256_sub_ps(_mm256_loadu_ps(row + j0), vmx)),
                                             _mm256_castsi256_ps(key_lanes8(j0, keys)))
                             : _mm256_setzero_ps();
        _mm256_storeu_ps(row + j0, e);
        sum = _mm256_add_ps(sum, e);
    }
    return 1.0f / reduce_add8(sum);
}

// One block of `rows` (1 to 6) queries from query i0: scores, softmax, context. Inlined with a constant `rows`,
// so the loops over rows unroll and the accumulators stay in registers (12 of the 16 at 6 rows).
__attribute__((target("avx2,fma"), always_inline))
static inline void block_avx2(const int rows, const float *q, const float *v, size_t ld, size_t ldv, float *out,
                              size_t ldo, size_t i0, size_t keys, size_t kp, size_t d, float scale, const float *bias,
                              ptrdiff_t ldb, const float *kt, float *scores) {
    const __m256 vscale = _mm256_set1_ps(scale), minus_inf = _mm256_set1_ps(-INFINITY);
    const float *qr[QR];
    __m256 mx[QR];   // each row's running maximum over its keys
    for (int r = 0; r < rows; r++) mx[r] = minus_inf;
    for (int r = 0; r < rows; r++) qr[r] = q + (i0 + r) * ld;
    for (size_t j0 = 0; j0 < kp; j0 += 16) {
        __m256 sa[QR], sb[QR];
        for (int r = 0; r < rows; r++) sa[r] = sb[r] = _mm256_setzero_ps();
        for (size_t c = 0; c < d; c++) {
            __m256 ka = _mm256_loadu_ps(kt + c * kp + j0), kb = _mm256_loadu_ps(kt + c * kp + j0 + 8);
            for (int r = 0; r < rows; r++) {
                __m256 x = _mm256_broadcast_ss(qr[r] + c);
                sa[r] = _mm256_fmadd_ps(x, ka, sa[r]);
                sb[r] = _mm256_fmadd_ps(x, kb, sb[r]);
            }
        }
        __m256i la = key_lanes8(j0, keys), lb = key_lanes8(j0 + 8, keys);
        for (int r = 0; r < rows; r++) {
            __m256 a = _mm256_mul_ps(sa[r], vscale), b = _mm256_mul_ps(sb[r], vscale);
            if (bias) {   // lanes past the keys read no bias
                const float *br = bias + (ptrdiff_t)(i0 + r) * ldb;
                a = _mm256_add_ps(a, _mm256_maskload_ps(br + j0, la));
                b = _mm256_add_ps(b, _mm256_maskload_ps(br + j0 + 8, lb));
            }
            _mm256_storeu_ps(scores + r * kp + j0, a);
            _mm256_storeu_ps(scores + r * kp + j0 + 8, b);
            mx[r] = _mm256_max_ps(mx[r], _mm256_blendv_ps(minus_inf, a, _mm256_castsi256_ps(la)));
            mx[r] = _mm256_max_ps(mx[r], _mm256_blendv_ps(minus_inf, b, _mm256_castsi256_ps(lb)));
        }
    }
    float inv[QR];
    for (int r = 0; r < rows; r++) inv[r] = exp_row_avx2(scores + r * kp, kp, keys, reduce_max8(mx[r]));
    size_t c0 = 0;
    for (; c0 + 16 <= d; c0 += 16) {
        __m256 oa[QR], ob[QR];
        for (int r = 0; r < rows; r++) oa[r] = ob[r] = _mm256_setzero_ps();
        for (size_t j = 0; j < keys; j++) {
            __m256 va = _mm256_loadu_ps(v + j * ldv + c0), vb = _mm256_loadu_ps(v + j * ldv + c0 + 8);
            for (int r = 0; r < rows; r++) {
                __m256 p = _mm256_broadcast_ss(scores + r * kp + j);
                oa[r] = _mm256_fmadd_ps(p, va, oa[r]);
                ob[r] = _mm256_fmadd_ps(p, vb, ob[r]);
            }
        }
        for (int r = 0; r < rows; r++) {
            __m256 vi = _mm256_set1_ps(inv[r]);
            _mm256_storeu_ps(out + (i0 + r) * ldo + c0, _mm256_mul_ps(oa[r], vi));
            _mm256_storeu_ps(out + (i0 + r) * ldo + c0 + 8, _mm256_mul_ps(ob[r], vi));
        }
    }
    if (c0 < d) {
        quill_context_columns(scores, kp, v, ldv, out + i0 * ldo, ldo, (size_t)rows, keys, c0, d);
        for (int r = 0; r < rows; r++)
            for (size_t c = c0; c < d; c++) out[(i0 + r) * ldo + c] *= inv[r];
    }
}

__attribute__((target("avx2,fma")))
static void block_rows(size_t rows, const float *q, const float *v, size_t ld, size_t ldv, float *out, size_t ldo,
                       size_t i0, size_t keys, size_t kp, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                       const float *kt, float *scores) {
    switch (rows) {
    case 1: block_avx2(1, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    case 2: block_avx2(2, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    case 3: block_avx2(3, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    case 4: block_avx2(4, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    case 5: block_avx2(5, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    default: block_avx2(QR, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores); break;
    }
}

void quill_attention_avx2(const float *q, const float *k, const float *v, size_t ld, float *out, size_t ldo,
                          size_t queries, size_t keys, size_t kp, size_t d, float scale, const float *bias,
                          ptrdiff_t ldb, float *kt, float *scores) {
    transpose_keys_avx2(k, ld, keys, kp, d, kt);
    // More than one block of queries reads the values again for each block: copied into contiguous rows first,
    // as on the AVX-512 path (in the QKV matrix they are 3C floats apart, a stride that maps every key to the
    // same few L1 sets).
    size_t ldv = ld;
    if (queries > QR) {
        float *vc = scores + 8 * kp;   // (keys, d)
        for (size_t j = 0; j < keys; j++) memcpy(vc + j * d, v + j * ld, d * sizeof(float));
        v = vc;
        ldv = d;
    }
    // Blocks of 6; the last 7 or 8 queries as two blocks of 4 (a block of 1 or 2 waits on its accumulators).
    for (size_t i0 = 0; i0 < queries;) {
        size_t left = queries - i0, rows = left >= QR && left != 7 && left != 8 ? QR : left > QR ? 4 : left;
        block_rows(rows, q, v, ld, ldv, out, ldo, i0, keys, kp, d, scale, bias, ldb, kt, scores);
        i0 += rows;
    }
}

#endif
