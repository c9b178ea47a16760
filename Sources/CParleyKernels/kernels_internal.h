#ifndef PARLEY_KERNELS_INTERNAL_H
#define PARLEY_KERNELS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "parley_kernels.h"

/* One set of these per instruction set; see kernels_body.h. The products compute
 * output panels [first, end) of PK_PANEL columns (multiples of 2, so of every
 * kernel's PK_NP), attention heads [first, end): a slice computes its outputs with
 * exactly the instructions, in the order, of the whole call (pooled.c relies on it). */
#define PK_DECLARE(SUFFIX)                                                                                        \
    void pk_linear_##SUFFIX(const float *x, int m, int k, const float *packed, int n, const float *bias, float *y,  \
                            int first, int end);                                                                  \
    void pk_linear_f16_##SUFFIX(const float *x, int m, int k, const uint16_t *packed, int n, const float *bias,     \
                                float *y, int first, int end);                                                    \
    void pk_gelu_##SUFFIX(float *x, size_t count);                                                                 \
    void pk_add_layernorm_##SUFFIX(float *x, const float *residual, const float *gamma, const float *beta, int m,   \
                                   int n, float eps);                                                              \
    void pk_attention_##SUFFIX(const float *qkv, int tokens, int heads, int head_dim, int first, int end, float *out, \
                               float *scratch);

PK_DECLARE(generic)
#if defined(__x86_64__)
PK_DECLARE(avx2)
PK_DECLARE(avx512)
#endif

/* The int8 product on quantised rows (linear_i8.c, kernels_i8_avx2.c); both
 * quantisers give the same integers. */
void pk_quantize_rows_generic(const float *x, int m, int k, int16_t *q, float *row_scales);
void pk_linear_i8_generic(const int16_t *xq, const float *row_scales, int m, int k, const int8_t *packed,
                          const float *scales, int n, const float *bias, float *y, int first, int end);
#if defined(__x86_64__)
void pk_quantize_rows_avx2(const float *x, int m, int k, int16_t *q, float *row_scales);
void pk_linear_i8_avx2(const int16_t *xq, const float *row_scales, int m, int k, const int8_t *packed,
                       const float *scales, int n, const float *bias, float *y, int first, int end);
#endif

/* The dispatched slices (dispatch.c, linear_i8.c): the public kernels are these over
 * every panel or head; pooled.c runs them on the pool's workers. pk_linear_i8_slice
 * takes rows already quantised by pk_quantize_rows. */
void pk_linear_slice(pk_kernel kernel, const float *x, int m, int k, const float *packed, int n, const float *bias,
                     float *y, int first, int end);
void pk_linear_f16_slice(pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n,
                         const float *bias, float *y, int first, int end);
void pk_quantize_rows(pk_kernel kernel, const float *x, int m, int k, int16_t *q, float *row_scales);
void pk_linear_i8_slice(pk_kernel kernel, const int16_t *xq, const float *row_scales, int m, int k,
                        const int8_t *packed, const float *scales, int n, const float *bias, float *y, int first,
                        int end);
void pk_attention_slice(pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim, int first, int end,
                        float *out, float *scratch);

#endif
