/* The kernels' bodies, included once per instruction set by kernels_*.c with
 * PK_SUFFIX (the name suffix), PK_MR (rows per register tile) and PK_NP
 * (16-column panels per register tile) defined, under a target pragma. They
 * use clang's vector extensions, so the same source becomes ZMM, YMM or
 * baseline code; floating-point contraction is on, so a·b + c becomes an FMA
 * wherever the target has one. */

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "kernels_internal.h"
#include "parley_kernels.h"

#pragma clang fp contract(fast)

#define PK_CAT2(a, b) a##_##b
#define PK_CAT(a, b) PK_CAT2(a, b)
#define PK_NAME(name) PK_CAT(name, PK_SUFFIX)

typedef float PK_CAT(pk_v16, PK_SUFFIX) __attribute__((ext_vector_type(16), aligned(4)));
#define V16 PK_CAT(pk_v16, PK_SUFFIX)

/* Unaligned 16-float loads and stores (the type is only 4-byte aligned). Macros, not
 * functions: a 64-byte vector argument would change the ABI on targets without AVX-512. */
#define PK_LOAD16(p) (*(const V16 *)(const void *)(p))
#define PK_STORE16(p, v) (*(V16 *)(void *)(p) = (v))

/* One register tile: PK_MR rows of x (stride k) times PK_NP panels, into y (stride n). */
static inline __attribute__((always_inline)) void PK_NAME(tile)(const float *x, int k, const float *panels, int n, const float *bias, float *y) {
    V16 acc[PK_MR][PK_NP];
    for (int q = 0; q < PK_NP; q++) {
        V16 b = PK_LOAD16(bias + q * PK_PANEL);
#pragma unroll
        for (int r = 0; r < PK_MR; r++) acc[r][q] = b;
    }
    const size_t panel_stride = (size_t)k * PK_PANEL;
    for (int i = 0; i < k; i++) {
        V16 w[PK_NP];
#pragma unroll
        for (int q = 0; q < PK_NP; q++) w[q] = PK_LOAD16(panels + q * panel_stride + (size_t)i * PK_PANEL);
#pragma unroll
        for (int r = 0; r < PK_MR; r++) {
            V16 a = x[(size_t)r * k + i];
#pragma unroll
            for (int q = 0; q < PK_NP; q++) acc[r][q] = a * w[q] + acc[r][q];
        }
    }
    for (int r = 0; r < PK_MR; r++)
        for (int q = 0; q < PK_NP; q++) PK_STORE16(y + (size_t)r * n + q * PK_PANEL, acc[r][q]);
}

/* 16 binary16 weights as floats: one vcvtph2ps where the target has F16C, else
 * exact integer arithmetic (normals, subnormals and zero; weights are finite). */
#if defined(PK_HAS_F16C)
typedef _Float16 PK_CAT(pk_h16, PK_SUFFIX) __attribute__((ext_vector_type(16), aligned(2)));
#define PK_LOAD16H(p) __builtin_convertvector(*(const PK_CAT(pk_h16, PK_SUFFIX) *)(const void *)(p), V16)
#else
typedef uint16_t PK_CAT(pk_u16, PK_SUFFIX) __attribute__((ext_vector_type(16), aligned(2)));
typedef uint32_t PK_CAT(pk_u32, PK_SUFFIX) __attribute__((ext_vector_type(16), aligned(4)));
/* A statement expression, not a function: a 64-byte vector return would change the ABI here. */
#define PK_LOAD16H(p)                                                                                         \
    ({                                                                                                        \
        const PK_CAT(pk_u32, PK_SUFFIX) h_ =                                                                  \
            __builtin_convertvector(*(const PK_CAT(pk_u16, PK_SUFFIX) *)(const void *)(p), PK_CAT(pk_u32, PK_SUFFIX)); \
        /* 2^112 rebiases the exponent, subnormals included */                                              \
        const V16 v_ = (V16)((h_ & 0x7FFFu) << 13) * 5.192296858534828e+33f;                                  \
        (V16)((PK_CAT(pk_u32, PK_SUFFIX))v_ | ((h_ & 0x8000u) << 16));                                         \
    })
#endif

/* As tile, with the weights in binary16 (half the memory traffic: the encoder is memory-bound). */
static inline __attribute__((always_inline)) void PK_NAME(tile_f16)(const float *x, int k, const uint16_t *panels, int n,
                                                                     const float *bias, float *y) {
    V16 acc[PK_MR][PK_NP];
    for (int q = 0; q < PK_NP; q++) {
        V16 b = PK_LOAD16(bias + q * PK_PANEL);
#pragma unroll
        for (int r = 0; r < PK_MR; r++) acc[r][q] = b;
    }
    const size_t panel_stride = (size_t)k * PK_PANEL;
    for (int i = 0; i < k; i++) {
        V16 w[PK_NP];
#pragma unroll
        for (int q = 0; q < PK_NP; q++) w[q] = PK_LOAD16H(panels + q * panel_stride + (size_t)i * PK_PANEL);
#pragma unroll
        for (int r = 0; r < PK_MR; r++) {
            V16 a = x[(size_t)r * k + i];
#pragma unroll
            for (int q = 0; q < PK_NP; q++) acc[r][q] = a * w[q] + acc[r][q];
        }
    }
    for (int r = 0; r < PK_MR; r++)
        for (int q = 0; q < PK_NP; q++) PK_STORE16(y + (size_t)r * n + q * PK_PANEL, acc[r][q]);
}

void PK_NAME(pk_linear_f16)(const float *x, int m, int k, const uint16_t *packed, int n, const float *bias, float *y,
                            int first, int end) {
    const size_t panel_stride = (size_t)k * PK_PANEL;
    for (int p = first; p + PK_NP <= end; p += PK_NP) {
        const uint16_t *w = packed + (size_t)p * panel_stride;
        for (int r = 0; r + PK_MR <= m; r += PK_MR)
            PK_NAME(tile_f16)(x + (size_t)r * k, k, w, n, bias + p * PK_PANEL, y + (size_t)r * n + p * PK_PANEL);
    }
}

void PK_NAME(pk_linear)(const float *x, int m, int k, const float *packed, int n, const float *bias, float *y, int first,
                        int end) {
    const size_t panel_stride = (size_t)k * PK_PANEL;
    /* Panel-major: each block of panels is read from memory once and reused by every row tile. */
    for (int p = first; p + PK_NP <= end; p += PK_NP) {
        const float *w = packed + (size_t)p * panel_stride;
        for (int r = 0; r + PK_MR <= m; r += PK_MR)
            PK_NAME(tile)(x + (size_t)r * k, k, w, n, bias + p * PK_PANEL, y + (size_t)r * n + p * PK_PANEL);
    }
}

/* exp(x) for x ≤ 0 down to about -87 (below: 0), branch-free so that it vectorises. */
static inline float PK_NAME(exp_neg)(float x) {
    x = x < -87.0f ? -87.0f : x;
    const float n = __builtin_rintf(x * 1.44269504088896341f);
    const float r = x - n * 0.693145751953125f - n * 1.428606765330187045e-06f;
    float p = 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    union { float f; int i; } scale = {.i = ((int)n + 127) << 23};
    return p * scale.f;
}

void PK_NAME(pk_gelu)(float *x, size_t count) {
    /* erf by Abramowitz and Stegun 7.1.26 (absolute error ≤ 1.5e-7). */
    for (size_t i = 0; i < count; i++) {
        const float v = x[i];
        const float z = v * 0.70710678118654752f;
        const float a = z < 0 ? -z : z;
        const float t = 1.0f / (1.0f + 0.3275911f * a);
        float poly = 1.061405429f;
        poly = poly * t - 1.453152027f;
        poly = poly * t + 1.421413741f;
        poly = poly * t - 0.284496736f;
        poly = poly * t + 0.254829592f;
        float erf_a = 1.0f - poly * t * PK_NAME(exp_neg)(-a * a);
        const float erf_z = z < 0 ? -erf_a : erf_a;
        x[i] = 0.5f * v * (1.0f + erf_z);
    }
}

void PK_NAME(pk_add_layernorm)(float *x, const float *residual, const float *gamma, const float *beta, int m, int n,
                               float eps) {
    for (int r = 0; r < m; r++) {
        float *row = x + (size_t)r * n;
        if (residual) {
            const float *res = residual + (size_t)r * n;
            for (int j = 0; j < n; j++) row[j] += res[j];
        }
        float sum = 0, squares = 0;
        {
#pragma clang fp reassociate(on)
            for (int j = 0; j < n; j++) sum += row[j];
        }
        const float mean = sum / (float)n;
        {
#pragma clang fp reassociate(on)
            for (int j = 0; j < n; j++) {
                const float d = row[j] - mean;
                squares += d * d;
            }
        }
        const float inv = 1.0f / sqrtf(squares / (float)n + eps);
        for (int j = 0; j < n; j++) row[j] = (row[j] - mean) * inv * gamma[j] + beta[j];
    }
}

/* Scores of one query against all keys, PK_AK keys at a time in registers
 * (a fixed-size accumulator the compiler keeps in vector registers), instead
 * of a load and a store of every score for every dimension. */
#define PK_AK 32
/* Output dimensions a pass over the values keeps in registers. */
#define PK_AD 32

void PK_NAME(pk_attention)(const float *qkv, int tokens, int heads, int head_dim, int first, int end, float *out,
                           float *scratch) {
    const int hidden = heads * head_dim;
    const size_t stride = (size_t)3 * hidden;
    const float scale = 1.0f / sqrtf((float)head_dim);
    /* scratch: this head's keys transposed (head_dim × tokens), so that a query's scores
     * over all keys are one vectorised loop over contiguous keys, then the scores. */
    float *keys = scratch, *scores = scratch + (size_t)head_dim * tokens;
    for (int h = first; h < end; h++) {
        for (int j = 0; j < tokens; j++) {
            const float *kv = qkv + (size_t)j * stride + hidden + h * head_dim;
            for (int d = 0; d < head_dim; d++) keys[(size_t)d * tokens + j] = kv[d] * scale;
        }
        for (int i = 0; i < tokens; i++) {
            const float *q = qkv + (size_t)i * stride + h * head_dim;
            int j0 = 0;
            for (; j0 + PK_AK <= tokens; j0 += PK_AK) {
                float acc[PK_AK] = {0};
                for (int d = 0; d < head_dim; d++) {
                    const float qd = q[d];
                    const float *row = keys + (size_t)d * tokens + j0;
                    for (int j = 0; j < PK_AK; j++) acc[j] += qd * row[j];
                }
                for (int j = 0; j < PK_AK; j++) scores[j0 + j] = acc[j];
            }
            if (j0 < tokens) {
                for (int j = j0; j < tokens; j++) scores[j] = 0;
                for (int d = 0; d < head_dim; d++) {
                    const float qd = q[d];
                    const float *row = keys + (size_t)d * tokens;
                    for (int j = j0; j < tokens; j++) scores[j] += qd * row[j];
                }
            }
            float top = -INFINITY;
            for (int j = 0; j < tokens; j++) top = scores[j] > top ? scores[j] : top;
            float sum = 0;
            {
#pragma clang fp reassociate(on)
                for (int j = 0; j < tokens; j++) {
                    scores[j] = PK_NAME(exp_neg)(scores[j] - top);
                    sum += scores[j];
                }
            }
            const float inv = 1.0f / sum;
            for (int j = 0; j < tokens; j++) scores[j] *= inv;
            float *o = out + (size_t)i * hidden + h * head_dim;
            const float *values = qkv + 2 * hidden + h * head_dim;
            int d0 = 0;
            for (; d0 + PK_AD <= head_dim; d0 += PK_AD) {
                float acc[PK_AD] = {0};
                for (int j = 0; j < tokens; j++) {
                    const float p = scores[j];
                    const float *v = values + (size_t)j * stride + d0;
                    for (int d = 0; d < PK_AD; d++) acc[d] += p * v[d];
                }
                for (int d = 0; d < PK_AD; d++) o[d0 + d] = acc[d];
            }
            if (d0 < head_dim) {
                for (int d = d0; d < head_dim; d++) o[d] = 0;
                for (int j = 0; j < tokens; j++) {
                    const float p = scores[j];
                    const float *v = values + (size_t)j * stride;
                    for (int d = d0; d < head_dim; d++) o[d] += p * v[d];
                }
            }
        }
    }
}
