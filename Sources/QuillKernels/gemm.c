// See include/gemm.h. Two micro-kernels share one blocking and one contract: every output is
//   c = bias (or 0);  for k in 0..<K in order: c = fma(a[i][k], w[j][k], c);  then the activation
// so an output's bits depend on its row of A, its column of W and K only: not on how many rows the call has, where
// the row sits in a tile or block, or which of the two kernels ran (the K-slices below store C and load it back,
// which is exact). That is what lets the encoder group sequences freely (a sentence gets the same embedding alone or
// in any batch), and it is why the engine does not use OpenBLAS on CPUs without AVX-512: OpenBLAS 0.3.21's Zen and
// Haswell sgemm sums a row differently depending on the row count and the row's place in its tile (measured: a row
// alone differs from the same row in a call of 8, 16 or 100 rows in the last bits).
//
// BLIS-style blocking for the shapes of an encoder's linear layers:
//   for each block of up to MC = 192 rows of A:    (the A block's KC-slice, up to 288 KB, stays in L2)
//     for each KC-slice of K (KC = 384: all of K for most of an encoder's products, so C is written once):
//       for each packed panel of NR = 48 columns:   (the panel's KC-slice, 72 KB, stays in L2)
//         AVX-512: for each 8 rows: the 8x48 micro-kernel (24 accumulators; A broadcast from its rows in place)
//         AVX2:    for each 16-column third of the panel (24 KB, stays in L1): for each 6 rows: the 6x16 kernel
//                  (12 accumulators; A from a k-major copy of the block's tiles), and the last rows in tiles of 4
//                  or fewer (gemm_avx2.c)
//         (in the last KC-slice, the activation is applied to the stored tile or panel, still in cache)
// The first KC-slice starts from the bias (or zero), so no pass over C is spent on it.
// AVX-512, measured on one core of an Ice Lake Xeon (2 FMA units, ~164 GFLOP/s peak by a pure FMA loop): up to
// 165 GFLOP/s with the weight in L2, and 110-140 on a MiniLM layer sequence whose 42 MB of weights come from L3
// (scripts/bench/notes.md), against 90-110 for OpenBLAS 0.3.21's SkylakeX sgemm on the same shapes. The blocking
// sizes were chosen on that sequence; the machine is shared and noisy, so differences under ~10% were not
// resolvable. AVX2 on one core of a shared Zen 3 EPYC (no AVX-512; 2.45 GHz nominal), thread CPU time, interleaved:
// 56-74 GFLOP/s on a MiniLM layer's four products (GELU included), 0.89-1.0x OpenBLAS 0.3.21's Zen sgemm's time at
// 64-232 rows and 0.6x at 16; other blockings (KC 256/512, MC 96-256) were within that machine's noise. That was
// with A read in place; gemm_avx2.c says what copying it changed.
#include "gemm.h"
#include "gemm_blocking.h"
#include "kernels.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include "vector_math.h"
#define QUILL_HAVE_X86_KERNELS 1
#endif

size_t quill_gemm_packed_size(size_t n, size_t k) { return panel_count(n) * NR * k; }

// Columns of one k-major strip of a panel: the whole panel for AVX-512, a third of it for AVX2.
static size_t strip_width(int kernel) { return kernel == QUILL_GEMM_AVX2 ? SW : NR; }

void quill_gemm_pack(const float *w, size_t n, size_t k, float *packed, int kernel) {
    size_t panels = panel_count(n), sw = strip_width(kernel);
    for (size_t p = 0; p < panels; p++)
        for (size_t s = 0; s < NR / sw; s++) {
            float *dst = packed + p * k * NR + s * k * sw;
            for (size_t kk = 0; kk < k; kk++)
                for (size_t j = 0; j < sw; j++) {
                    size_t row = p * NR + s * sw + j;
                    dst[kk * sw + j] = row < n ? w[row * k + kk] : 0.0f;   // columns past N are zero
                }
        }
}

void quill_activate(float *x, size_t n, int activation) {
    switch (activation) {
    case QUILL_ACTIVATION_GELU_ERF: quill_gelu_erf(x, n); break;
    case QUILL_ACTIVATION_GELU_TANH: quill_gelu_tanh(x, n); break;
    case QUILL_ACTIVATION_RELU:
        for (size_t j = 0; j < n; j++) x[j] = x[j] < 0 ? 0 : x[j];
        break;
    default: break;
    }
}

// Rows of C with no products (K = 0): the bias (or zero), activated.
static void bias_only(const float *bias, float *c, size_t ldc, size_t m, size_t n, int activation) {
    for (size_t i = 0; i < m; i++) {
        if (bias) memcpy(c + i * ldc, bias, n * sizeof(float));
        else memset(c + i * ldc, 0, n * sizeof(float));
    }
    activate_rows(c, ldc, m, n, activation);
}

#ifdef QUILL_HAVE_X86_KERNELS

int quill_gemm_kernels(void) {
    __builtin_cpu_init();
    int kernels = 0;
    if (__builtin_cpu_supports("avx512f")) kernels |= QUILL_GEMM_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) kernels |= QUILL_GEMM_AVX2;
    return kernels;
}

// ---- AVX-512 ---- (the AVX2 + FMA kernel is in gemm_avx2.c)

// C[0..<8][0..<48] = (load ? C : bias ?: 0) + A[0..<8][0..<kc] · B[0..<kc][0..<48]
// a: row stride lda; b: a panel's KC-slice, k-major, 48 floats per k; bias: 48 floats or NULL.
// Meanwhile it prefetches pf_lines cache lines from pf into L2 (a share of the B slice the next panel will read),
// one every 4 steps of k, so that slice arrives from L3 while this one is computed.
__attribute__((target("avx512f")))
static void kernel_8x48(const float *a, size_t lda, const float *b, float *c, size_t ldc, size_t kc, int load,
                        const float *bias, const char *pf, size_t pf_lines) {
#define ROW_DECL(i) __m512 c##i##0, c##i##1, c##i##2;
    ROW_DECL(0) ROW_DECL(1) ROW_DECL(2) ROW_DECL(3) ROW_DECL(4) ROW_DECL(5) ROW_DECL(6) ROW_DECL(7)
#undef ROW_DECL
    if (load) {
#define ROW_LOAD(i) c##i##0 = _mm512_loadu_ps(c + i * ldc); c##i##1 = _mm512_loadu_ps(c + i * ldc + 16); \
                    c##i##2 = _mm512_loadu_ps(c + i * ldc + 32);
        ROW_LOAD(0) ROW_LOAD(1) ROW_LOAD(2) ROW_LOAD(3) ROW_LOAD(4) ROW_LOAD(5) ROW_LOAD(6) ROW_LOAD(7)
#undef ROW_LOAD
    } else {
        __m512 z0 = bias ? _mm512_loadu_ps(bias) : _mm512_setzero_ps();
        __m512 z1 = bias ? _mm512_loadu_ps(bias + 16) : _mm512_setzero_ps();
        __m512 z2 = bias ? _mm512_loadu_ps(bias + 32) : _mm512_setzero_ps();
#define ROW_INIT(i) c##i##0 = z0; c##i##1 = z1; c##i##2 = z2;
        ROW_INIT(0) ROW_INIT(1) ROW_INIT(2) ROW_INIT(3) ROW_INIT(4) ROW_INIT(5) ROW_INIT(6) ROW_INIT(7)
#undef ROW_INIT
    }
    const float *a0 = a, *a1 = a + lda, *a2 = a + 2 * lda, *a3 = a + 3 * lda;
    const float *a4 = a + 4 * lda, *a5 = a + 5 * lda, *a6 = a + 6 * lda, *a7 = a + 7 * lda;
    const char *pf_end = pf ? pf + pf_lines * 64 : NULL;
#define ROW_FMA(i, k) x = _mm512_set1_ps(a##i[k]); c##i##0 = _mm512_fmadd_ps(x, b0, c##i##0); \
                      c##i##1 = _mm512_fmadd_ps(x, b1, c##i##1); c##i##2 = _mm512_fmadd_ps(x, b2, c##i##2);
#define K_STEP(k) { \
        __m512 b0 = _mm512_loadu_ps(b + (k) * NR); \
        __m512 b1 = _mm512_loadu_ps(b + (k) * NR + 16); \
        __m512 b2 = _mm512_loadu_ps(b + (k) * NR + 32); \
        __m512 x; \
        ROW_FMA(0, k) ROW_FMA(1, k) ROW_FMA(2, k) ROW_FMA(3, k) ROW_FMA(4, k) ROW_FMA(5, k) ROW_FMA(6, k) ROW_FMA(7, k) }
    size_t k = 0;
    for (; k + 4 <= kc; k += 4) {
        if (pf < pf_end) {
            _mm_prefetch(pf, _MM_HINT_T1);
            pf += 64;
        }
        K_STEP(k) K_STEP(k + 1) K_STEP(k + 2) K_STEP(k + 3)
    }
    for (; k < kc; k++) K_STEP(k)
#undef K_STEP
#undef ROW_FMA
#define ROW_STORE(i) _mm512_storeu_ps(c + i * ldc, c##i##0); _mm512_storeu_ps(c + i * ldc + 16, c##i##1); \
                     _mm512_storeu_ps(c + i * ldc + 32, c##i##2);
    ROW_STORE(0) ROW_STORE(1) ROW_STORE(2) ROW_STORE(3) ROW_STORE(4) ROW_STORE(5) ROW_STORE(6) ROW_STORE(7)
#undef ROW_STORE
}

// GELU on a stored 8 x 48 tile, still in L1: three independent vectors per row, no call per row.
__attribute__((target("avx512f")))
static void gelu_erf_tile(float *c, size_t ldc) {
    for (int i = 0; i < MR; i++) {
        float *row = c + i * ldc;
        __m512 a = quill_gelu_erf512(_mm512_loadu_ps(row)), b = quill_gelu_erf512(_mm512_loadu_ps(row + 16));
        __m512 d = quill_gelu_erf512(_mm512_loadu_ps(row + 32));
        _mm512_storeu_ps(row, a);
        _mm512_storeu_ps(row + 16, b);
        _mm512_storeu_ps(row + 32, d);
    }
}

// A tile at the edge (fewer than 8 rows or fewer than 48 columns): the same kernel on zero-padded copies.
__attribute__((target("avx512f")))
static void kernel_edge(const float *a, size_t lda, size_t rows, const float *b, float *c, size_t ldc, size_t cols,
                        size_t kc, int load, const float *bias) {
    float at[MR * KC];
    float ct[MR * NR];
    memset(at, 0, sizeof at);
    memset(ct, 0, sizeof ct);
    for (size_t i = 0; i < rows; i++) {
        memcpy(at + i * kc, a + i * lda, kc * sizeof(float));
        if (load) memcpy(ct + i * NR, c + i * ldc, cols * sizeof(float));
        else if (bias) memcpy(ct + i * NR, bias, cols * sizeof(float));
    }
    kernel_8x48(at, kc, b, ct, NR, kc, 1, NULL, NULL, 0);
    for (size_t i = 0; i < rows; i++) memcpy(c + i * ldc, ct + i * NR, cols * sizeof(float));
}

static void gemm_avx512(const float *a, size_t lda, const float *packed, const float *bias,
                        float *c, size_t ldc, size_t m, size_t n, size_t k, int activation) {
    size_t panels = panel_count(n), step = block_step(m);
    for (size_t m0 = 0; m0 < m; m0 += step) {
        size_t mc = m - m0 < step ? m - m0 : step;
        for (size_t k0 = 0; k0 < k; k0 += KC) {
            size_t kc = k - k0 < KC ? k - k0 : KC;
            int load = k0 > 0, last = k0 + KC >= k;   // the last K-slice: each tile gets the activation as it is stored
            for (size_t p = 0; p < panels; p++) {
                const float *b = packed + p * k * NR + k0 * NR;
                const float *pb = bias ? bias + p * NR : NULL;
                size_t cols = n - p * NR < NR ? n - p * NR : NR;
                // The B slice read next (the next panel, else the next K-slice's first panel, else the next
                // M-block's first), prefetched in equal shares by this panel's row tiles.
                const float *next = NULL;
                size_t next_floats = 0;
                if (p + 1 < panels) {
                    next = b + k * NR;
                    next_floats = kc * NR;
                } else if (k0 + KC < k) {
                    next = packed + (k0 + KC) * NR;
                    next_floats = (k - k0 - KC < KC ? k - k0 - KC : KC) * NR;
                } else if (m0 + mc < m) {
                    next = packed;
                    next_floats = (k < KC ? k : KC) * NR;
                }
                size_t lines = next_floats * sizeof(float) / 64, tiles = (mc + MR - 1) / MR;
                size_t share = (lines + tiles - 1) / tiles;
                size_t i = m0;
                if (cols == NR)
                    for (size_t t = 0; i + MR <= m0 + mc; i += MR, t++) {
                        size_t first = t * share < lines ? t * share : lines;
                        size_t count = lines - first < share ? lines - first : share;
                        kernel_8x48(a + i * lda + k0, lda, b, c + i * ldc + p * NR, ldc, kc, load, pb,
                                    next ? (const char *)next + first * 64 : NULL, count);
                        if (last && activation == QUILL_ACTIVATION_GELU_ERF) gelu_erf_tile(c + i * ldc + p * NR, ldc);
                        else if (last) activate_rows(c + i * ldc + p * NR, ldc, MR, NR, activation);
                    }
                for (; i < m0 + mc; i += MR) {
                    size_t rows = m0 + mc - i < MR ? m0 + mc - i : MR;
                    kernel_edge(a + i * lda + k0, lda, rows, b, c + i * ldc + p * NR, ldc, cols, kc, load, pb);
                    if (last) activate_rows(c + i * ldc + p * NR, ldc, rows, cols, activation);
                }
            }
        }
    }
}

void quill_gemm(int kernel, const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k, int activation) {
    if (m == 0 || n == 0) return;
    if (k == 0) bias_only(bias, c, ldc, m, n, activation);
    else if (kernel == QUILL_GEMM_AVX512) gemm_avx512(a, lda, packed, bias, c, ldc, m, n, k, activation);
    else if (kernel == QUILL_GEMM_AVX2) quill_gemm_avx2(a, lda, packed, bias, c, ldc, m, n, k, activation);
}

#else

int quill_gemm_kernels(void) { return 0; }

void quill_gemm(int kernel, const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k, int activation) {
    (void)kernel; (void)a; (void)lda; (void)packed; (void)bias; (void)c; (void)ldc; (void)m; (void)n; (void)k;
    (void)activation;
}

#endif
