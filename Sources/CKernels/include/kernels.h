// Element-wise and row-wise kernels of the encoder in C, where the compiler vectorizes them (Swift's generic SIMD
// types did not). Row-major Float32 buffers; T rows of C columns.
#ifndef QUILL_KERNELS_H
#define QUILL_KERNELS_H

#include <stddef.h>

/// x = x * 0.5 * (1 + erf(x / sqrt(2))), with erf as PyTorch's vectorized CPU kernel computes it
/// (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7) and exp as Cephes' expf polynomial.
void quill_gelu_erf(float *x, size_t n);

/// GELU's tanh approximation ("gelu_new"), in place.
void quill_gelu_tanh(float *x, size_t n);

/// Per row: x = LayerNorm(x + residual) (residual may be NULL), biased variance, statistics in double.
void quill_layer_norm(float *x, const float *residual, const float *weight, const float *bias,
                      size_t rows, size_t cols, float eps);

/// Per row: numerically stable softmax, in place.
void quill_softmax_rows(float *x, size_t rows, size_t cols);

/// Copies `bias` (cols) into every row of `y` (rows, cols).
void quill_broadcast_rows(float *y, const float *bias, size_t rows, size_t cols);

#endif
