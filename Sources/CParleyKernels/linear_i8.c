/* The int8 matrix product: packing, per-row quantisation of the activations, the
 * portable kernel, and the choice of kernel (see parley_kernels.h). */
#include <math.h>
#include <string.h>

#include "kernels_internal.h"
#include "parley_kernels.h"

size_t pk_packed_i8_count(int n, int k) { return (size_t)n * (size_t)k; }

void pk_pack_i8(const int8_t *q, int n, int k, int8_t *packed) {
    for (int p = 0; p < n / PK_PANEL; p++)
        for (int i = 0; i < k / 2; i++)
            for (int j = 0; j < PK_PANEL; j++)
                for (int e = 0; e < 2; e++)
                    packed[(((size_t)p * (k / 2) + i) * PK_PANEL + j) * 2 + e] = q[(size_t)(p * PK_PANEL + j) * k + 2 * i + e];
}

int pk_i8_activation_limit(int k) {
    /* |Σ x·q| ≤ k · 128 · limit must stay below 2^31 (q may be -128 in a hostile file). */
    const long long limit = 2147483647LL / (128LL * (k > 0 ? k : 1));
    return limit > 32767 ? 32767 : (int)limit;
}

/* Each row to int16 at its own scale: x ≈ q · scale, |q| ≤ the limit, rounded to
 * nearest even (as cvtps2dq does, so every kernel gets the same integers). A row of
 * zeros (or padding) gets scale 0; a non-finite one NaN, which shows downstream. */
void pk_quantize_rows_generic(const float *x, int m, int k, int16_t *q, float *row_scales) {
    const float limit = (float)pk_i8_activation_limit(k);
    for (int r = 0; r < m; r++) {
        const float *row = x + (size_t)r * k;
        int16_t *out = q + (size_t)r * k;
        float peak = 0;
        for (int i = 0; i < k; i++) {
            const float a = fabsf(row[i]);
            peak = a > peak ? a : peak;
        }
        if (!(peak > 0) || !isfinite(peak)) {
            memset(out, 0, (size_t)k * sizeof *out);
            row_scales[r] = peak == 0 ? 0 : NAN;
            continue;
        }
        const float inverse = limit / peak;
        for (int i = 0; i < k; i++) {
            float v = row[i] * inverse;
            v = v > limit ? limit : (v < -limit ? -limit : v);
            /* 1.5 · 2^23 added and taken away rounds |v| < 2^22 to an integer, ties to even. */
            v = v + 12582912.0f;
            v = v - 12582912.0f;
            out[i] = (int16_t)v;
        }
        row_scales[r] = peak / limit;
    }
}

void pk_linear_i8_generic(const int16_t *xq, const float *row_scales, int m, int k, const int8_t *packed,
                          const float *scales, int n, const float *bias, float *y, int first, int end) {
    const int pairs = k / 2;
    for (int p = first; p < end; p++) {
        const int8_t *w = packed + (size_t)p * k * PK_PANEL;
        for (int r = 0; r < m; r++) {
            const int16_t *x = xq + (size_t)r * k;
            int32_t acc[PK_PANEL] = {0};
            for (int i = 0; i < pairs; i++) {
                const int32_t x0 = x[2 * i], x1 = x[2 * i + 1];
                const int8_t *wi = w + (size_t)i * 2 * PK_PANEL;
                for (int j = 0; j < PK_PANEL; j++) acc[j] += x0 * wi[2 * j] + x1 * wi[2 * j + 1];
            }
            for (int j = 0; j < PK_PANEL; j++) {
                const int o = p * PK_PANEL + j;
                y[(size_t)r * n + o] = (float)acc[j] * (row_scales[r] * scales[o]) + bias[o];
            }
        }
    }
}

/* The AVX2 kernels serve AVX-512 hosts too (every AVX-512 CPU here has AVX2). */
static int i8_avx2(pk_kernel kernel) {
#if defined(__x86_64__)
    return (kernel == PK_KERNEL_AVX2 || kernel == PK_KERNEL_AVX512) && pk_kernel_supported(kernel) &&
           pk_kernel_supported(PK_KERNEL_AVX2);
#else
    (void)kernel;
    return 0;
#endif
}

void pk_quantize_rows(pk_kernel kernel, const float *x, int m, int k, int16_t *q, float *row_scales) {
#if defined(__x86_64__)
    if (i8_avx2(kernel)) {
        pk_quantize_rows_avx2(x, m, k, q, row_scales);
        return;
    }
#endif
    pk_quantize_rows_generic(x, m, k, q, row_scales);
}

void pk_linear_i8_slice(pk_kernel kernel, const int16_t *xq, const float *row_scales, int m, int k,
                        const int8_t *packed, const float *scales, int n, const float *bias, float *y, int first,
                        int end) {
#if defined(__x86_64__)
    if (i8_avx2(kernel)) {
        pk_linear_i8_avx2(xq, row_scales, m, k, packed, scales, n, bias, y, first, end);
        return;
    }
#endif
    pk_linear_i8_generic(xq, row_scales, m, k, packed, scales, n, bias, y, first, end);
}

void pk_linear_i8(pk_kernel kernel, const float *x, int m, int k, const int8_t *packed, const float *scales, int n,
                  const float *bias, float *y, int16_t *x_scratch, float *row_scales) {
    pk_quantize_rows(kernel, x, m, k, x_scratch, row_scales);
    pk_linear_i8_slice(kernel, x_scratch, row_scales, m, k, packed, scales, n, bias, y, 0, n / PK_PANEL);
}
