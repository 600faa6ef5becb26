// A GEMM for the encoder's linear layers: C = A · Bᵀ (+ C when accumulate), with B (the weight, [N, K] as
// PyTorch stores it) packed once at load into column panels. AVX-512 where the CPU has it; callers fall back to
// BLAS when quill_gemm_available() is false or N is not a multiple of QUILL_GEMM_NR.
#ifndef QUILL_GEMM_H
#define QUILL_GEMM_H

#include <stddef.h>

/// Columns per packed panel.
#define QUILL_GEMM_NR 32

/// Whether the packed GEMM runs on this CPU (AVX-512F).
int quill_gemm_available(void);

/// Floats needed to pack a weight of N rows and K columns (N a multiple of QUILL_GEMM_NR).
size_t quill_gemm_packed_size(size_t n, size_t k);

/// Packs weight W (N, K) row-major into `packed`: panel p holds columns p*NR..<p*NR+NR of Wᵀ, k-major.
void quill_gemm_pack(const float *w, size_t n, size_t k, float *packed);

/// C (M, N, row stride ldc) = A (M, K, row stride lda) · Wᵀ, with W packed by quill_gemm_pack.
/// When `bias` is not NULL each row of C starts from it; otherwise C starts from zero.
void quill_gemm(const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k);

#endif
