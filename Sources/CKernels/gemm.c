// See include/gemm.h. Blocking: K in blocks of KC (the A block and a B panel slice stay in cache), M in blocks
// of MC, and a register-blocked 8x32 micro-kernel (16 accumulators) that broadcasts A from its rows in place
// (no packing of A) and streams the packed B panel.
#include "gemm.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define QUILL_HAVE_AVX512_PATH 1
#endif

#define NR QUILL_GEMM_NR
#define MR 8
#define KC 256
#define MC 64

size_t quill_gemm_packed_size(size_t n, size_t k) { return n * k; }

void quill_gemm_pack(const float *w, size_t n, size_t k, float *packed) {
    size_t panels = n / NR;
    for (size_t p = 0; p < panels; p++) {
        float *dst = packed + p * k * NR;
        for (size_t kk = 0; kk < k; kk++)
            for (size_t j = 0; j < NR; j++) dst[kk * NR + j] = w[(p * NR + j) * k + kk];
    }
}

#ifdef QUILL_HAVE_AVX512_PATH

int quill_gemm_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

// C[rows 0..<mr][0..<32] (+)= A[rows][k0..<k0+kc] · Bpanel[k0..<k0+kc][0..<32]
__attribute__((target("avx512f")))
static void kernel_8x32(const float *a, size_t lda, const float *b, float *c, size_t ldc, size_t kc, int load_c) {
    __m512 c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
    if (load_c) {
        c00 = _mm512_loadu_ps(c + 0 * ldc); c01 = _mm512_loadu_ps(c + 0 * ldc + 16);
        c10 = _mm512_loadu_ps(c + 1 * ldc); c11 = _mm512_loadu_ps(c + 1 * ldc + 16);
        c20 = _mm512_loadu_ps(c + 2 * ldc); c21 = _mm512_loadu_ps(c + 2 * ldc + 16);
        c30 = _mm512_loadu_ps(c + 3 * ldc); c31 = _mm512_loadu_ps(c + 3 * ldc + 16);
        c40 = _mm512_loadu_ps(c + 4 * ldc); c41 = _mm512_loadu_ps(c + 4 * ldc + 16);
        c50 = _mm512_loadu_ps(c + 5 * ldc); c51 = _mm512_loadu_ps(c + 5 * ldc + 16);
        c60 = _mm512_loadu_ps(c + 6 * ldc); c61 = _mm512_loadu_ps(c + 6 * ldc + 16);
        c70 = _mm512_loadu_ps(c + 7 * ldc); c71 = _mm512_loadu_ps(c + 7 * ldc + 16);
    } else {
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = _mm512_setzero_ps();
        c40 = c41 = c50 = c51 = c60 = c61 = c70 = c71 = _mm512_setzero_ps();
    }
    const float *a0 = a, *a1 = a + lda, *a2 = a + 2 * lda, *a3 = a + 3 * lda;
    const float *a4 = a + 4 * lda, *a5 = a + 5 * lda, *a6 = a + 6 * lda, *a7 = a + 7 * lda;
    for (size_t k = 0; k < kc; k++) {
        __m512 b0 = _mm512_loadu_ps(b + k * NR);
        __m512 b1 = _mm512_loadu_ps(b + k * NR + 16);
        __m512 x;
        x = _mm512_set1_ps(a0[k]); c00 = _mm512_fmadd_ps(x, b0, c00); c01 = _mm512_fmadd_ps(x, b1, c01);
        x = _mm512_set1_ps(a1[k]); c10 = _mm512_fmadd_ps(x, b0, c10); c11 = _mm512_fmadd_ps(x, b1, c11);
        x = _mm512_set1_ps(a2[k]); c20 = _mm512_fmadd_ps(x, b0, c20); c21 = _mm512_fmadd_ps(x, b1, c21);
        x = _mm512_set1_ps(a3[k]); c30 = _mm512_fmadd_ps(x, b0, c30); c31 = _mm512_fmadd_ps(x, b1, c31);
        x = _mm512_set1_ps(a4[k]); c40 = _mm512_fmadd_ps(x, b0, c40); c41 = _mm512_fmadd_ps(x, b1, c41);
        x = _mm512_set1_ps(a5[k]); c50 = _mm512_fmadd_ps(x, b0, c50); c51 = _mm512_fmadd_ps(x, b1, c51);
        x = _mm512_set1_ps(a6[k]); c60 = _mm512_fmadd_ps(x, b0, c60); c61 = _mm512_fmadd_ps(x, b1, c61);
        x = _mm512_set1_ps(a7[k]); c70 = _mm512_fmadd_ps(x, b0, c70); c71 = _mm512_fmadd_ps(x, b1, c71);
    }
    _mm512_storeu_ps(c + 0 * ldc, c00); _mm512_storeu_ps(c + 0 * ldc + 16, c01);
    _mm512_storeu_ps(c + 1 * ldc, c10); _mm512_storeu_ps(c + 1 * ldc + 16, c11);
    _mm512_storeu_ps(c + 2 * ldc, c20); _mm512_storeu_ps(c + 2 * ldc + 16, c21);
    _mm512_storeu_ps(c + 3 * ldc, c30); _mm512_storeu_ps(c + 3 * ldc + 16, c31);
    _mm512_storeu_ps(c + 4 * ldc, c40); _mm512_storeu_ps(c + 4 * ldc + 16, c41);
    _mm512_storeu_ps(c + 5 * ldc, c50); _mm512_storeu_ps(c + 5 * ldc + 16, c51);
    _mm512_storeu_ps(c + 6 * ldc, c60); _mm512_storeu_ps(c + 6 * ldc + 16, c61);
    _mm512_storeu_ps(c + 7 * ldc, c70); _mm512_storeu_ps(c + 7 * ldc + 16, c71);
}

// The same for fewer than 8 rows (the tail of M).
__attribute__((target("avx512f")))
static void kernel_rx32(const float *a, size_t lda, const float *b, float *c, size_t ldc, size_t kc, int load_c,
                        size_t rows) {
    for (size_t r = 0; r < rows; r++) {
        __m512 c0 = load_c ? _mm512_loadu_ps(c + r * ldc) : _mm512_setzero_ps();
        __m512 c1 = load_c ? _mm512_loadu_ps(c + r * ldc + 16) : _mm512_setzero_ps();
        const float *ar = a + r * lda;
        for (size_t k = 0; k < kc; k++) {
            __m512 x = _mm512_set1_ps(ar[k]);
            c0 = _mm512_fmadd_ps(x, _mm512_loadu_ps(b + k * NR), c0);
            c1 = _mm512_fmadd_ps(x, _mm512_loadu_ps(b + k * NR + 16), c1);
        }
        _mm512_storeu_ps(c + r * ldc, c0);
        _mm512_storeu_ps(c + r * ldc + 16, c1);
    }
}

void quill_gemm(const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k) {
    size_t panels = n / NR;
    if (bias) {
        for (size_t i = 0; i < m; i++) memcpy(c + i * ldc, bias, n * sizeof(float));
    }
    for (size_t k0 = 0; k0 < k; k0 += KC) {
        size_t kc = k - k0 < KC ? k - k0 : KC;
        int load_c = bias != NULL || k0 > 0;
        for (size_t m0 = 0; m0 < m; m0 += MC) {
            size_t mc = m - m0 < MC ? m - m0 : MC;
            for (size_t p = 0; p < panels; p++) {
                const float *b = packed + p * k * NR + k0 * NR;
                size_t i = 0;
                for (; i + MR <= mc; i += MR)
                    kernel_8x32(a + (m0 + i) * lda + k0, lda, b, c + (m0 + i) * ldc + p * NR, ldc, kc, load_c);
                if (i < mc)
                    kernel_rx32(a + (m0 + i) * lda + k0, lda, b, c + (m0 + i) * ldc + p * NR, ldc, kc, load_c,
                                mc - i);
            }
        }
    }
}

#else

int quill_gemm_available(void) { return 0; }

void quill_gemm(const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k) {
    (void)a; (void)lda; (void)packed; (void)bias; (void)c; (void)ldc; (void)m; (void)n; (void)k;
}

#endif
