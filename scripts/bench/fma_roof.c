// The machine's FMA roof: a register-only fused multiply-add loop on every core at once, for the benchmark's
// "fraction of roof" figure (scripts/bench/roof.py compiles and runs it).
//   cc -O2 -mavx2 -mfma fma_roof.c -o fma_roof -lpthread            (AVX2: 8 floats per FMA)
//   cc -O2 -mavx512f -mfma fma_roof.c -o fma_roof -lpthread         (AVX-512: 16 floats per FMA)
//   fma_roof THREADS SECONDS   prints one JSON line: {"isa", "threads", "seconds", "gflops", "per_thread"}
// Each thread keeps 12 independent accumulators in registers (enough to cover the FMA latency of two FMA units),
// touches no memory in the loop, and counts 2 FLOPs per lane per FMA. No thread pinning: the OS spreads them.
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__)
typedef __m512 vec;
#define LANES 16
#define ISA "avx512"
#define SET1 _mm512_set1_ps
#define FMA _mm512_fmadd_ps
#define SUM(v) _mm512_reduce_add_ps(v)
#else
typedef __m256 vec;
#define LANES 8
#define ISA "avx2"
#define SET1 _mm256_set1_ps
#define FMA _mm256_fmadd_ps
static float sum256(__m256 v) {
    float f[8];
    _mm256_storeu_ps(f, v);
    return f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6] + f[7];
}
#define SUM(v) sum256(v)
#endif

enum { ACC = 12, INNER = 1 << 16 };

typedef struct {
    double seconds;  // how long to run
    double flops;    // out: FLOPs done
    double elapsed;  // out: seconds taken
    float sink;      // out: keeps the results live
} job;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

// Twelve named accumulators (an array would be kept in memory at -O2), each one FMA per step.
#define STEP(x) x = FMA(x, a, b)
#define STEP12 STEP(c0); STEP(c1); STEP(c2); STEP(c3); STEP(c4); STEP(c5); \
               STEP(c6); STEP(c7); STEP(c8); STEP(c9); STEP(c10); STEP(c11)

static void *run(void *arg) {
    job *j = arg;
    vec c0 = SET1(1.000f), c1 = SET1(1.001f), c2 = SET1(1.002f), c3 = SET1(1.003f), c4 = SET1(1.004f),
        c5 = SET1(1.005f), c6 = SET1(1.006f), c7 = SET1(1.007f), c8 = SET1(1.008f), c9 = SET1(1.009f),
        c10 = SET1(1.010f), c11 = SET1(1.011f);
    const vec a = SET1(0.999999f), b = SET1(1e-7f);
    long rounds = 0;
    double start = now(), t = start;
    while (t - start < j->seconds) {
        for (int n = 0; n < INNER; n++) {
            STEP12;
        }
        rounds++;
        t = now();
    }
    j->sink = SUM(c0) + SUM(c1) + SUM(c2) + SUM(c3) + SUM(c4) + SUM(c5) + SUM(c6) + SUM(c7) + SUM(c8) + SUM(c9)
              + SUM(c10) + SUM(c11);
    j->elapsed = t - start;
    j->flops = (double)rounds * INNER * ACC * LANES * 2.0;
    return NULL;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    double seconds = argc > 2 ? atof(argv[2]) : 2.0;
    if (threads < 1 || threads > 1024 || !(seconds > 0)) {
        fprintf(stderr, "usage: fma_roof THREADS SECONDS\n");
        return 2;
    }
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    job *jobs = calloc((size_t)threads, sizeof *jobs);
    if (!tid || !jobs) return 1;
    for (int i = 0; i < threads; i++) {
        jobs[i].seconds = seconds;
        if (pthread_create(&tid[i], NULL, run, &jobs[i]) != 0) {
            fprintf(stderr, "fma_roof: pthread_create failed\n");
            return 1;
        }
    }
    double total = 0, sink = 0;
    printf("{\"isa\": \"%s\", \"threads\": %d, \"seconds\": %g, \"per_thread\": [", ISA, threads, seconds);
    for (int i = 0; i < threads; i++) {
        pthread_join(tid[i], NULL);
        double g = jobs[i].flops / jobs[i].elapsed / 1e9;
        total += g;
        sink += jobs[i].sink;
        printf("%s%.2f", i ? ", " : "", g);
    }
    printf("], \"gflops\": %.2f, \"sink\": %g}\n", total, sink);
    free(tid);
    free(jobs);
    return 0;
}
