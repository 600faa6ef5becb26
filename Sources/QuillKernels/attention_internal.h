// What kernels.c (the attention's scheme, its portable and AVX-512 paths) and attention_avx2.c (its AVX2 path)
// share. Internal to QuillKernels, not a public header.
#ifndef QUILL_ATTENTION_INTERNAL_H
#define QUILL_ATTENTION_INTERNAL_H

#include <stddef.h>

/// Context columns c0..<d of nq queries one at a time (scores: nq rows of stride kp; v: keys rows of stride ld;
/// out: nq rows of stride ldo): the columns left over after a path's vector blocks.
void quill_context_columns(const float *scores, size_t kp, const float *v, size_t ld, float *out, size_t ldo,
                           size_t nq, size_t keys, size_t c0, size_t d);

/// The AVX2 + FMA path of quill_attention_head (attention_avx2.c), for a CPU that has AVX2 and FMA: kt (d, kp)
/// and scores ((8 + d) rows of kp) are the head's scratch, kp the keys rounded up to 16.
void quill_attention_avx2(const float *q, const float *k, const float *v, size_t ld, float *out, size_t ldo,
                          size_t queries, size_t keys, size_t kp, size_t d, float scale, const float *bias,
                          ptrdiff_t ldb, float *kt, float *scores);

#endif
