/* The helper threads of parley_pool.h.
 *
 * Memory ordering. One word, `state`, carries a job's life:
 *     bits 63..32  the job's generation (wraps; only ever compared for equality)
 *     bit  31      CLOSED: no helper may join the job any more
 *     bits 30..0   helpers that joined the job and have not left it
 * Only the holder (the one caller that holds the pool, `held`) opens and
 * closes jobs; helpers join and leave with read-modify-writes.
 *
 *  1. The holder writes the job (task, context, count, grain, workers) and resets
 *     `next` with plain or relaxed stores, then opens the job by storing a new
 *     generation, CLOSED clear and nobody joined (seq_cst, so at least release).
 *  2. A helper joins with a compare-exchange (acquire) from exactly that open,
 *     unclosed value plus one: it synchronises with the opening store (helpers'
 *     joins and leaves are read-modify-writes, so they continue its release
 *     sequence), so it sees the job's fields, `next` and the job's inputs. A
 *     helper reads the job's fields only after joining, and a stale
 *     compare-exchange (older generation, or CLOSED) fails.
 *  3. Items are claimed by a relaxed fetch_add on `next`: the counter only
 *     hands out distinct chunk numbers; data visibility comes from 2 and 4.
 *  4. A helper leaves with a fetch_sub of one (release) after its last chunk.
 *  5. When every chunk is claimed the holder closes the job (fetch_or CLOSED,
 *     acq_rel) and waits until the joined count is zero (acquire loads): it then
 *     sees every write the helpers made, and no helper reads the job's fields
 *     again, so the holder may write the next job (1) or release the pool.
 *
 * Sleeping. A helper that sees no joinable job spins for at most PK_SPIN_NS
 * while the pool is held (at once to sleep when it is not), then sleeps on
 * `wake` under `mutex`: it increments `sleepers` and then reads `state`, `stop`
 * and `wakes`, all seq_cst, under the mutex; a waker stores first and then
 * reads `sleepers` (seq_cst) and broadcasts under the mutex if it is non-zero.
 * In the single total order of seq_cst operations either the helper reads the
 * waker's store (and does not sleep) or the waker reads the helper's increment
 * (and broadcasts after the helper waits, since the helper holds the mutex
 * from the check until pthread_cond_wait releases it): no wake-up is lost.
 *
 * Other passes. `passes` counts the forward passes running (pk_pool_pass_begin and
 * _end, relaxed: a hint, never a guard of data). A pass takes the pool only for
 * the cores the other passes leave idle, and helper i works, or spins, only while
 * passes + i <= cores; otherwise it sleeps until the next job is opened. So two
 * conversations' passes on a two-core host run one thread each, side by side,
 * instead of three threads fighting over two cores.
 *
 * Starting and stopping take `lifecycle` (a mutex); the pool itself is one
 * static object, never freed, so a caller that races a shutdown touches valid
 * memory and at worst runs alone. */
#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "parley_pool.h"

#define CLOSED ((uint64_t)1 << 31)
#define JOINED_MASK (CLOSED - 1)
/* A helper's spin before it sleeps, while the pool is held: longer than the gap between two of
 * a pass's pooled kernels (attention of a long input, the embedding lookup), far shorter than a pass. */
#define PK_SPIN_NS 150000
/* The holder's spin, waiting for joined helpers to finish a chunk, before it yields its core. */
#define PK_WAIT_SPIN_NS 20000

struct pk_pool {
    _Atomic uint64_t state;
    _Atomic int next;        /* the open job's next unclaimed chunk */
    _Atomic int held;        /* 1 while a caller holds the pool */
    _Atomic int helpers;     /* helpers running (0 before start and after shutdown) */
    _Atomic int sleepers;    /* helpers asleep or about to be */
    _Atomic int stop;        /* set by shutdown */
    _Atomic unsigned wakes;  /* bumped by an acquire, to wake the helpers before the first job */
    _Atomic unsigned long long joins;
    _Atomic int passes;      /* forward passes running in the process, pooled or not */
    _Atomic int cores;       /* usable cores, counted at start */
    /* The open job: written by the holder before it opens the job, read by helpers that joined it. */
    pk_task task;
    void *context;
    int count, grain, chunks;
    int workers; /* the holder's limit, workers 0 ..< workers run items */
    pthread_mutex_t mutex;
    pthread_cond_t wake;
    pthread_t threads[PK_POOL_MAX_WORKERS - 1];
    int indices[PK_POOL_MAX_WORKERS - 1];
};

static pk_pool pool = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
};
static pthread_mutex_t lifecycle = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int started; /* 1 once a start was attempted (and until shutdown) */

/* A failed mutex or condition-variable call is a broken invariant (EINVAL, EDEADLK): stop loudly. */
static void check(int rc, const char *what) {
    if (rc != 0) {
        fprintf(stderr, "parley kernels: %s failed (%d)\n", what, rc);
        abort();
    }
}

static uint64_t now_ns(void) {
    struct timespec t;
    check(clock_gettime(CLOCK_MONOTONIC, &t), "clock_gettime");
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static inline void pause_once(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static inline uint32_t generation(uint64_t s) { return (uint32_t)(s >> 32); }

static inline int joinable(uint64_t s, uint32_t seen) { return generation(s) != seen && !(s & CLOSED); }

static void broadcast_if_sleeping(void) {
    if (atomic_load_explicit(&pool.sleepers, memory_order_seq_cst) == 0) return;
    check(pthread_mutex_lock(&pool.mutex), "pthread_mutex_lock");
    check(pthread_cond_broadcast(&pool.wake), "pthread_cond_broadcast");
    check(pthread_mutex_unlock(&pool.mutex), "pthread_mutex_unlock");
}

/* Runs chunks of the open job until none is left. */
static void work(int worker) {
    for (;;) {
        const int chunk = atomic_fetch_add_explicit(&pool.next, 1, memory_order_relaxed);
        if (chunk >= pool.chunks) return;
        const int begin = chunk * pool.grain;
        const int end = begin + pool.grain < pool.count ? begin + pool.grain : pool.count;
        pool.task(pool.context, worker, begin, end);
    }
}

/* Sleeps until something may have changed: a joinable job, a stop, or a new acquire. */
static void sleep_until_woken(uint32_t seen) {
    check(pthread_mutex_lock(&pool.mutex), "pthread_mutex_lock");
    const unsigned wakes = atomic_load_explicit(&pool.wakes, memory_order_seq_cst);
    atomic_fetch_add_explicit(&pool.sleepers, 1, memory_order_seq_cst);
    /* wakes is read first, under the mutex: an acquire that bumps it later wakes
     * this helper; one that bumped it earlier is the pass this helper chose to
     * sleep through (spin over, or its core taken), whose next job wakes it. */
    while (!joinable(atomic_load_explicit(&pool.state, memory_order_seq_cst), seen) &&
           !atomic_load_explicit(&pool.stop, memory_order_seq_cst) &&
           atomic_load_explicit(&pool.wakes, memory_order_seq_cst) == wakes)
        check(pthread_cond_wait(&pool.wake, &pool.mutex), "pthread_cond_wait");
    atomic_fetch_sub_explicit(&pool.sleepers, 1, memory_order_seq_cst);
    check(pthread_mutex_unlock(&pool.mutex), "pthread_mutex_unlock");
}

/* Whether other forward passes (each on its own thread) leave helper `worker` no idle core:
 * the holder's pass and the others take one core each, helpers 1, 2 ... the rest in turn. */
static inline int core_taken(int worker) {
    return atomic_load_explicit(&pool.passes, memory_order_relaxed) + worker > atomic_load_explicit(&pool.cores, memory_order_relaxed);
}

static void *helper_main(void *argument) {
    const int worker = *(const int *)argument;
#if defined(__linux__)
    /* Cosmetic (top -H, perf): a failure to name the thread changes nothing else. */
    (void)pthread_setname_np(pthread_self(), "parley-encoder");
#elif defined(__APPLE__)
    (void)pthread_setname_np("parley-encoder");
#endif
    uint32_t seen = generation(atomic_load_explicit(&pool.state, memory_order_acquire));
    for (;;) {
        /* Spin for a joinable job while someone holds the pool, then sleep. */
        uint64_t s = atomic_load_explicit(&pool.state, memory_order_acquire);
        uint64_t deadline = 0;
        for (unsigned i = 0; !joinable(s, seen); i++) {
            if (atomic_load_explicit(&pool.stop, memory_order_acquire)) return NULL;
            if (!atomic_load_explicit(&pool.held, memory_order_relaxed) || core_taken(worker)) {
                sleep_until_woken(seen);
                deadline = 0;
            } else if ((i & 63) == 0) {
                const uint64_t t = now_ns();
                if (deadline == 0) deadline = t + PK_SPIN_NS;
                else if (t > deadline) {
                    sleep_until_woken(seen);
                    deadline = 0;
                }
            }
            pause_once();
            s = atomic_load_explicit(&pool.state, memory_order_acquire);
        }
        if (atomic_load_explicit(&pool.stop, memory_order_acquire)) return NULL;
        /* Join exactly this open job, or look again (another helper joined, or it closed). */
        if (!atomic_compare_exchange_weak_explicit(&pool.state, &s, s + 1, memory_order_acquire, memory_order_relaxed))
            continue;
        seen = generation(s);
        atomic_fetch_add_explicit(&pool.joins, 1, memory_order_relaxed);
        if (worker < pool.workers && !core_taken(worker)) work(worker);
        atomic_fetch_sub_explicit(&pool.state, 1, memory_order_release);
    }
}

static int usable_cores(void) {
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
#endif
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online > 0 ? (int)online : 1;
}

/* Starts the helpers once (under lifecycle). A helper that cannot be created
 * (EAGAIN: thread limits) leaves the pool smaller, possibly without helpers. */
static void start_locked(void) {
    if (atomic_load_explicit(&started, memory_order_relaxed)) return;
    const int cores = usable_cores();
    atomic_store_explicit(&pool.cores, cores, memory_order_relaxed);
    const int wanted = (cores > PK_POOL_MAX_WORKERS ? PK_POOL_MAX_WORKERS : cores) - 1;
    /* Helpers take no signals: a server's SIGTERM or SIGINT goes to its own threads. */
    sigset_t all, previous;
    check(sigfillset(&all), "sigfillset");
    check(pthread_sigmask(SIG_SETMASK, &all, &previous), "pthread_sigmask");
    int running = 0;
    for (int h = 0; h < wanted; h++) {
        pool.indices[running] = running + 1;
        if (pthread_create(&pool.threads[running], NULL, helper_main, &pool.indices[running]) != 0) break;
        running++;
    }
    check(pthread_sigmask(SIG_SETMASK, &previous, NULL), "pthread_sigmask");
    atomic_store_explicit(&pool.helpers, running, memory_order_release);
    atomic_store_explicit(&started, 1, memory_order_release);
}

static void ensure_started(void) {
    if (atomic_load_explicit(&started, memory_order_acquire)) return;
    check(pthread_mutex_lock(&lifecycle), "pthread_mutex_lock");
    start_locked();
    check(pthread_mutex_unlock(&lifecycle), "pthread_mutex_unlock");
}

int pk_pool_workers(void) {
    ensure_started();
    return 1 + atomic_load_explicit(&pool.helpers, memory_order_acquire);
}

void pk_pool_pass_begin(void) { atomic_fetch_add_explicit(&pool.passes, 1, memory_order_relaxed); }

void pk_pool_pass_end(void) { atomic_fetch_sub_explicit(&pool.passes, 1, memory_order_relaxed); }

pk_pool *pk_pool_try_acquire(int workers) {
    if (workers < 2) return NULL;
    ensure_started();
    if (atomic_load_explicit(&pool.helpers, memory_order_relaxed) == 0) return NULL;
    /* Each other running pass takes a core: split only over the cores they leave idle. */
    const int idle = atomic_load_explicit(&pool.cores, memory_order_relaxed) -
                     (atomic_load_explicit(&pool.passes, memory_order_relaxed) - 1);
    if (idle < workers) workers = idle;
    if (workers < 2) return NULL;
    int expected = 0;
    if (!atomic_compare_exchange_strong_explicit(&pool.held, &expected, 1, memory_order_acquire, memory_order_relaxed))
        return NULL;
    /* Held now: a shutdown cannot run, but one may have finished just before. */
    const int helpers = atomic_load_explicit(&pool.helpers, memory_order_acquire);
    if (helpers == 0) {
        atomic_store_explicit(&pool.held, 0, memory_order_release);
        return NULL;
    }
    pool.workers = workers < 1 + helpers ? workers : 1 + helpers;
    atomic_fetch_add_explicit(&pool.wakes, 1, memory_order_seq_cst);
    broadcast_if_sleeping();
    return &pool;
}

void pk_pool_release(pk_pool *p) {
    if (p == NULL) return;
    atomic_store_explicit(&p->held, 0, memory_order_release);
}

int pk_pool_size(const pk_pool *p) { return p == NULL ? 1 : p->workers; }

void pk_pool_run(pk_pool *p, pk_task task, void *context, int count, int grain) {
    if (count <= 0) return;
    if (grain < 1) grain = 1;
    const int chunks = (count + grain - 1) / grain;
    if (p == NULL || chunks < 2 || p->workers < 2) {
        task(context, 0, 0, count);
        return;
    }
    /* 1: the job, then the opening store. Nobody has joined (the last run waited) and only
     * the holder changes the generation, so a relaxed read of it is exact. */
    p->task = task;
    p->context = context;
    p->count = count;
    p->grain = grain;
    p->chunks = chunks;
    atomic_store_explicit(&p->next, 0, memory_order_relaxed);
    const uint64_t s = atomic_load_explicit(&p->state, memory_order_relaxed);
    atomic_store_explicit(&p->state, (uint64_t)(generation(s) + 1) << 32, memory_order_seq_cst);
    /* Helpers whose cores other passes took would only wake to leave again. */
    if (!core_taken(1)) broadcast_if_sleeping();
    work(0);
    /* 5: close, then wait for the joined helpers' last chunks. */
    uint64_t left = atomic_fetch_or_explicit(&p->state, CLOSED, memory_order_acq_rel);
    uint64_t deadline = 0;
    for (unsigned i = 0; (left & JOINED_MASK) != 0; i++) {
        if ((i & 63) == 0) {
            const uint64_t t = now_ns();
            if (deadline == 0) deadline = t + PK_WAIT_SPIN_NS;
            else if (t > deadline) check(sched_yield(), "sched_yield"); /* a helper lost its core */
        }
        pause_once();
        left = atomic_load_explicit(&p->state, memory_order_acquire);
    }
}

int pk_pool_shutdown(void) {
    check(pthread_mutex_lock(&lifecycle), "pthread_mutex_lock");
    int result = 0;
    int expected = 0;
    if (!atomic_load_explicit(&started, memory_order_relaxed)) goto done;
    if (!atomic_compare_exchange_strong_explicit(&pool.held, &expected, 1, memory_order_acquire, memory_order_relaxed)) {
        result = EBUSY;
        goto done;
    }
    const int helpers = atomic_load_explicit(&pool.helpers, memory_order_relaxed);
    atomic_store_explicit(&pool.stop, 1, memory_order_seq_cst);
    check(pthread_mutex_lock(&pool.mutex), "pthread_mutex_lock");
    check(pthread_cond_broadcast(&pool.wake), "pthread_cond_broadcast");
    check(pthread_mutex_unlock(&pool.mutex), "pthread_mutex_unlock");
    for (int h = 0; h < helpers; h++) {
        const int rc = pthread_join(pool.threads[h], NULL);
        if (rc != 0 && result == 0) result = rc;
    }
    atomic_store_explicit(&pool.helpers, 0, memory_order_release);
    atomic_store_explicit(&pool.stop, 0, memory_order_seq_cst);
    atomic_store_explicit(&started, 0, memory_order_release);
    atomic_store_explicit(&pool.held, 0, memory_order_release);
done:
    check(pthread_mutex_unlock(&lifecycle), "pthread_mutex_unlock");
    return result;
}

int pk_pool_running_helpers(void) { return atomic_load_explicit(&pool.helpers, memory_order_acquire); }

unsigned long long pk_pool_helper_joins(void) { return atomic_load_explicit(&pool.joins, memory_order_relaxed); }
