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
 * The slot is filled only during a checkpoint (between SQLITE_FCNTL_CKPT_START
 * and SQLITE_FCNTL_CKPT_DONE, which SQLite sends to the main file around its
 * copy loop), so ordinary reads of WAL pages neither pay for it nor leave a
 * page image behind. Page 1 is never reused (its database id sits in clear on
 * disk, so its sealed range differs between the WAL and the database). The
 * slot lives on the main file, which only its own connection uses; the opened
 * image is wiped as soon as a database write consumes or discards it, at the
 * end of the checkpoint, and at close.
 *
 * In a checkpoint, the write that follows a frame's read is that frame's page.
 * A write of another page with exactly the image just opened means the WAL
 * index (-shm) named a frame holding a different page than its header says:
 * the index was tampered with, and the write is refused (kind 'D').
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
    if (!main->in_checkpoint || pgno <= 1) {
        pc_reuse_forget(main);
        return;
    }
    memcpy(main->reuse_sealed, sealed, PC_PAGE);
    memcpy(main->reuse_opened, opened, PC_PAGE);
    main->reuse_pgno = pgno;
}

/* SQLITE_OK with *sealed set when the database write of page pgno with image
 * page can use the slot's sealed bytes, SQLITE_OK with *sealed NULL when it
 * must be sealed anew, SQLITE_IOERR_AUTH when it is refused (see above). */
int pc_reuse_take(pc_file *main, unsigned pgno, const unsigned char *page, const unsigned char **sealed) {
    *sealed = NULL;
    if (main->reuse_pgno == 0) return SQLITE_OK;
    unsigned slot_pgno = main->reuse_pgno;
    int same_image = memcmp(main->reuse_opened, page, PC_PAGE) == 0;
    sodium_memzero(main->reuse_opened, PC_PAGE);
    main->reuse_pgno = 0;
    if (!same_image) return SQLITE_OK;
    if (slot_pgno != pgno) {
        pc_failure_record(main->path, PARLEY_CRYPT_KIND_DATABASE, pgno,
                          "checkpoint copies a WAL frame of another page (WAL index tampered with)");
        return SQLITE_IOERR_AUTH;
    }
    __atomic_fetch_add(&pc_pages_reused_total, 1, __ATOMIC_RELAXED);
    *sealed = main->reuse_sealed;
    return SQLITE_OK;
}

void pc_reuse_forget(pc_file *main) {
    if (main->reuse_pgno == 0) return;
    sodium_memzero(main->reuse_opened, PC_PAGE);
    main->reuse_pgno = 0;
}
