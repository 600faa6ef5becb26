// The blocking and the small helpers that gemm.c (packing, the AVX-512 kernel, the entry point) and gemm_avx2.c (the
// AVX2 + FMA kernel) share; gemm.c describes the scheme. Internal to QuillKernels, not a public header.
#ifndef QUILL_GEMM_BLOCKING_H
#define QUILL_GEMM_BLOCKING_H

#include "gemm.h"

#include <stddef.h>

#define NR QUILL_GEMM_NR
#define MR QUILL_GEMM_MR
#ifndef KC
#define KC 384
#endif
#ifndef MC
#define MC 192
#endif
#define SW 16    // AVX2: columns of one third of a panel (two 8-float vectors)
#define MR2 6    // AVX2: rows of the micro-kernel

static inline size_t panel_count(size_t n) { return (n + NR - 1) / NR; }

static inline void activate_rows(float *c, size_t ldc, size_t rows, size_t n, int activation) {
    if (activation == QUILL_ACTIVATION_NONE) return;
    for (size_t i = 0; i < rows; i++) quill_activate(c + i * ldc, n, activation);
}

// Row blocks of equal size (a multiple of MR) up to MC: 136 rows run as one block, not 128 + 8 (a block of a few
// rows streams every weight panel for one tile and ran at half speed), and 400 rows as 136 + 136 + 128.
static inline size_t block_step(size_t m) {
    size_t blocks = (m + MC - 1) / MC;
    return ((m + blocks - 1) / blocks + MR - 1) / MR * MR;
}

/// The AVX2 + FMA GEMM (gemm_avx2.c), quill_gemm's contract for m, n, k > 0.
void quill_gemm_avx2(const float *a, size_t lda, const float *packed, const float *bias, float *c, size_t ldc,
                     size_t m, size_t n, size_t k, int activation);

#endif
