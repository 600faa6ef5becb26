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

/// One head of self-attention over one sequence of `keys` tokens: for each of the first `queries` rows,
/// out = softmax(scale · q · Kᵀ + bias) · V. q, k and v are rows of `d` floats at row stride `ld` (a packed QKV
/// matrix); out has row stride `ldo`; scratch holds (2d + 8) * (keys rounded up to a multiple of 16) floats.
/// bias (NULL for none): query i's additive scores over the keys at bias + i·ldb; ldb may be negative (MPNet's
/// relative position bias is a Toeplitz matrix: one vector read with ldb = -1).
void quill_attention_head(const float *q, const float *k, const float *v, size_t ld, float *out, size_t ldo,
                          size_t queries, size_t keys, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                          float *scratch);

/// The same on the portable path (what CPUs with neither AVX-512 nor AVX2 + FMA run; for tests).
void quill_attention_head_portable(const float *q, const float *k, const float *v, size_t ld, float *out,
                                   size_t ldo, size_t queries, size_t keys, size_t d, float scale, const float *bias,
                                   ptrdiff_t ldb, float *scratch);

/// The attention of one query per head over one sequence, with its keys and values never formed (a cross-encoder's
/// last layer, whose first token alone is read): for head h, scores_j = scale · (x_j · qk[h] + qb[h]) over the
/// sequence's rows x_j (`tokens` rows of `c` floats, row stride ldx), p = softmax(scores), xbar[h] = Σ_j p_j x_j.
/// With qk[h] = Wk_hᵀ q_h and qb[h] = q_h · bk_h, the head's context is Wv_h · xbar[h] + bv_h.
/// qk, xbar: (heads, c); qb: (heads); scores: scratch of heads · tokens floats. Nothing is written for 0 tokens.
/// bias (NULL for none): head h's additive scores over the tokens at bias + h·ldbh, added after the scale.
void quill_first_token_attention(const float *x, size_t ldx, size_t tokens, const float *qk, const float *qb,
                                 size_t heads, size_t c, float scale, const float *bias, size_t ldbh, float *xbar,
                                 float *scores);

/// Copies `bias` (cols) into every row of `y` (rows, cols).
void quill_broadcast_rows(float *y, const float *bias, size_t rows, size_t cols);

#endif
