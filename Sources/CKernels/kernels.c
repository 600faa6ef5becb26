// See include/kernels.h. Each hot function is compiled for AVX2+FMA and for the baseline, and the loader picks
// the one this CPU runs (target_clones); the arithmetic is the same in both.
#include "kernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define QUILL_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define QUILL_CLONES
#endif

// Cephes expf on [-87.3, 88.4]; branch-free so loops vectorize.
static inline float quill_expf(float v) {
    float x = v < -87.33654f ? -87.33654f : (v > 88.37626f ? 88.37626f : v);
    float n = __builtin_rintf(x * 1.44269504088896341f);
    x = x - n * 0.693359375f;
    x = x - n * -2.12194440e-4f;
    float z = x * x;
    float y = 1.9875691500e-4f;
    y = y * x + 1.3981999507e-3f;
    y = y * x + 8.3334519073e-3f;
    y = y * x + 4.1665795894e-2f;
    y = y * x + 1.6666665459e-1f;
    y = y * x + 5.0000001201e-1f;
    y = y * z + x + 1.0f;
    int32_t bits = ((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return y * scale;
}

// A&S 7.1.26, the formula of PyTorch's Vectorized<float>::erf.
static inline float quill_erff(float v) {
    float a = fabsf(v);
    float t = 1.0f / (0.3275911f * a + 1.0f);
    float r = 1.061405429f;
    r = r * t + -1.453152027f;
    r = r * t + 1.421413741f;
    r = r * t + -0.284496736f;
    r = r * t + 0.254829592f;
    float e = 1.0f - r * t * quill_expf(-(a * a));
    return v < 0 ? -e : e;
}

QUILL_CLONES
void quill_gelu_erf(float *x, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        x[i] = v * 0.5f * (1.0f + quill_erff(v * 0.70710678118654752440f));
    }
}

QUILL_CLONES
void quill_gelu_tanh(float *x, size_t n) {
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        x[i] = 0.5f * v * (1.0f + tanhf(0.7978845608028654f * (v + 0.044715f * v * v * v)));
    }
}

QUILL_CLONES
void quill_layer_norm(float *x, const float *residual, const float *weight, const float *bias,
                      size_t rows, size_t cols, float eps) {
    for (size_t t = 0; t < rows; t++) {
        float *row = x + t * cols;
        if (residual) {
            const float *r = residual + t * cols;
            for (size_t c = 0; c < cols; c++) row[c] += r[c];
        }
        double sum = 0;
        for (size_t c = 0; c < cols; c++) sum += row[c];
        double mean = sum / (double)cols;
        double sq = 0;
        for (size_t c = 0; c < cols; c++) {
            double d = (double)row[c] - mean;
            sq += d * d;
        }
        float inv = (float)(1.0 / sqrt(sq / (double)cols + (double)eps));
        float m = (float)mean;
        for (size_t c = 0; c < cols; c++) row[c] = (row[c] - m) * inv * weight[c] + bias[c];
    }
}

// Sums n floats in 16 independent lanes (so the loop vectorizes), then folds the lanes.
static inline float quill_sum(const float *x, size_t n) {
    float lanes[16] = {0};
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < 16; j++) lanes[j] += x[i + j];
    float s = 0;
    for (; i < n; i++) s += x[i];
    for (int j = 0; j < 16; j++) s += lanes[j];
    return s;
}

QUILL_CLONES
void quill_softmax_rows(float *x, size_t rows, size_t cols) {
    for (size_t t = 0; t < rows; t++) {
        float *row = x + t * cols;
        float mx = -INFINITY;
        for (size_t c = 0; c < cols; c++) mx = row[c] > mx ? row[c] : mx;
        for (size_t c = 0; c < cols; c++) row[c] = quill_expf(row[c] - mx);
        float inv = 1.0f / quill_sum(row, cols);
        for (size_t c = 0; c < cols; c++) row[c] *= inv;
    }
}

void quill_broadcast_rows(float *y, const float *bias, size_t rows, size_t cols) {
    for (size_t t = 0; t < rows; t++) memcpy(y + t * cols, bias, cols * sizeof(float));
}
