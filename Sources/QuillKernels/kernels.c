// See include/kernels.h. Each hot function is compiled for AVX-512, for AVX2+FMA and for the baseline, and the
// loader picks the one this CPU runs (target_clones); the arithmetic is the same in all three.
#include "kernels.h"
#include "attention_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define QUILL_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define QUILL_CLONES
#endif

// Cephes expf on [-87.3, 88.4]; branch-free so loops vectorize.
static inline float quill_expf(float v) {
    float x = v < -87.33654f ? -87.33654f : (v > 88.37626f ? 88.37626f : v);
    float n = __builtin_rintf(x * 1.44269504088896341f);
    x = x - n * 0.693359375f;
    x = x - n * -2.12194440e-4f;
    float z = x * x;
    float y = 1.9875691500e-4f;
    y = y * x + 1.3981999507e-3f;
    y = y * x + 8.3334519073e-3f;
    y = y * x + 4.1665795894e-2f;
    y = y * x + 1.6666665459e-1f;
    y = y * x + 5.0000001201e-1f;
    y = y * z + x + 1.0f;
    int32_t bits = ((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return y * scale;
}

// A&S 7.1.26, the formula of PyTorch's Vectorized<float>::erf.
static inline float quill_erff(float v) {
    float a = fabsf(v);
    float t = 1.0f / (0.3275911f * a + 1.0f);
    float r = 1.061405429f;
    r = r * t + -1.453152027f;
    r = r * t + 1.421413741f;
    r = r * t + -0.284496736f;
    r = r * t + 0.254829592f;
    float e = 1.0f - r * t * quill_expf(-(a * a));
    return v < 0 ? -e : e;
}

QUILL_CLONES
void quill_gelu_erf(float *x, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        x[i] = v * 0.5f * (1.0f + quill_erff(v * 0.70710678118654752440f));
    }
}

QUILL_CLONES
void quill_gelu_tanh(float *x, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        x[i] = 0.5f * v * (1.0f + tanhf(0.7978845608028654f * (v + 0.044715f * v * v * v)));
    }
}

// The LayerNorm statistics in double, in 32 independent lanes so the loops vectorize and the adds of one lane do
// not wait on each other (one running sum would be a serial chain of dependent adds; 8 lanes, one AVX-512
// register, still were): the sum of x, and the sum of (x - mean)². In double, the order of the terms does not
// reach the float mean and variance.
#define QUILL_LN_LANES 32
__attribute__((always_inline)) static inline double quill_sum_d(const float *x, size_t n) {
    double lanes[QUILL_LN_LANES] = {0};
    size_t i = 0;
    for (; i + QUILL_LN_LANES <= n; i += QUILL_LN_LANES)
        for (int j = 0; j < QUILL_LN_LANES; j++) lanes[j] += (double)x[i + j];
    double s = 0;
    for (; i < n; i++) s += (double)x[i];
    for (int j = 0; j < QUILL_LN_LANES; j++) s += lanes[j];
    return s;
}

__attribute__((always_inline)) static inline double quill_sum_sq_dev_d(const float *x, size_t n, double mean) {
    double lanes[QUILL_LN_LANES] = {0};
    size_t i = 0;
    for (; i + QUILL_LN_LANES <= n; i += QUILL_LN_LANES)
        for (int j = 0; j < QUILL_LN_LANES; j++) {
            double d = (double)x[i + j] - mean;
            lanes[j] += d * d;
        }
    double s = 0;
    for (; i < n; i++) {
        double d = (double)x[i] - mean;
        s += d * d;
    }
    for (int j = 0; j < QUILL_LN_LANES; j++) s += lanes[j];
    return s;
}

QUILL_CLONES
void quill_layer_norm(float *x, const float *residual, const float *weight, const float *bias,
                      size_t rows, size_t cols, float eps) {
    for (size_t t = 0; t < rows; t++) {
        float *row = x + t * cols;
        if (residual) {
            const float *r = residual + t * cols;
            for (size_t c = 0; c < cols; c++) row[c] += r[c];
        }
        double mean = quill_sum_d(row, cols) / (double)cols;
        double sq = quill_sum_sq_dev_d(row, cols, mean);
        float inv = (float)(1.0 / sqrt(sq / (double)cols + (double)eps));
        float m = (float)mean;
        for (size_t c = 0; c < cols; c++) row[c] = (row[c] - m) * inv * weight[c] + bias[c];
    }
}

// Sums n floats in 16 independent lanes (so the loop vectorizes), then folds the lanes.
__attribute__((always_inline)) static inline float quill_sum(const float *x, size_t n) {
    float lanes[16] = {0};
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < 16; j++) lanes[j] += x[i + j];
    float s = 0;
    for (; i < n; i++) s += x[i];
    for (int j = 0; j < 16; j++) s += lanes[j];
    return s;
}

// The largest of n floats, in 16 independent lanes so the loop vectorizes.
__attribute__((always_inline)) static inline float quill_max(const float *x, size_t n) {
    float lanes[16];
    for (int j = 0; j < 16; j++) lanes[j] = -INFINITY;
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < 16; j++) lanes[j] = x[i + j] > lanes[j] ? x[i + j] : lanes[j];
    float m = -INFINITY;
    for (; i < n; i++) m = x[i] > m ? x[i] : m;
    for (int j = 0; j < 16; j++) m = lanes[j] > m ? lanes[j] : m;
    return m;
}

__attribute__((always_inline)) static inline void quill_softmax_row(float *row, size_t cols) {
    float mx = quill_max(row, cols);
    for (size_t c = 0; c < cols; c++) row[c] = quill_expf(row[c] - mx);
    float inv = 1.0f / quill_sum(row, cols);
    for (size_t c = 0; c < cols; c++) row[c] *= inv;
}

QUILL_CLONES
void quill_softmax_rows(float *x, size_t rows, size_t cols) {
    for (size_t t = 0; t < rows; t++) quill_softmax_row(x + t * cols, cols);
}

// Dot product of n floats in 16 independent lanes (so the loop vectorizes), then the lanes folded in order.
__attribute__((always_inline)) static inline float quill_dot(const float *x, const float *y, size_t n) {
    float lanes[16] = {0};
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < 16; j++) lanes[j] += x[i + j] * y[i + j];
    float s = 0;
    for (; i < n; i++) s += x[i] * y[i];
    for (int j = 0; j < 16; j++) s += lanes[j];
    return s;
}

// For one query per head, q · k_j = q · (Wk x_j + bk) = (Wkᵀ q) · x_j + q · bk, and Σ_j p_j v_j = Wv (Σ_j p_j x_j)
// + bv (the p_j sum to 1): so the caller passes qk = Wkᵀ q and qb = q · bk per head, and multiplies xbar by Wv
// afterwards. Per token that is 2 · heads · c multiply-adds instead of the 2c² of its key and value.
// The scores: token by token, so that each row of x is read from L1 for every head.
QUILL_CLONES
void quill_first_token_attention(const float *x, size_t ldx, size_t tokens, const float *qk, const float *qb,
                                 size_t heads, size_t c, float scale, const float *bias, size_t ldbh, float *xbar,
                                 float *scores) {
    if (tokens == 0) return;
    for (size_t j = 0; j < tokens; j++) {
        const float *row = x + j * ldx;
        for (size_t h = 0; h < heads; h++) scores[h * tokens + j] = (quill_dot(row, qk + h * c, c) + qb[h]) * scale;
    }
    if (bias)
        for (size_t h = 0; h < heads; h++)
            for (size_t j = 0; j < tokens; j++) scores[h * tokens + j] += bias[h * ldbh + j];
    for (size_t h = 0; h < heads; h++) quill_softmax_row(scores + h * tokens, tokens);
    for (size_t i = 0; i < heads * c; i++) xbar[i] = 0;
    for (size_t j = 0; j < tokens; j++) {
        const float *row = x + j * ldx;
        for (size_t h = 0; h < heads; h++) {
            float p = scores[h * tokens + j];
            float *out = xbar + h * c;
            for (size_t i = 0; i < c; i++) out[i] += p * row[i];
        }
    }
}

// Keys are transposed first (kt: D x L, L padded to 16 with zeros), so that the scores of a query are vector
// updates over the keys and its context vector updates over D: no horizontal sums, no BLAS call per head.
// Queries go in blocks, and each accumulator (16 scores of one query, or 16 context columns of one query) stays
// in a register while the loop runs over D or over the keys; the independent accumulators of a block keep the
// FMA units busy despite their latency. The AVX-512 path (8 queries x 32 keys of scores, 8 queries x 32 context
// columns at a time) and the AVX2 path (attention_avx2.c: 6 queries x 16 keys, 6 queries x 16 columns) are written
// with intrinsics; the portable path (4 queries) leaves the vectorizing to the compiler. The AVX-512 and AVX2
// paths first copy the head's values into contiguous rows: in the QKV matrix they are 3C
// floats apart (4.6 KB for MiniLM), a stride that maps every key to the same few L1 sets, so a long sequence's
// values fell out of L1 between one block of queries and the next (4-18% on the whole head for 17-230 keys).
static void transpose_keys(const float *k, size_t ld, size_t keys, size_t kp, size_t d, float *kt) {
    for (size_t j = 0; j < kp; j++) {
#pragma clang loop vectorize(disable)
        for (size_t c = 0; c < d; c++) kt[c * kp + j] = j < keys ? k[j * ld + c] : 0.0f;
    }
}

// The additive bias of rows row0..<row0+nq (row i at bias + i·ldb, ldb possibly negative) on their scores, before
// the softmax: scores = scale · q·k + bias, in the reference's order.
// The portable path's; the AVX-512 block adds the bias as it stores the scores (`biased`). Vectorized for each
// CPU level (restrict: the bias never overlaps the scores).
QUILL_CLONES
static void add_bias_rows(float *restrict scores, size_t kp, const float *restrict bias, ptrdiff_t ldb, size_t row0,
                          size_t nq, size_t keys) {
    for (size_t r = 0; r < nq; r++) {
        const float *b = bias + (ptrdiff_t)(row0 + r) * ldb;
        float *row = scores + r * kp;
        for (size_t j = 0; j < keys; j++) row[j] += b[j];
    }
}

// Context columns c0..<d of nq queries one at a time: the columns left over after the vector blocks.
void quill_context_columns(const float *scores, size_t kp, const float *v, size_t ld, float *out, size_t ldo,
                           size_t nq, size_t keys, size_t c0, size_t d) {
    for (size_t c = c0; c < d; c++)
        for (size_t r = 0; r < nq; r++) {
            float acc = 0;
            for (size_t j = 0; j < keys; j++) acc += scores[r * kp + j] * v[j * ld + c];
            out[r * ldo + c] = acc;
        }
}

#define QUILL_QB 4
QUILL_CLONES
static void attention_portable(const float *q, const float *v, size_t ld, float *out, size_t ldo, size_t queries,
                               size_t keys, size_t kp, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                               const float *kt, float *scores) {
    for (size_t i0 = 0; i0 < queries; i0 += QUILL_QB) {
        size_t nq = queries - i0 < QUILL_QB ? queries - i0 : QUILL_QB;
        const float *qs[QUILL_QB];
        for (size_t r = 0; r < QUILL_QB; r++) qs[r] = q + (i0 + (r < nq ? r : nq - 1)) * ld;   // spare rows repeat the last
        for (size_t j0 = 0; j0 < kp; j0 += 16) {
            float acc[QUILL_QB][16] = {{0}};
            for (size_t c = 0; c < d; c++) {
                const float *row = kt + c * kp + j0;
                for (int r = 0; r < QUILL_QB; r++) {
                    float x = qs[r][c];
                    for (int l = 0; l < 16; l++) acc[r][l] += x * row[l];
                }
            }
            for (int r = 0; r < QUILL_QB; r++)
                for (int l = 0; l < 16; l++) scores[r * kp + j0 + l] = acc[r][l] * scale;
        }
        if (bias) add_bias_rows(scores, kp, bias, ldb, i0, nq, keys);
        for (size_t r = 0; r < nq; r++) quill_softmax_row(scores + r * kp, keys);
        size_t c0 = 0;
        for (; c0 + 16 <= d; c0 += 16) {
            float acc[QUILL_QB][16] = {{0}};
            for (size_t j = 0; j < keys; j++) {
                const float *vj = v + j * ld + c0;
                for (int r = 0; r < QUILL_QB; r++) {
                    float p = scores[r * kp + j];
                    for (int l = 0; l < 16; l++) acc[r][l] += p * vj[l];
                }
            }
            for (size_t r = 0; r < nq; r++)
                for (int l = 0; l < 16; l++) out[(i0 + r) * ldo + c0 + l] = acc[r][l];
        }
        quill_context_columns(scores, kp, v, ld, out + i0 * ldo, ldo, nq, keys, c0, d);
    }
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include "vector_math.h"
#define QUILL_ROWS8(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define QUILL_ROWS4(X) X(0) X(1) X(2) X(3)

// Lanes of the 16-key block starting at j0 that hold one of the `keys` keys.
__attribute__((always_inline)) static inline __mmask16 key_lanes(size_t j0, size_t keys) {
    size_t left = keys - j0;
    return left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
}

// Scores of the 16 keys from j0 plus their bias (row b, NULL for none); lanes past `keys` get no bias, and their
// bias is never read (a masked load does not touch them).
__attribute__((target("avx512f"), always_inline))
static inline __m512 biased(__m512 scores, const float *b, size_t j0, size_t keys) {
    if (!b || j0 >= keys) return scores;
    return _mm512_add_ps(scores, _mm512_maskz_loadu_ps(key_lanes(j0, keys), b + j0));
}

// Softmax of the first nq rows of scores (row stride kp, a multiple of 16) over their first `keys` entries, in
// vector lanes (max and sum folded as trees), the padding lanes set to 0.
__attribute__((target("avx512f")))
static void softmax_rows_avx512(float *scores, size_t kp, size_t keys, size_t nq) {
    for (size_t r = 0; r < nq; r++) {
        float *row = scores + r * kp;
        __m512 m = _mm512_set1_ps(-INFINITY);
        for (size_t j0 = 0; j0 < keys; j0 += 16) m = _mm512_mask_max_ps(m, key_lanes(j0, keys), m, _mm512_loadu_ps(row + j0));
        __m512 mx = _mm512_set1_ps(_mm512_reduce_max_ps(m)), sum = _mm512_setzero_ps();
        for (size_t j0 = 0; j0 < kp; j0 += 16) {
            __m512 e = j0 < keys ? _mm512_maskz_mov_ps(key_lanes(j0, keys), quill_exp512_nonpositive(_mm512_sub_ps(_mm512_loadu_ps(row + j0), mx)))
                                 : _mm512_setzero_ps();
            _mm512_storeu_ps(row + j0, e);
            sum = _mm512_add_ps(sum, e);
        }
        __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
        for (size_t j0 = 0; j0 < kp; j0 += 16) _mm512_storeu_ps(row + j0, _mm512_mul_ps(_mm512_loadu_ps(row + j0), inv));
    }
}

// Keys transposed 16 x 16 at a time in registers (three rounds of shuffles), instead of one float at a time:
// kt (d, kp) with kt[c][j] = k[j][c], zero for j >= keys.
__attribute__((target("avx512f")))
static void transpose_keys_avx512(const float *k, size_t ld, size_t keys, size_t kp, size_t d, float *kt) {
    for (size_t j0 = 0; j0 < kp; j0 += 16) {
        for (size_t c0 = 0; c0 < d; c0 += 16) {
            size_t w = d - c0 < 16 ? d - c0 : 16;
            __mmask16 cols = (__mmask16)((1u << w) - 1);
            __m512 r[16], t[16];
            for (int j = 0; j < 16; j++)
                r[j] = j0 + j < keys ? _mm512_maskz_loadu_ps(cols, k + (j0 + j) * ld + c0) : _mm512_setzero_ps();
            // Pairs of rows interleaved, then pairs of pairs: t[4g + q] holds, in 128-bit lane L, column 4L + q
            // of rows 4g..<4g+4.
            for (int i = 0; i < 16; i += 2) {
                __m512 lo = _mm512_unpacklo_ps(r[i], r[i + 1]), hi = _mm512_unpackhi_ps(r[i], r[i + 1]);
                r[i] = lo;
                r[i + 1] = hi;
            }
            for (int g = 0; g < 4; g++) {
                __m512d a = _mm512_castps_pd(r[4 * g]), b = _mm512_castps_pd(r[4 * g + 1]);
                __m512d c = _mm512_castps_pd(r[4 * g + 2]), e = _mm512_castps_pd(r[4 * g + 3]);
                t[4 * g + 0] = _mm512_castpd_ps(_mm512_unpacklo_pd(a, c));
                t[4 * g + 1] = _mm512_castpd_ps(_mm512_unpackhi_pd(a, c));
                t[4 * g + 2] = _mm512_castpd_ps(_mm512_unpacklo_pd(b, e));
                t[4 * g + 3] = _mm512_castpd_ps(_mm512_unpackhi_pd(b, e));
            }
            // Lane L of the four row groups side by side: column 4L + q.
            for (int q = 0; q < 4; q++) {
                __m512 v0 = _mm512_shuffle_f32x4(t[q], t[4 + q], 0x44), v1 = _mm512_shuffle_f32x4(t[q], t[4 + q], 0xEE);
                __m512 v2 = _mm512_shuffle_f32x4(t[8 + q], t[12 + q], 0x44), v3 = _mm512_shuffle_f32x4(t[8 + q], t[12 + q], 0xEE);
                r[q] = _mm512_shuffle_f32x4(v0, v2, 0x88);
                r[4 + q] = _mm512_shuffle_f32x4(v0, v2, 0xDD);
                r[8 + q] = _mm512_shuffle_f32x4(v1, v3, 0x88);
                r[12 + q] = _mm512_shuffle_f32x4(v1, v3, 0xDD);
            }
            for (size_t c = 0; c < w; c++) _mm512_storeu_ps(kt + (c0 + c) * kp + j0, r[c]);
        }
    }
}

#define QUILL_AB_NAME attention_block8
#define QUILL_AB_ROWS QUILL_ROWS8
#include "attention_block.h"
#undef QUILL_AB_NAME
#undef QUILL_AB_ROWS

#define QUILL_AB_NAME attention_block4
#define QUILL_AB_ROWS QUILL_ROWS4
#include "attention_block.h"
#undef QUILL_AB_NAME
#undef QUILL_AB_ROWS

// Blocks of 8 queries, and a block of 4 for a tail of up to 4 (short sequences would otherwise compute up to 7
// spare rows).
static void attention_avx512(const float *q, const float *v, size_t ld, size_t ldv, float *out, size_t ldo, size_t queries,
                             size_t keys, size_t kp, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                             const float *kt, float *scores) {
    for (size_t i0 = 0; i0 < queries;) {
        size_t left = queries - i0;
        if (left > 4) {
            size_t nq = left < 8 ? left : 8;
            attention_block8(q, v, ld, ldv, out, ldo, i0, nq, keys, kp, d, scale, bias, ldb, kt, scores);
            i0 += nq;
        } else {
            attention_block4(q, v, ld, ldv, out, ldo, i0, left, keys, kp, d, scale, bias, ldb, kt, scores);
            i0 += left;
        }
    }
}

static int have_avx512(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx512f") ? 1 : 0;
    }
    return known;
}

static int have_avx2(void) {
    static int known = -1;
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1 : 0;
    }
    return known;
}
#endif

void quill_attention_head(const float *q, const float *k, const float *v, size_t ld, float *out, size_t ldo,
                          size_t queries, size_t keys, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                          float *scratch) {
    size_t kp = (keys + 15) & ~(size_t)15;
    float *kt = scratch;                 // (D, kp)
    float *scores = scratch + d * kp;    // (8, kp), then (keys, D) for the values on the AVX-512 path
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
    if (have_avx512()) {
        transpose_keys_avx512(k, ld, keys, kp, d, kt);
        if (queries <= 8) {   // one block of queries reads the values once: nothing to gain from a copy
            attention_avx512(q, v, ld, ld, out, ldo, queries, keys, kp, d, scale, bias, ldb, kt, scores);
            return;
        }
        float *vc = scores + 8 * kp;     // (keys, d): the head's values in contiguous rows
        for (size_t j = 0; j < keys; j++) memcpy(vc + j * d, v + j * ld, d * sizeof(float));
        attention_avx512(q, vc, ld, d, out, ldo, queries, keys, kp, d, scale, bias, ldb, kt, scores);
        return;
    }
    if (have_avx2()) {
        quill_attention_avx2(q, k, v, ld, out, ldo, queries, keys, kp, d, scale, bias, ldb, kt, scores);
        return;
    }
#endif
    transpose_keys(k, ld, keys, kp, d, kt);
    attention_portable(q, v, ld, out, ldo, queries, keys, kp, d, scale, bias, ldb, kt, scores);
}

void quill_attention_head_portable(const float *q, const float *k, const float *v, size_t ld, float *out,
                                   size_t ldo, size_t queries, size_t keys, size_t d, float scale, const float *bias,
                                   ptrdiff_t ldb, float *scratch) {
    size_t kp = (keys + 15) & ~(size_t)15;
    transpose_keys(k, ld, keys, kp, d, scratch);
    attention_portable(q, v, ld, out, ldo, queries, keys, kp, d, scale, bias, ldb, scratch, scratch + d * kp);
}

void quill_broadcast_rows(float *y, const float *bias, size_t rows, size_t cols) {
    for (size_t t = 0; t < rows; t++) memcpy(y + t * cols, bias, cols * sizeof(float));
}
