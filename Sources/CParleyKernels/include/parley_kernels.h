#ifndef PARLEY_KERNELS_H
#define PARLEY_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "parley_pool.h"

/* Dense float kernels for the sentence encoder, compiled several times for
 * different instruction sets; the one used is chosen at run time from what
 * the CPU reports (cpuid and xgetbv on x86-64), never from a compile flag.
 * Every kernel computes the same function; results differ only by rounding. */

typedef enum {
    PK_KERNEL_GENERIC = 0, /* portable C, whatever the compiler's baseline target has */
    PK_KERNEL_AVX2 = 1,    /* AVX2 + FMA (x86-64) */
    PK_KERNEL_AVX512 = 2,  /* AVX-512 F/VL/BW/DQ + FMA (x86-64) */
} pk_kernel;

/* The fastest kernel this CPU and operating system support. */
pk_kernel pk_best_kernel(void);
/* Whether `kernel` can run here. */
int pk_kernel_supported(pk_kernel kernel);
/* "generic", "avx2-fma" or "avx512". */
const char *pk_kernel_name(pk_kernel kernel);

/* Output columns per packed panel. */
#define PK_PANEL 16
/* Rows a pk_linear call takes must come in multiples of this. */
#define PK_ROWS 8

/* Floats needed by a packed copy of an n × k weight matrix (n a multiple of PK_PANEL). */
size_t pk_packed_count(int n, int k);
/* Packs w (n × k, row-major: one output per row, as a torch Linear stores it)
 * into panels of PK_PANEL outputs: panel p holds w[p·16 + j][i] at [p][i][j]. */
void pk_pack(const float *w, int n, int k, float *packed);

/* y[m × n] = x[m × k] · wᵀ + bias, with w packed by pk_pack; m a multiple of PK_ROWS and n of 2·PK_PANEL
 * (callers pad rows with zeros). */
void pk_linear(pk_kernel kernel, const float *x, int m, int k, const float *packed, int n, const float *bias, float *y);

/* As pk_pack, rounding each weight to IEEE binary16 (nearest, ties to even). */
void pk_pack_f16(const float *w, int n, int k, uint16_t *packed);
/* As pk_linear, with weights packed by pk_pack_f16 (half the memory traffic; sums in float). */
void pk_linear_f16(pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n, const float *bias, float *y);

/* Int8 weights with one float scale per output (per-output-channel quantisation, as
 * packaging/encoder/convert.py writes them: weight = q · scale). Activations are
 * quantised per row to int16 with the largest magnitude small enough that no int32
 * sum can overflow (k · 128 · limit < 2^31), so the integer products are exact and
 * every kernel gets the same integer sums; only the final scaling rounds. Twice the
 * multiply-adds per instruction of float FMA on AVX2 (vpmaddwd), a quarter of the
 * bytes of float weights. */

/* Bytes of a packed int8 copy of an n × k matrix (n a multiple of PK_PANEL, k even). */
size_t pk_packed_i8_count(int n, int k);
/* Packs q (n × k, row-major) into panels of PK_PANEL outputs by pairs of inputs:
 * panel p holds q[p·16 + j][2i + e] at [p][i][j][e]. */
void pk_pack_i8(const int8_t *q, int n, int k, int8_t *packed);
/* The largest int16 magnitude activations over k inputs are quantised to (≤ 32767). */
int pk_i8_activation_limit(int k);
/* y[m × n] = x[m × k] · (q · scale)ᵀ + bias with q packed by pk_pack_i8; m a multiple of
 * PK_ROWS, n of 2·PK_PANEL, k even and at most 65536. x_scratch holds m·k int16 and
 * row_scales m floats (both overwritten). */
void pk_linear_i8(pk_kernel kernel, const float *x, int m, int k, const int8_t *packed, const float *scales, int n,
                  const float *bias, float *y, int16_t *x_scratch, float *row_scales);

/* x = 0.5 · x · (1 + erf(x / √2)), elementwise (exact GELU; erf to ~2e-7). */
void pk_gelu(pk_kernel kernel, float *x, size_t count);

/* Row by row over m rows of n: x = LayerNorm(x + residual) · gamma + beta;
 * residual may be NULL. */
void pk_add_layernorm(pk_kernel kernel, float *x, const float *residual, const float *gamma, const float *beta,
                      int m, int n, float eps);

/* Scaled dot-product self-attention of one sequence. qkv holds `tokens` rows of
 * 3·heads·head_dim (queries, then keys, then values, each heads × head_dim);
 * out gets `tokens` rows of heads·head_dim. scratch holds at least tokens·(head_dim + 1) floats. */
void pk_attention(pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim, float *out, float *scratch);

/* The same kernels split over a held pool's workers (parley_pool.h): products by
 * blocks of 2·PK_PANEL output columns, attention by heads, GELU and layer norm by
 * rows. Each output is computed by the same instructions, in the same order, as
 * by the kernels above, whichever worker computes it: the results are bit for bit
 * those of the single-threaded kernels. pool NULL, or a call too small to repay
 * the hand-over, runs on the calling thread alone. pk_linear_i8_pooled quantises
 * on the caller, as pk_linear_i8 does. pk_attention_pooled's scratch holds
 * pk_pool_size(pool) blocks of scratch_stride floats, one per worker, each as
 * pk_attention's. */
void pk_linear_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const float *packed, int n,
                      const float *bias, float *y);
void pk_linear_f16_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n,
                          const float *bias, float *y);
void pk_linear_i8_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const int8_t *packed,
                         const float *scales, int n, const float *bias, float *y, int16_t *x_scratch,
                         float *row_scales);
void pk_attention_pooled(pk_pool *pool, pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim,
                         float *out, float *scratch, size_t scratch_stride);
void pk_gelu_pooled(pk_pool *pool, pk_kernel kernel, float *x, int rows, int columns);
void pk_add_layernorm_pooled(pk_pool *pool, pk_kernel kernel, float *x, const float *residual, const float *gamma,
                             const float *beta, int m, int n, float eps);

/* IEEE binary16 (little-endian bit patterns) to float, exactly. */
void pk_f16_to_f32(const uint16_t *half, size_t count, float *out);

#endif
