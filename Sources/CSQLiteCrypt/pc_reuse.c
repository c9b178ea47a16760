/*
 * pc_reuse.c - a checkpoint copies sealed pages instead of resealing them.
 *
 * A checkpoint reads a frame's content from the WAL and writes the same bytes
 * to the database at the frame's page. A WAL frame for page N is sealed exactly
 * as database page N is (same key, same associated data id || 'D' || N, same
 * layout), so the sealed bytes just read are a valid database page N. The main
 * file keeps the last WAL page this connection opened: its sealed bytes and
 * its opened image. A database write of page N whose image is byte for byte
 * that opened image writes those sealed bytes instead of sealing again: one
 * open per checkpointed page instead of open + seal, and no nonce is spent,
 * because the ciphertext written is identical to one already on disk.
 *
 * Page 1 is never reused (its database id sits in clear on disk, so its sealed
 * range differs between the WAL and the database). The slot lives on the main
 * file, which only its own connection uses; the opened image is wiped as soon
 * as a database write consumes or discards it, and at close.
 */
#include "pc_internal.h"

static unsigned long long pc_pages_sealed_total;
static unsigned long long pc_pages_opened_total;
static unsigned long long pc_pages_reused_total;

void pc_count_sealed(void) { __atomic_fetch_add(&pc_pages_sealed_total, 1, __ATOMIC_RELAXED); }
void pc_count_opened(void) { __atomic_fetch_add(&pc_pages_opened_total, 1, __ATOMIC_RELAXED); }

int parley_crypt_page_stats(unsigned long long *sealed, unsigned long long *opened,
                            unsigned long long *reused) {
    if (sealed) *sealed = __atomic_load_n(&pc_pages_sealed_total, __ATOMIC_RELAXED);
    if (opened) *opened = __atomic_load_n(&pc_pages_opened_total, __ATOMIC_RELAXED);
    if (reused) *reused = __atomic_load_n(&pc_pages_reused_total, __ATOMIC_RELAXED);
    return SQLITE_OK;
}

void pc_reuse_remember(pc_file *main, unsigned pgno, const unsigned char *sealed,
                       const unsigned char *opened) {
    if (pgno <= 1) {
        pc_reuse_forget(main);
        return;
    }
    memcpy(main->reuse_sealed, sealed, PC_PAGE);
    memcpy(main->reuse_opened, opened, PC_PAGE);
    main->reuse_pgno = pgno;
}

const unsigned char *pc_reuse_take(pc_file *main, unsigned pgno, const unsigned char *page) {
    if (main->reuse_pgno == 0) return NULL;
    int same = main->reuse_pgno == pgno && memcmp(main->reuse_opened, page, PC_PAGE) == 0;
    sodium_memzero(main->reuse_opened, PC_PAGE);
    main->reuse_pgno = 0;
    if (!same) return NULL;
    __atomic_fetch_add(&pc_pages_reused_total, 1, __ATOMIC_RELAXED);
    return main->reuse_sealed;
}

void pc_reuse_forget(pc_file *main) {
    if (main->reuse_pgno == 0) return;
    sodium_memzero(main->reuse_opened, PC_PAGE);
    main->reuse_pgno = 0;
}
