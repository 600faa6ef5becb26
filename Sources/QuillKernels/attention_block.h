// One block of up to 8 (QUILL_ROWS8) or 4 (QUILL_ROWS4) queries of the AVX-512 attention kernel in kernels.c,
// included once per block size: QUILL_AB_NAME names the function, QUILL_AB_ROWS(X) expands X(0) X(1) ...
__attribute__((target("avx512f")))
static void QUILL_AB_NAME(const float *q, const float *v, size_t ld, size_t ldv, float *out, size_t ldo, size_t i0, size_t nq,
                          size_t keys, size_t kp, size_t d, float scale, const float *bias, ptrdiff_t ldb,
                          const float *kt, float *scores) {
    const __m512 vscale = _mm512_set1_ps(scale);
    {
#define Q_ROW(r) const float *q##r = q + (i0 + ((r) < nq ? (r) : nq - 1)) * ld;   // spare rows repeat the last
        QUILL_AB_ROWS(Q_ROW)
#undef Q_ROW
        // The bias rows (MPNet), added to the scaled scores as they are stored: lanes past the keys load nothing.
#define B_ROW(r) const float *b##r = bias ? bias + (ptrdiff_t)(i0 + ((r) < nq ? (r) : nq - 1)) * ldb : NULL;
        QUILL_AB_ROWS(B_ROW)
#undef B_ROW
        size_t j0 = 0;
        for (; j0 + 32 <= kp; j0 += 32) {   // 32 keys: 2 accumulators per query, twice the independent chains
#define S_DECL(r) __m512 s##r##a = _mm512_setzero_ps(), s##r##b = _mm512_setzero_ps();
            QUILL_AB_ROWS(S_DECL)
#undef S_DECL
            for (size_t c = 0; c < d; c++) {
                __m512 ka = _mm512_loadu_ps(kt + c * kp + j0), kb = _mm512_loadu_ps(kt + c * kp + j0 + 16);
#define S_FMA(r) { __m512 x = _mm512_set1_ps(q##r[c]); s##r##a = _mm512_fmadd_ps(x, ka, s##r##a); \
                   s##r##b = _mm512_fmadd_ps(x, kb, s##r##b); }
                QUILL_AB_ROWS(S_FMA)
#undef S_FMA
            }
#define S_STORE(r) _mm512_storeu_ps(scores + (r) * kp + j0, biased(_mm512_mul_ps(s##r##a, vscale), b##r, j0, keys)); \
                   _mm512_storeu_ps(scores + (r) * kp + j0 + 16, biased(_mm512_mul_ps(s##r##b, vscale), b##r, j0 + 16, keys));
            QUILL_AB_ROWS(S_STORE)
#undef S_STORE
        }
        for (; j0 < kp; j0 += 16) {
#define S_DECL(r) __m512 s##r = _mm512_setzero_ps();
            QUILL_AB_ROWS(S_DECL)
#undef S_DECL
            for (size_t c = 0; c < d; c++) {
                __m512 kv = _mm512_loadu_ps(kt + c * kp + j0);
#define S_FMA(r) s##r = _mm512_fmadd_ps(_mm512_set1_ps(q##r[c]), kv, s##r);
                QUILL_AB_ROWS(S_FMA)
#undef S_FMA
            }
#define S_STORE(r) _mm512_storeu_ps(scores + (r) * kp + j0, biased(_mm512_mul_ps(s##r, vscale), b##r, j0, keys));
            QUILL_AB_ROWS(S_STORE)
#undef S_STORE
        }
        softmax_rows_avx512(scores, kp, keys, nq);
        size_t c0 = 0;
        for (; c0 + 32 <= d; c0 += 32) {
#define O_DECL(r) __m512 o##r##a = _mm512_setzero_ps(), o##r##b = _mm512_setzero_ps();
            QUILL_AB_ROWS(O_DECL)
#undef O_DECL
            for (size_t j = 0; j < keys; j++) {
                __m512 va = _mm512_loadu_ps(v + j * ldv + c0), vb = _mm512_loadu_ps(v + j * ldv + c0 + 16);
#define O_FMA(r) { __m512 p = _mm512_set1_ps(scores[(r) * kp + j]); \
                   o##r##a = _mm512_fmadd_ps(p, va, o##r##a); o##r##b = _mm512_fmadd_ps(p, vb, o##r##b); }
                QUILL_AB_ROWS(O_FMA)
#undef O_FMA
            }
#define O_STORE(r) if ((r) < nq) { _mm512_storeu_ps(out + (i0 + (r)) * ldo + c0, o##r##a); \
                                   _mm512_storeu_ps(out + (i0 + (r)) * ldo + c0 + 16, o##r##b); }
            QUILL_AB_ROWS(O_STORE)
#undef O_STORE
        }
        quill_context_columns(scores, kp, v, ldv, out + i0 * ldo, ldo, nq, keys, c0, d);
    }
}

