// A GEMM for the encoder's linear layers: C = activation(A · Wᵀ + bias), with W (the weight, [N, K] as
// PyTorch stores it) packed once at load into column panels. Two kernels: AVX-512, and AVX2 with FMA; callers fall
// back to BLAS when the CPU runs neither (quill_gemm_kernels() == 0). Any N: the last panel is zero-padded.
// Every output is the bias (or 0) plus its K products, fused multiply-adds in K order, then the activation: its bits
// do not depend on the row count of the call, on the row's place in it, or on which kernel ran (see gemm.c).
#ifndef QUILL_GEMM_H
#define QUILL_GEMM_H

#include <stddef.h>

/// Columns per packed panel.
#define QUILL_GEMM_NR 48

/// Rows per micro-kernel tile (a product whose rows are a multiple of it copies no partial tile).
#define QUILL_GEMM_MR 8

/// The kernels, as bits of quill_gemm_kernels()'s result and as the `kernel` argument of quill_gemm_pack and quill_gemm.
#define QUILL_GEMM_AVX512 1
#define QUILL_GEMM_AVX2 2

/// The kernels this CPU runs (QUILL_GEMM_AVX512: AVX-512F; QUILL_GEMM_AVX2: AVX2 and FMA), or 0.
int quill_gemm_kernels(void);

/// Activations applied to C after the product (and bias), while C is still in cache.
#define QUILL_ACTIVATION_NONE 0
#define QUILL_ACTIVATION_GELU_ERF 1
#define QUILL_ACTIVATION_GELU_TANH 2
#define QUILL_ACTIVATION_RELU 3

/// x = activation(x) in place over n floats, one of QUILL_ACTIVATION_* (what quill_gemm applies to its output).
void quill_activate(float *x, size_t n, int activation);

/// Floats needed to pack a weight of N rows and K columns (N rounded up to a multiple of QUILL_GEMM_NR).
size_t quill_gemm_packed_size(size_t n, size_t k);

/// Packs weight W (N, K) row-major into `packed` for `kernel`: panel p (at packed + p*NR*K) holds columns
/// p*NR..<p*NR+NR of Wᵀ, k-major (AVX-512: 48 floats per k; AVX2: three strips of 16 columns, each k-major).
void quill_gemm_pack(const float *w, size_t n, size_t k, float *packed, int kernel);

/// C (M, N, row stride ldc) = activation(A (M, K, row stride lda) · Wᵀ + bias), with W packed by
/// quill_gemm_pack for the same `kernel` (one this CPU runs). `bias` (N floats) may be NULL; `activation` is one
/// of QUILL_ACTIVATION_*. A range of W's panels is itself a packed weight (packed + p*NR*K, N counted from there).
void quill_gemm(int kernel, const float *a, size_t lda, const float *packed, const float *bias,
                float *c, size_t ldc, size_t m, size_t n, size_t k, int activation);

#endif
