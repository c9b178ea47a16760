/* The int8 matrix product with AVX2 (x86-64 only; chosen at run time, see linear_i8.c):
 * weights sign-extended to int16 in-register, vpmaddwd against a broadcast pair of
 * int16 activations, int32 sums (exact: see pk_i8_activation_limit), one float
 * scaling at the end. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <math.h>
#include <string.h>

#include "kernels_internal.h"
#include "parley_kernels.h"

/* As pk_quantize_rows_generic (the same integers), 8 floats at a time; k is even, so
 * a remainder of 0..7 is handled by the generic code on the row's tail. */
__attribute__((target("avx2,fma"))) void pk_quantize_rows_avx2(const float *x, int m, int k, int16_t *q, float *row_scales) {
    const float limit = (float)pk_i8_activation_limit(k);
    const __m256 sign = _mm256_set1_ps(-0.0f), high = _mm256_set1_ps(limit), low = _mm256_set1_ps(-limit);
    const int body = k / 16 * 16;
    for (int r = 0; r < m; r++) {
        const float *row = x + (size_t)r * k;
        int16_t *out = q + (size_t)r * k;
        __m256 peaks = _mm256_setzero_ps();
        int i = 0;
        for (; i + 8 <= k; i += 8) peaks = _mm256_max_ps(peaks, _mm256_andnot_ps(sign, _mm256_loadu_ps(row + i)));
        float lanes[8], peak = 0;
        _mm256_storeu_ps(lanes, peaks);
        for (int l = 0; l < 8; l++) peak = lanes[l] > peak ? lanes[l] : peak;
        for (; i < k; i++) peak = fabsf(row[i]) > peak ? fabsf(row[i]) : peak;
        if (!(peak > 0) || !isfinite(peak)) {
            memset(out, 0, (size_t)k * sizeof *out);
            row_scales[r] = peak == 0 ? 0 : NAN;
            continue;
        }
        const float inverse = limit / peak;
        const __m256 scale = _mm256_set1_ps(inverse);
        for (i = 0; i < body; i += 16) {
            const __m256 a = _mm256_max_ps(_mm256_min_ps(_mm256_mul_ps(_mm256_loadu_ps(row + i), scale), high), low);
            const __m256 b = _mm256_max_ps(_mm256_min_ps(_mm256_mul_ps(_mm256_loadu_ps(row + i + 8), scale), high), low);
            /* cvtps2dq rounds to nearest even; packs works within 128-bit lanes, the permute restores order. */
            const __m256i packed = _mm256_packs_epi32(_mm256_cvtps_epi32(a), _mm256_cvtps_epi32(b));
            _mm256_storeu_si256((__m256i *)(void *)(out + i), _mm256_permute4x64_epi64(packed, 0xD8));
        }
        for (; i < k; i++) {
            float v = row[i] * inverse;
            v = v > limit ? limit : (v < -limit ? -limit : v);
            v = v + 12582912.0f;
            v = v - 12582912.0f;
            out[i] = (int16_t)v;
        }
        row_scales[r] = peak / limit;
    }
}

/* `rows` (a constant after inlining: 6, 4 or 2) rows × 16 outputs: up to 12 accumulators,
 * two weight registers and a broadcast, within the 16 YMM registers. */
static inline __attribute__((always_inline, target("avx2,fma"))) void tile_i8(
    const int16_t *xq, const float *row_scales, int rows, int k, const int8_t *w, __m256 scale_lo, __m256 scale_hi,
    __m256 bias_lo, __m256 bias_hi, float *y, int n) {
    __m256i acc[6][2];
    for (int t = 0; t < rows; t++) acc[t][0] = acc[t][1] = _mm256_setzero_si256();
    const int pairs = k / 2;
    for (int i = 0; i < pairs; i++) {
        const __m256i w_lo = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(const void *)(w + (size_t)i * 32)));
        const __m256i w_hi = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(const void *)(w + (size_t)i * 32 + 16)));
#pragma unroll
        for (int t = 0; t < rows; t++) {
            int32_t pair;
            memcpy(&pair, xq + (size_t)t * k + 2 * i, sizeof pair);
            const __m256i a = _mm256_set1_epi32(pair);
            acc[t][0] = _mm256_add_epi32(acc[t][0], _mm256_madd_epi16(a, w_lo));
            acc[t][1] = _mm256_add_epi32(acc[t][1], _mm256_madd_epi16(a, w_hi));
        }
    }
    for (int t = 0; t < rows; t++) {
        const __m256 rs = _mm256_set1_ps(row_scales[t]);
        float *out = y + (size_t)t * n;
        _mm256_storeu_ps(out, _mm256_fmadd_ps(_mm256_cvtepi32_ps(acc[t][0]), _mm256_mul_ps(rs, scale_lo), bias_lo));
        _mm256_storeu_ps(out + 8, _mm256_fmadd_ps(_mm256_cvtepi32_ps(acc[t][1]), _mm256_mul_ps(rs, scale_hi), bias_hi));
    }
}

__attribute__((target("avx2,fma"))) void pk_linear_i8_avx2(const int16_t *xq, const float *row_scales, int m, int k,
                                                            const int8_t *packed, const float *scales, int n,
                                                            const float *bias, float *y, int first, int end) {
    for (int p = first; p < end; p++) {
        const int8_t *w = packed + (size_t)p * k * PK_PANEL;
        const __m256 scale_lo = _mm256_loadu_ps(scales + p * PK_PANEL), scale_hi = _mm256_loadu_ps(scales + p * PK_PANEL + 8);
        const __m256 bias_lo = _mm256_loadu_ps(bias + p * PK_PANEL), bias_hi = _mm256_loadu_ps(bias + p * PK_PANEL + 8);
        int r = 0;
        /* m is a multiple of 8 (PK_ROWS): tiles of 6, then one of 4 or 2 if rows remain. */
        for (; r + 6 <= m; r += 6)
            tile_i8(xq + (size_t)r * k, row_scales + r, 6, k, w, scale_lo, scale_hi, bias_lo, bias_hi, y + (size_t)r * n + p * PK_PANEL, n);
        if (m - r == 4)
            tile_i8(xq + (size_t)r * k, row_scales + r, 4, k, w, scale_lo, scale_hi, bias_lo, bias_hi, y + (size_t)r * n + p * PK_PANEL, n);
        else if (m - r == 2)
            tile_i8(xq + (size_t)r * k, row_scales + r, 2, k, w, scale_lo, scale_hi, bias_lo, bias_hi, y + (size_t)r * n + p * PK_PANEL, n);
    }
}
#endif
