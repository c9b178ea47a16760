/* The kernels split over the pool's workers (see parley_kernels.h): each task
 * runs the single-threaded kernel on a slice of panels, heads or rows, so a
 * slice's outputs come from exactly the instructions of the whole call. */
#include "kernels_internal.h"
#include "parley_kernels.h"

/* Below this many multiply-adds a product runs on the caller: waking a helper and
 * handing the job over costs a few microseconds (encoder-bench speed, tiny passes). */
#define PK_POOL_MIN_MACS (512 * 1024)
/* Chunks a job is cut into per worker: enough that a late or slow helper costs
 * little, few enough that claiming them is cheap. */
#define PK_CHUNKS_PER_WORKER 3

static int grain_for(pk_pool *pool, int items) {
    const int chunks = pk_pool_size(pool) * PK_CHUNKS_PER_WORKER;
    const int grain = items / chunks;
    return grain < 1 ? 1 : grain;
}

typedef struct {
    pk_kernel kernel;
    int precision; /* 0 f32, 1 f16, 2 i8 */
    const float *x;
    const int16_t *xq;
    const float *row_scales;
    int m, k, n;
    const void *packed;
    const float *scales;
    const float *bias;
    float *y;
} linear_job;

/* Items are blocks of two panels (every kernel's PK_NP divides 2). */
static void linear_task(void *context, int worker, int begin, int end) {
    (void)worker;
    const linear_job *j = context;
    const int first = 2 * begin, last = 2 * end;
    switch (j->precision) {
    case 0: pk_linear_slice(j->kernel, j->x, j->m, j->k, j->packed, j->n, j->bias, j->y, first, last); break;
    case 1: pk_linear_f16_slice(j->kernel, j->x, j->m, j->k, j->packed, j->n, j->bias, j->y, first, last); break;
    default:
        pk_linear_i8_slice(j->kernel, j->xq, j->row_scales, j->m, j->k, j->packed, j->scales, j->n, j->bias, j->y,
                           first, last);
    }
}

static void run_linear(pk_pool *pool, linear_job *job) {
    const int blocks = job->n / (2 * PK_PANEL);
    if ((long long)job->m * job->k * job->n < PK_POOL_MIN_MACS) pool = NULL;
    pk_pool_run(pool, linear_task, job, blocks, grain_for(pool, blocks));
}

void pk_linear_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const float *packed, int n,
                      const float *bias, float *y) {
    linear_job job = {.kernel = kernel, .precision = 0, .x = x, .m = m, .k = k, .n = n, .packed = packed, .bias = bias, .y = y};
    run_linear(pool, &job);
}

void pk_linear_f16_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const uint16_t *packed, int n,
                          const float *bias, float *y) {
    linear_job job = {.kernel = kernel, .precision = 1, .x = x, .m = m, .k = k, .n = n, .packed = packed, .bias = bias, .y = y};
    run_linear(pool, &job);
}

void pk_linear_i8_pooled(pk_pool *pool, pk_kernel kernel, const float *x, int m, int k, const int8_t *packed,
                         const float *scales, int n, const float *bias, float *y, int16_t *x_scratch,
                         float *row_scales) {
    pk_quantize_rows(kernel, x, m, k, x_scratch, row_scales);
    linear_job job = {.kernel = kernel, .precision = 2, .xq = x_scratch, .row_scales = row_scales, .m = m, .k = k,
                      .n = n, .packed = packed, .scales = scales, .bias = bias, .y = y};
    run_linear(pool, &job);
}

typedef struct {
    pk_kernel kernel;
    const float *qkv;
    int tokens, heads, head_dim;
    float *out, *scratch;
    size_t stride;
} attention_job;

static void attention_task(void *context, int worker, int begin, int end) {
    const attention_job *j = context;
    pk_attention_slice(j->kernel, j->qkv, j->tokens, j->heads, j->head_dim, begin, end, j->out,
                       j->scratch + (size_t)worker * j->stride);
}

void pk_attention_pooled(pk_pool *pool, pk_kernel kernel, const float *qkv, int tokens, int heads, int head_dim,
                         float *out, float *scratch, size_t scratch_stride) {
    attention_job job = {kernel, qkv, tokens, heads, head_dim, out, scratch, scratch_stride};
    /* tokens² · hidden multiply-adds, twice (scores and values). */
    if (2LL * tokens * tokens * heads * head_dim < PK_POOL_MIN_MACS) pool = NULL;
    pk_pool_run(pool, attention_task, &job, heads, grain_for(pool, heads));
}

typedef struct {
    pk_kernel kernel;
    float *x;
    const float *residual, *gamma, *beta;
    int columns;
    float eps;
} rows_job;

static void gelu_task(void *context, int worker, int begin, int end) {
    (void)worker;
    const rows_job *j = context;
    pk_gelu(j->kernel, j->x + (size_t)begin * j->columns, (size_t)(end - begin) * j->columns);
}

void pk_gelu_pooled(pk_pool *pool, pk_kernel kernel, float *x, int rows, int columns) {
    rows_job job = {.kernel = kernel, .x = x, .columns = columns};
    /* Whole rows a chunk, so that no chunk starts inside a vector's worth of a row. */
    pk_pool_run(pool, gelu_task, &job, rows, grain_for(pool, rows));
}

static void layernorm_task(void *context, int worker, int begin, int end) {
    (void)worker;
    const rows_job *j = context;
    const size_t offset = (size_t)begin * j->columns;
    pk_add_layernorm(j->kernel, j->x + offset, j->residual ? j->residual + offset : NULL, j->gamma, j->beta,
                     end - begin, j->columns, j->eps);
}

void pk_add_layernorm_pooled(pk_pool *pool, pk_kernel kernel, float *x, const float *residual, const float *gamma,
                             const float *beta, int m, int n, float eps) {
    rows_job job = {kernel, x, residual, gamma, beta, n, eps};
    pk_pool_run(pool, layernorm_task, &job, m, grain_for(pool, m));
}
