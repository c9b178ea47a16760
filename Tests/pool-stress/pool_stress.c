/* A stress test of the encoder's helper pool (Sources/CParleyKernels/pool.c)
 * under ThreadSanitizer, outside SwiftPM (a sanitised build of the package
 * takes much longer). Several callers race for the pool, run jobs of varied
 * sizes on it (or alone when it is held), check that every item ran exactly
 * once with its writes visible, and shut it down and restart it meanwhile.
 *
 *   clang -std=c11 -O1 -g -fsanitize=thread -pthread -I Sources/CParleyKernels/include \
 *     Sources/CParleyKernels/pool.c Tests/pool-stress/pool_stress.c -o /tmp/pool-stress && /tmp/pool-stress
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "parley_pool.h"

#define ITEMS 64
#define CALLERS 3
#define ROUNDS 3000

typedef struct {
    int values[ITEMS]; /* plain: written by whichever worker runs the item, read by the caller after the run */
    _Atomic int runs[ITEMS];
    int stamp;
} job;

static void task(void *context, int worker, int begin, int end) {
    job *j = context;
    if (worker < 0 || worker >= PK_POOL_MAX_WORKERS) abort();
    for (int i = begin; i < end; i++) {
        j->values[i] = j->stamp * 1000 + i;
        atomic_fetch_add_explicit(&j->runs[i], 1, memory_order_relaxed);
    }
}

static _Atomic int failures, pooled_runs;

static void *caller(void *argument) {
    const int id = *(const int *)argument;
    job j;
    for (int round = 0; round < ROUNDS; round++) {
        pk_pool_pass_begin();
        pk_pool *pool = pk_pool_try_acquire(PK_POOL_MAX_WORKERS);
        if (pool) atomic_fetch_add(&pooled_runs, 1);
        for (int repeat = 0; repeat < 3; repeat++) {
            const int count = 1 + (round * 7 + repeat * 13 + id) % ITEMS;
            j.stamp = round * 10 + repeat;
            for (int i = 0; i < ITEMS; i++) {
                j.values[i] = -1;
                atomic_store_explicit(&j.runs[i], 0, memory_order_relaxed);
            }
            pk_pool_run(pool, task, &j, count, 1 + round % 4);
            for (int i = 0; i < ITEMS; i++) {
                const int runs = atomic_load_explicit(&j.runs[i], memory_order_relaxed);
                const int expected = i < count ? j.stamp * 1000 + i : -1;
                if (runs != (i < count) || j.values[i] != expected) atomic_fetch_add(&failures, 1);
            }
        }
        pk_pool_release(pool);
        pk_pool_pass_end();
        if (id == 0 && round % 500 == 499) {
            const int rc = pk_pool_shutdown();
            if (rc != 0 && rc != EBUSY) atomic_fetch_add(&failures, 1);
        }
    }
    return NULL;
}

int main(void) {
    pthread_t threads[CALLERS];
    int ids[CALLERS];
    for (int c = 0; c < CALLERS; c++) {
        ids[c] = c;
        if (pthread_create(&threads[c], NULL, caller, &ids[c]) != 0) return 2;
    }
    for (int c = 0; c < CALLERS; c++)
        if (pthread_join(threads[c], NULL) != 0) return 2;
    int rc;
    while ((rc = pk_pool_shutdown()) == EBUSY) {}
    printf("pool stress: %d failures, %d of %d passes pooled, %llu helper joins, shutdown %d, helpers left %d\n",
           atomic_load(&failures), atomic_load(&pooled_runs), CALLERS * ROUNDS, pk_pool_helper_joins(), rc,
           pk_pool_running_helpers());
    return atomic_load(&failures) == 0 && rc == 0 && pk_pool_running_helpers() == 0 ? 0 : 1;
}
