// Micro-benchmark of Quill's packed GEMM (Sources/QuillKernels) on all-mpnet-base-v2's four layer products, one
// thread, thread CPU time (so that a busy shared machine disturbs it less than wall time would): each product's best
// time, and the best pass over LAYERS layers' distinct weights (whose 28 MB each come from L3 or memory, as in the
// encoder). Compare kernels or blockings by running builds of it interleaved, several times.
// Build with clang, as SwiftPM builds the kernels (GCC's code for them ran at a third of the speed), from the root:
//   clang -O2 -ISources/QuillKernels/include -ISources/QuillKernels Sources/QuillKernels/gemm.c
//         Sources/QuillKernels/gemm_avx2.c Sources/QuillKernels/kernels.c scripts/bench/gemm_shapes.c
//         -lm -lpthread -o /tmp/gemm_shapes            (one command line)
//   /tmp/gemm_shapes [ROWS=128] [LAYERS=4] [PASSES=6]     (AVX2=1 in the environment: the AVX2 kernel on AVX-512)
#include "gemm.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int kernels = quill_gemm_kernels();
    int kernel = (kernels & QUILL_GEMM_AVX512) && !getenv("AVX2") ? QUILL_GEMM_AVX512 : QUILL_GEMM_AVX2;
    if (!(kernels & kernel)) {
        fprintf(stderr, "gemm_shapes: this CPU runs neither kernel\n");
        return 1;
    }
    size_t M = argc > 1 ? (size_t)atoi(argv[1]) : 128, layers = argc > 2 ? (size_t)atoi(argv[2]) : 4;
    size_t passes = argc > 3 ? (size_t)atoi(argv[3]) : 6, C = 768, I = 3072;
    if (M == 0 || layers == 0 || layers > 16 || passes == 0) {
        fprintf(stderr, "gemm_shapes: ROWS > 0, 1 <= LAYERS <= 16, PASSES > 0\n");
        return 1;
    }
    const size_t shapes[4][3] = {{3 * C, C, 0}, {C, C, 0}, {I, C, 1}, {C, I, 0}};   // N, K, GELU: QKV, out, FFN
    float *w[16][4], *bias = malloc(I * sizeof(float)), *src = malloc(I * C * sizeof(float) + 16 * 1000 * sizeof(float));
    float *a = malloc(M * I * sizeof(float)), *c = malloc(M * I * sizeof(float));
    if (!bias || !src || !a || !c) return 1;
    for (size_t i = 0; i < I; i++) bias[i] = 0.01f * (float)(i % 7);
    for (size_t i = 0; i < I * C + 16 * 1000; i++) src[i] = (float)((i * 2654435761u) % 1000) / 1000.0f - 0.5f;
    for (size_t i = 0; i < M * I; i++) a[i] = src[i * 3 % (I * C)] * 0.1f;
    for (size_t l = 0; l < layers; l++)
        for (int s = 0; s < 4; s++) {
            w[l][s] = aligned_alloc(64, quill_gemm_packed_size(shapes[s][0], shapes[s][1]) * sizeof(float));
            if (!w[l][s]) return 1;
            quill_gemm_pack(src + l * 1000, shapes[s][0], shapes[s][1], w[l][s], kernel);
        }
    double best[4] = {1e9, 1e9, 1e9, 1e9}, best_pass = 1e9, flops = 0;
    for (size_t r = 0; r < passes; r++) {
        double pass = 0;
        for (size_t l = 0; l < layers; l++)
            for (int s = 0; s < 4; s++) {
                double t = now();
                quill_gemm(kernel, a, shapes[s][1], w[l][s], bias, c, shapes[s][0], M, shapes[s][0], shapes[s][1],
                           (int)shapes[s][2]);
                t = now() - t;
                pass += t;
                if (t < best[s]) best[s] = t;
            }
        if (pass < best_pass) best_pass = pass;
    }
    for (int s = 0; s < 4; s++) {
        double f = 2.0 * (double)M * (double)shapes[s][0] * (double)shapes[s][1];
        flops += f;
        printf("%s N=%zu K=%zu%s: %.1f GFLOP/s (best)\n", kernel == QUILL_GEMM_AVX2 ? "avx2" : "avx512", shapes[s][0],
               shapes[s][1], shapes[s][2] ? " GELU" : "", f / best[s] / 1e9);
    }
    printf("rows %zu, layer sequence over %zu layers: %.1f GFLOP/s (best pass; checksum %g)\n", M, layers,
           flops * (double)layers / best_pass / 1e9, (double)(c[5] + c[M * 700 - 3]));
    return 0;
}
