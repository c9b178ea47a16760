/*
 * pc_file.c - the io_methods shared by every on-disk file of the VFS (main
 * database, WAL, rollback journal, super-journal): reads and writes dispatch
 * on the file's kind, everything else passes through to the file underneath.
 *
 * iVersion 2: shared memory for WAL, but no xFetch/xUnfetch, so SQLite never
 * memory-maps a database (a mapping would bypass decryption).
 */
#include "pc_internal.h"

/* The underlying file lives right after the pc_file, 16-byte aligned. */
static size_t pc_real_offset(void) {
    return (sizeof(pc_file) + 15) & ~(size_t)15;
}

sqlite3_file *pc_real_file(sqlite3_file *file) {
    return (sqlite3_file *)((char *)file + pc_real_offset());
}

size_t pc_file_object_size(void) {
    return pc_real_offset() + (size_t)pc_base_vfs->szOsFile;
}

/* WAL or rollback journal: the key and id are the main database's, found
 * through the file object SQLite passes the journal name from. */
int pc_sidecar_open(sqlite3_file *file, const char *name, int flags, int *out_flags) {
    pc_file *f = (pc_file *)file;
    sqlite3_file *real = pc_real_file(file);
    pc_file *main = (pc_file *)sqlite3_database_file_object(name);
    if (main == NULL || main->base.pMethods != &pc_file_methods || main->kind != PC_KIND_MAIN) {
        pc_log_refusal(SQLITE_CANTOPEN, name, "journal or WAL of a database not opened by this VFS");
        return SQLITE_CANTOPEN;
    }
    int rc = pc_base_vfs->xOpen(pc_base_vfs, name, real, flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    f->kind = (flags & SQLITE_OPEN_WAL) ? PC_KIND_WAL : PC_KIND_JOURNAL;
    f->tolerant = f->kind == PC_KIND_JOURNAL && (flags & SQLITE_OPEN_CREATE) == 0;
    f->path = name;
    f->key = main->key;
    f->main = main;
    f->header_off = -1;
    f->real = real;
    file->pMethods = &pc_file_methods;
    return SQLITE_OK;
}

/* Super-journal: only the names of the journals of a multi-database commit. */
int pc_plain_open(sqlite3_file *file, const char *name, int flags, int *out_flags) {
    pc_file *f = (pc_file *)file;
    sqlite3_file *real = pc_real_file(file);
    int rc = pc_base_vfs->xOpen(pc_base_vfs, name, real, flags, out_flags);
    if (rc != SQLITE_OK) return rc;
    f->kind = PC_KIND_PLAIN;
    f->path = name;
    f->main = NULL;
    f->key = NULL;
    f->real = real;
    file->pMethods = &pc_file_methods;
    return SQLITE_OK;
}

static int pc_close(sqlite3_file *file) {
    pc_file *f = (pc_file *)file;
    int rc = f->real->pMethods->xClose(f->real);
    if (f->kind == PC_KIND_MAIN) pc_key_release(f->key);
    f->key = NULL;
    sodium_memzero(f->scratch, sizeof f->scratch);
    sodium_memzero(f->nonce_pool, sizeof f->nonce_pool);
    if (f->kind == PC_KIND_MAIN) pc_reuse_forget(f);
    f->nonces_left = 0;
    return rc;
}

static int pc_read(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off) {
    pc_file *f = (pc_file *)file;
    switch (f->kind) {
    case PC_KIND_MAIN: return pc_main_read(f, buf, amt, off);
    case PC_KIND_WAL: return pc_wal_read(f, buf, amt, off);
    case PC_KIND_JOURNAL: return pc_journal_read(f, buf, amt, off);
    default: return f->real->pMethods->xRead(f->real, buf, amt, off);
    }
}

static int pc_write(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off) {
    pc_file *f = (pc_file *)file;
    if (pc_testing_refuses_write(f, amt, off)) return SQLITE_FULL; /* tests only: pc_testing.c */
    switch (f->kind) {
    case PC_KIND_MAIN: return pc_main_write(f, buf, amt, off);
    case PC_KIND_WAL: return pc_wal_write(f, buf, amt, off);
    case PC_KIND_JOURNAL: return pc_journal_write(f, buf, amt, off);
    default: return f->real->pMethods->xWrite(f->real, buf, amt, off);
    }
}

static int pc_truncate(sqlite3_file *file, sqlite3_int64 size) {
    pc_file *f = (pc_file *)file;
    int rc = f->real->pMethods->xTruncate(f->real, size);
    if (rc == SQLITE_OK && f->kind == PC_KIND_MAIN) pc_main_truncated(f, size);
    return rc;
}

static int pc_sync(sqlite3_file *file, int flags) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xSync(real, flags);
}

static int pc_size(sqlite3_file *file, sqlite3_int64 *size) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xFileSize(real, size);
}

static int pc_lock(sqlite3_file *file, int level) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xLock(real, level);
}

static int pc_unlock(sqlite3_file *file, int level) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xUnlock(real, level);
}

static int pc_check_reserved_lock(sqlite3_file *file, int *out) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xCheckReservedLock(real, out);
}

static int pc_file_control(sqlite3_file *file, int op, void *arg) {
    pc_file *f = (pc_file *)file;
    sqlite3_file *real = f->real;
    switch (op) {
    case SQLITE_FCNTL_PRAGMA:
        if (f->kind == PC_KIND_MAIN) {
            int rc = pc_main_pragma(f, (char **)arg);
            if (rc != SQLITE_NOTFOUND) return rc;
        }
        break;
    case SQLITE_FCNTL_VFSNAME: {
        char *inner = NULL;
        int rc = real->pMethods->xFileControl(real, op, &inner);
        char *name = sqlite3_mprintf("%s/%s", PARLEY_CRYPT_VFS_NAME,
                                     rc == SQLITE_OK && inner != NULL ? inner : "?");
        sqlite3_free(inner);
        if (name == NULL) return SQLITE_NOMEM;
        *(char **)arg = name;
        return SQLITE_OK;
    }
    case SQLITE_FCNTL_CKPT_START:
        /* A checkpoint copies WAL frames to the database: arm the reuse slot. */
        if (f->kind == PC_KIND_MAIN) f->in_checkpoint = 1;
        break;
    case SQLITE_FCNTL_CKPT_DONE:
        if (f->kind == PC_KIND_MAIN) {
            f->in_checkpoint = 0;
            pc_reuse_forget(f);
        }
        break;
    case SQLITE_FCNTL_CHUNK_SIZE:
        /* Ignored: preallocated chunks would be pages that were never
         * written, which cannot authenticate. SIZE_HINT is then a no-op. */
        return SQLITE_OK;
    default:
        break;
    }
    return real->pMethods->xFileControl(real, op, arg);
}

static int pc_sector_size(sqlite3_file *file) {
    (void)file;
    return PC_SECTOR;
}

static int pc_device_characteristics(sqlite3_file *file) {
    pc_file *f = (pc_file *)file;
    int caps = f->real->pMethods->xDeviceCharacteristics(f->real) & ~PC_ATOMIC_CAPS;
    /* Powersafe overwrite is always claimed for the database and its WAL, as
     * the default unix VFS claims it unless told psow=0. Without it SQLite
     * pads each synced WAL commit to a sector boundary by rewriting the last
     * frame, splitting the last copy's 4096-byte content into two writes
     * around a sync (wal.c walWriteToLog); half a page cannot be sealed, and
     * deferring it would defeat the padding. SQLite decides this from the
     * main file's characteristics (sqlite3WalOpen), hence the main file. The
     * claim also fixes the pager's sector at 512 (pager.c setSectorSize). */
    if (f->kind == PC_KIND_MAIN || f->kind == PC_KIND_WAL) caps |= SQLITE_IOCAP_POWERSAFE_OVERWRITE;
    return caps;
}

static int pc_shm_map(sqlite3_file *file, int region, int size, int extend, void volatile **out) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xShmMap(real, region, size, extend, out);
}

static int pc_shm_lock(sqlite3_file *file, int offset, int n, int flags) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xShmLock(real, offset, n, flags);
}

static void pc_shm_barrier(sqlite3_file *file) {
    sqlite3_file *real = ((pc_file *)file)->real;
    real->pMethods->xShmBarrier(real);
}

static int pc_shm_unmap(sqlite3_file *file, int delete_flag) {
    sqlite3_file *real = ((pc_file *)file)->real;
    return real->pMethods->xShmUnmap(real, delete_flag);
}

const sqlite3_io_methods pc_file_methods = {
    2,
    pc_close,
    pc_read,
    pc_write,
    pc_truncate,
    pc_sync,
    pc_size,
    pc_lock,
    pc_unlock,
    pc_check_reserved_lock,
    pc_file_control,
    pc_sector_size,
    pc_device_characteristics,
    pc_shm_map,
    pc_shm_lock,
    pc_shm_barrier,
    pc_shm_unmap,
    NULL, /* xFetch: no memory mapping */
    NULL, /* xUnfetch */
};
