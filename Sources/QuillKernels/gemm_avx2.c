// The AVX2 + FMA GEMM behind quill_gemm (gemm.c has the blocking scheme and the contract: every output is the bias
// plus its K products as fused multiply-adds in K order, then the activation, whatever the row count).
//   for each block of up to MC rows of A, for each KC-slice of K:
//     the block's slice of A is copied into tiles of 6 rows, each k-major (pack_tiles);
//     for each panel of 48 columns, for each 16-column strip of it (its KC-slice, 24 KB, stays in L1):
//       for each tile: the 6x16 micro-kernel (12 accumulators), the block's last rows in tiles of 4 or fewer,
//       prefetching a share of the next strip into L2;
//     (in the last KC-slice, the activation is applied to the panel's block of C, still in L2)
// Why A is copied: read in place, a tile's 6 rows lie lda floats apart (768 or 3072 for an encoder), a stride that
// puts them in the same few L1 sets as the strip of B, which they then evicted; copied, they are one sequential
// stream. With the next strip prefetched (B comes from L3 or memory: a 12-layer model's weights are 340 MB), one
// core of the shared Zen 3 EPYC (AVX2 roof ~100 GFLOP/s) went from 70-72 to 87-89 GFLOP/s on all-mpnet-base-v2's
// layer sequence of 128 rows and from 76-83 to 87-93 on its single products (scripts/bench/gemm_shapes.c, best
// of the passes, thread CPU time), with the same bits in every output.
#include "gemm.h"
#include "gemm_blocking.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

// C[0..<rows][0..<16] = (load ? C : bias ?: 0) + A[0..<rows][0..<kc] · B[0..<kc][0..<16], rows <= 6: 2 * rows
// accumulators (12 at 6 rows, with the two B vectors and a broadcast: 15 of the 16 registers). a: the tile as
// pack_tiles lays it out (`rows` floats per k); b: a strip's KC-slice, k-major, 16 floats per k; bias: 16 floats or
// NULL. Inlined with a constant `rows` into one function per row count, so the loops over rows unroll and the
// accumulators stay in registers. Meanwhile it prefetches pf_lines cache lines from pf into L2, one every 8 steps.
__attribute__((target("avx2,fma"), always_inline))
static inline void kernel_avx2(const int rows, const float *a, const float *b, float *c, size_t ldc, size_t kc,
                               int load, const float *bias, const char *pf, size_t pf_lines) {
    __m256 c0[MR2], c1[MR2];
    if (load) {
        for (int i = 0; i < rows; i++) {
            c0[i] = _mm256_loadu_ps(c + i * ldc);
            c1[i] = _mm256_loadu_ps(c + i * ldc + 8);
        }
    } else {
        __m256 z0 = bias ? _mm256_loadu_ps(bias) : _mm256_setzero_ps();
        __m256 z1 = bias ? _mm256_loadu_ps(bias + 8) : _mm256_setzero_ps();
        for (int i = 0; i < rows; i++) {
            c0[i] = z0;
            c1[i] = z1;
        }
    }
    const char *pf_end = pf ? pf + pf_lines * 64 : NULL;
#define STEP_AVX2(k) { \
        __m256 b0 = _mm256_loadu_ps(b + (k) * SW), b1 = _mm256_loadu_ps(b + (k) * SW + 8); \
        for (int i = 0; i < rows; i++) { \
            __m256 x = _mm256_broadcast_ss(a + (k) * rows + i); \
            c0[i] = _mm256_fmadd_ps(x, b0, c0[i]); \
            c1[i] = _mm256_fmadd_ps(x, b1, c1[i]); \
        } }
    size_t k = 0;
    for (; k + 4 <= kc; k += 4) {
        if ((k & 4) == 0 && pf < pf_end) {
            _mm_prefetch(pf, _MM_HINT_T1);
            pf += 64;
        }
        STEP_AVX2(k) STEP_AVX2(k + 1) STEP_AVX2(k + 2) STEP_AVX2(k + 3)
    }
    for (; k < kc; k++) STEP_AVX2(k)
#undef STEP_AVX2
    for (int i = 0; i < rows; i++) {
        _mm256_storeu_ps(c + i * ldc, c0[i]);
        _mm256_storeu_ps(c + i * ldc + 8, c1[i]);
    }
}

// The tile of `rows` (1 to 6) rows.
__attribute__((target("avx2,fma")))
static void kernel_rows_x16(size_t rows, const float *a, const float *b, float *c, size_t ldc, size_t kc, int load,
                            const float *bias, const char *pf, size_t pf_lines) {
    switch (rows) {
    case 1: kernel_avx2(1, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    case 2: kernel_avx2(2, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    case 3: kernel_avx2(3, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    case 4: kernel_avx2(4, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    case 5: kernel_avx2(5, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    default: kernel_avx2(MR2, a, b, c, ldc, kc, load, bias, pf, pf_lines); break;
    }
}

// A strip at the right edge (fewer than 16 columns): the same kernel on a 16-column copy of the tile, which starts
// from C, the bias or zero as the tile would.
static void kernel_avx2_edge(const float *a, size_t rows, const float *b, float *c, size_t ldc, size_t cols,
                             size_t kc, int load, const float *bias) {
    float ct[MR2 * SW];
    memset(ct, 0, sizeof ct);
    for (size_t i = 0; i < rows; i++) {
        if (load) memcpy(ct + i * SW, c + i * ldc, cols * sizeof(float));
        else if (bias) memcpy(ct + i * SW, bias, cols * sizeof(float));
    }
    kernel_rows_x16(rows, a, b, ct, SW, kc, 1, NULL, NULL, 0);
    for (size_t i = 0; i < rows; i++) memcpy(c + i * ldc, ct + i * SW, cols * sizeof(float));
}

// Rows of the tile that starts at row i of a block ending at `end`: 6, and the last 7 or 8 rows as two tiles of 4
// (8 accumulators each), not 6 + 1 or 6 + 2 (a 1- or 2-row tile waits on its few accumulators' latency).
static size_t tile_rows(size_t i, size_t end) {
    size_t left = end - i;
    return left >= MR2 && left != 7 && left != 8 ? MR2 : left > MR2 ? 4 : left;
}

// A 6-row tile's kc columns (rows lda floats apart) into dst k-major, 8 values of k at a time: the rows' 8 values
// transposed in registers as an 8 x 8 block with two zero rows, then 6 floats stored per k (each store writes 2
// floats the next one overwrites; the last is masked), the rest one at a time.
__attribute__((target("avx2,fma")))
static void pack_tile6(const float *src, size_t lda, size_t kc, float *dst) {
    const __m256i six = _mm256_setr_epi32(-1, -1, -1, -1, -1, -1, 0, 0);
    const __m256 zero = _mm256_setzero_ps();
    size_t kk = 0;
    for (; kk + 8 <= kc; kk += 8, dst += 8 * MR2) {
        __m256 r0 = _mm256_loadu_ps(src + kk), r1 = _mm256_loadu_ps(src + lda + kk);
        __m256 r2 = _mm256_loadu_ps(src + 2 * lda + kk), r3 = _mm256_loadu_ps(src + 3 * lda + kk);
        __m256 r4 = _mm256_loadu_ps(src + 4 * lda + kk), r5 = _mm256_loadu_ps(src + 5 * lda + kk);
        __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
        __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
        __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
        __m256 s0 = _mm256_shuffle_ps(t0, t2, 0x44), s1 = _mm256_shuffle_ps(t0, t2, 0xEE);
        __m256 s2 = _mm256_shuffle_ps(t1, t3, 0x44), s3 = _mm256_shuffle_ps(t1, t3, 0xEE);
        __m256 s4 = _mm256_shuffle_ps(t4, zero, 0x44), s5 = _mm256_shuffle_ps(t4, zero, 0xEE);
        __m256 s6 = _mm256_shuffle_ps(t5, zero, 0x44), s7 = _mm256_shuffle_ps(t5, zero, 0xEE);
        // column j (k = kk + j) is lanes 0..5 of c_j
        _mm256_storeu_ps(dst, _mm256_permute2f128_ps(s0, s4, 0x20));
        _mm256_storeu_ps(dst + 6, _mm256_permute2f128_ps(s1, s5, 0x20));
        _mm256_storeu_ps(dst + 12, _mm256_permute2f128_ps(s2, s6, 0x20));
        _mm256_storeu_ps(dst + 18, _mm256_permute2f128_ps(s3, s7, 0x20));
        _mm256_storeu_ps(dst + 24, _mm256_permute2f128_ps(s0, s4, 0x31));
        _mm256_storeu_ps(dst + 30, _mm256_permute2f128_ps(s1, s5, 0x31));
        _mm256_storeu_ps(dst + 36, _mm256_permute2f128_ps(s2, s6, 0x31));
        _mm256_maskstore_ps(dst + 42, six, _mm256_permute2f128_ps(s3, s7, 0x31));
    }
    for (; kk < kc; kk++, dst += MR2)
        for (size_t r = 0; r < MR2; r++) dst[r] = src[r * lda + kk];
}

// A block's KC-slice, A[m0..<end][k0..<k0+kc], copied tile by tile (tile_rows) into ap: the tile at row i goes to
// ap + (i - m0) * kc, k-major (its rows' values for one k side by side).
static void pack_tiles(const float *a, size_t lda, size_t m0, size_t end, size_t k0, size_t kc, float *ap) {
    for (size_t i = m0; i < end;) {
        size_t rows = tile_rows(i, end);
        float *dst = ap + (i - m0) * kc;
        const float *src = a + i * lda + k0;
        if (rows == MR2)
            pack_tile6(src, lda, kc, dst);
        else
            for (size_t kk = 0; kk < kc; kk++, dst += rows)
                for (size_t r = 0; r < rows; r++) dst[r] = src[r * lda + kk];
        i += rows;
    }
}

// The calling thread's buffer for the packed tiles (MC x KC floats, 288 KB), made on its first product and freed
// when the thread exits; NULL only when that allocation fails.
static pthread_key_t pack_key;
static pthread_once_t pack_once = PTHREAD_ONCE_INIT;
static void pack_key_make(void) { pthread_key_create(&pack_key, free); }
static float *pack_buffer(void) {
    pthread_once(&pack_once, pack_key_make);
    float *buf = pthread_getspecific(pack_key);
    if (!buf) {
        buf = aligned_alloc(64, (size_t)MC * KC * sizeof(float));
        if (buf && pthread_setspecific(pack_key, buf) != 0) {
            free(buf);
            buf = NULL;
        }
    }
    return buf;
}

// One KC-slice of one row block: every panel's strips over the packed tiles ap.
static void block_slice(const float *ap, const float *packed, const float *bias, float *c, size_t ldc, size_t m0,
                        size_t end, size_t n, size_t k, size_t k0, size_t kc, int activation) {
    size_t panels = panel_count(n), mc = end - m0, tiles = (mc + MR2 - 1) / MR2;
    int load = k0 > 0, last = k0 + KC >= k;
    for (size_t p = 0; p < panels; p++) {
        size_t cols = n - p * NR < NR ? n - p * NR : NR;
        for (size_t s = 0; s * SW < cols; s++) {
            const float *b = packed + p * k * NR + s * k * SW + k0 * SW;
            const float *pb = bias ? bias + p * NR + s * SW : NULL;
            float *cs = c + p * NR + s * SW;
            size_t width = cols - s * SW < SW ? cols - s * SW : SW;
            // The strip read next (the panel's next strip, or the next panel's first: k * SW floats on), its
            // KC-slice's lines prefetched in equal shares by this strip's tiles.
            const float *next = s + 1 < NR / SW || p + 1 < panels ? b + k * SW : NULL;
            size_t lines = next ? kc * SW * sizeof(float) / 64 : 0, share = (lines + tiles - 1) / tiles, t = 0;
            for (size_t i = m0; i < end; t++) {
                size_t rows = tile_rows(i, end);
                if (width == SW) {
                    size_t first = t * share < lines ? t * share : lines;
                    size_t count = lines - first < share ? lines - first : share;
                    kernel_rows_x16(rows, ap + (i - m0) * kc, b, cs + i * ldc, ldc, kc, load, pb,
                                    next ? (const char *)next + first * 64 : NULL, count);
                } else {
                    kernel_avx2_edge(ap + (i - m0) * kc, rows, b, cs + i * ldc, ldc, width, kc, load, pb);
                }
                i += rows;
            }
        }
        // the panel's block of C (up to 192 x 48 floats) is still in L2
        if (last) activate_rows(c + m0 * ldc + p * NR, ldc, mc, cols, activation);
    }
}

void quill_gemm_avx2(const float *a, size_t lda, const float *packed, const float *bias, float *c, size_t ldc,
                     size_t m, size_t n, size_t k, int activation) {
    // Without the thread's buffer (its allocation failed), blocks of up to 8 rows copied on the stack: slower, and
    // the same bits (an output does not depend on the blocking).
    float small[8 * KC];
    float *ap = pack_buffer();
    size_t step = ap ? block_step(m) : 8;
    if (!ap) ap = small;
    for (size_t m0 = 0; m0 < m; m0 += step) {
        size_t end = m - m0 < step ? m : m0 + step;
        for (size_t k0 = 0; k0 < k; k0 += KC) {
            size_t kc = k - k0 < KC ? k - k0 : KC;
            pack_tiles(a, lda, m0, end, k0, kc, ap);
            block_slice(ap, packed, bias, c, ldc, m0, end, n, k, k0, kc, activation);
        }
    }
}

#else

void quill_gemm_avx2(const float *a, size_t lda, const float *packed, const float *bias, float *c, size_t ldc,
                     size_t m, size_t n, size_t k, int activation) {
    (void)a; (void)lda; (void)packed; (void)bias; (void)c; (void)ldc; (void)m; (void)n; (void)k; (void)activation;
}

#endif
