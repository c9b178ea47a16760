#ifndef PARLEY_POOL_H
#define PARLEY_POOL_H

/* A small process-wide pool of helper threads that share one forward pass's
 * kernels with the thread that runs the pass (intra-op parallelism). Its
 * threads start on first use: min(usable cores, PK_POOL_MAX_WORKERS) - 1
 * helpers, none on a one-core host. One caller holds it at a time: a caller
 * that finds it held (another forward pass has it) or without helpers runs
 * on its own thread, never waits or queues. Between a pass's kernels the
 * helpers spin briefly, then sleep on a condition variable; while nobody
 * holds the pool they sleep. The caller never depends on a helper: work
 * items are claimed one chunk at a time, and a helper that is slow to wake
 * (or was never scheduled) finds the job done and does nothing. */

/* The caller and its helpers at most. */
#define PK_POOL_MAX_WORKERS 4

typedef struct pk_pool pk_pool;

/* Items [begin, end) of a job, run by `worker`: 0 the caller, 1 ... helpers,
 * stable for the thread (for per-worker scratch). */
typedef void (*pk_task)(void *context, int worker, int begin, int end);

/* Workers (the caller included) a pooled pass can have on this host: 1 + helpers.
 * Starts the helpers if they are not running (1 if they cannot be started). */
int pk_pool_workers(void);

/* Brackets every forward pass, pooled or not: the pool counts the passes running
 * and splits a pass only over the cores the others leave idle. */
void pk_pool_pass_begin(void);
void pk_pool_pass_end(void);

/* Takes the pool for one forward pass, using up to `workers` workers (the caller
 * included; fewer if the pool has fewer, or other passes keep cores busy): NULL,
 * at once, when that leaves fewer than 2, the pool has no helpers or another
 * caller holds it. Wakes the helpers. */
pk_pool *pk_pool_try_acquire(int workers);
/* Gives the pool back (a NULL pool is ignored); its helpers go to sleep. */
void pk_pool_release(pk_pool *pool);
/* Workers a run on `pool` may use (1 for NULL). */
int pk_pool_size(const pk_pool *pool);
/* Runs task over items [0, count) in chunks of `grain` items, on the calling
 * thread (worker 0) and whichever helpers join; returns when every item has run,
 * with the helpers' writes visible to the caller. pool NULL: task(context, 0, 0, count). */
void pk_pool_run(pk_pool *pool, pk_task task, void *context, int count, int grain);

/* Stops and joins the helpers: 0; EBUSY (nothing done) while a caller holds the
 * pool; a pthread error code if one failed. A later pk_pool_try_acquire starts
 * them again. Not needed before exit: sleeping helpers hold nothing. */
int pk_pool_shutdown(void);

/* Diagnostics for tests: helpers running, and jobs a helper joined since start. */
int pk_pool_running_helpers(void);
unsigned long long pk_pool_helper_joins(void);

#endif
