// A GEMM for the encoder's linear layers: C = activation(A · Wᵀ + bias), with W (the weight, [N, K] as
// PyTorch stores it) packed once at load into column panels. AVX-512 where the CPU has it; callers fall back to
// BLAS when quill_gemm_available() is false. Any N: the last panel is zero-padded.
#ifndef QUILL_GEMM_H
#define QUILL_GEMM_H

#include <stddef.h>

/// Columns per packed panel.
#define QUILL_GEMM_NR 48

/// Rows per micro-kernel tile (a product whose rows are a multiple of it copies no partial tile).
#define QUILL_GEMM_MR 8

/// Whether the packed GEMM runs on this CPU (AVX-512F).
int quill_gemm_available(void);

/// Activations applied to C after the product (and bias), while C is still in cache.
#define QUILL_ACTIVATION_NONE 0
#define QUILL_ACTIVATION_GELU_ERF 1
#define QUILL_ACTIVATION_GELU_TANH 2
#define QUILL_ACTIVATION_RELU 3

/// x = activation(x) in place over n floats, one of QUILL_ACTIVATION_* (what quill_gemm applies to its output).
void quill_activate(float *x, size_t n, int activation);

/// Floats needed to pack a weight of N rows and K columns (N rounded up to a multiple of QUILL_GEMM_NR).
size_t quill_gemm_packed_size(size_t n, size_t k);

/// Packs weight W (N, K) row-major into `packed`: panel p holds columns p*NR..<p*NR+NR of Wᵀ, k-major.
void quill_gemm_pack(const float *w, size_t n, size_t k, float *packed);

/// C (M, N, row stride ldc) = activation(A (M, K, row stride lda) · Wᵀ + bias), with W packed by
/// quill_gemm_pack. `bias` (N floats) may be NULL; `activation` is one of QUILL_ACTIVATION_*.
void quill_gemm(const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k, int activation);

#endif
