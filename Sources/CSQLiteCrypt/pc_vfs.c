/*
 * pc_vfs.c - the "parley-crypt" VFS object: registration and xOpen, which
 * sorts every file SQLite opens into one of
 *   - temporary (no name, or a temp/transient/sub-journal flag): in memory;
 *   - main database: sealed pages, key looked up by path;
 *   - WAL or rollback journal: sealed page images, the main file's key;
 *   - anything else (the super-journal of a multi-database commit): in clear.
 * Every other VFS method is the default VFS's.
 */
#include "pc_internal.h"

sqlite3_vfs *pc_base_vfs;

static pthread_mutex_t pc_register_mutex = PTHREAD_MUTEX_INITIALIZER;
static int pc_registered;
static sqlite3_vfs pc_vfs;

static int pc_vfs_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file,
                       int flags, int *out_flags) {
    memset(file, 0, (size_t)vfs->szOsFile); /* pMethods NULL until the open succeeds */
    if (name == NULL || (flags & PC_MEMORY_FLAGS) != 0) {
        return pc_memory_open(file, flags, out_flags);
    }
    if (flags & SQLITE_OPEN_MAIN_DB) return pc_main_open(file, name, flags, out_flags);
    if (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) {
        return pc_sidecar_open(file, name, flags, out_flags);
    }
    return pc_plain_open(file, name, flags, out_flags);
}

static int pc_vfs_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs;
    return pc_base_vfs->xDelete(pc_base_vfs, name, sync_dir);
}

static int pc_vfs_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void)vfs;
    return pc_base_vfs->xAccess(pc_base_vfs, name, flags, out);
}

static int pc_vfs_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out) {
    (void)vfs;
    return pc_base_vfs->xFullPathname(pc_base_vfs, name, n, out);
}

static void *pc_vfs_dl_open(sqlite3_vfs *vfs, const char *name) {
    (void)vfs;
    return pc_base_vfs->xDlOpen(pc_base_vfs, name);
}

static void pc_vfs_dl_error(sqlite3_vfs *vfs, int n, char *out) {
    (void)vfs;
    pc_base_vfs->xDlError(pc_base_vfs, n, out);
}

static void (*pc_vfs_dl_sym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void) {
    (void)vfs;
    return pc_base_vfs->xDlSym(pc_base_vfs, handle, symbol);
}

static void pc_vfs_dl_close(sqlite3_vfs *vfs, void *handle) {
    (void)vfs;
    pc_base_vfs->xDlClose(pc_base_vfs, handle);
}

static int pc_vfs_randomness(sqlite3_vfs *vfs, int n, char *out) {
    (void)vfs;
    return pc_base_vfs->xRandomness(pc_base_vfs, n, out);
}

static int pc_vfs_sleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return pc_base_vfs->xSleep(pc_base_vfs, microseconds);
}

static int pc_vfs_current_time(sqlite3_vfs *vfs, double *out) {
    (void)vfs;
    return pc_base_vfs->xCurrentTime(pc_base_vfs, out);
}

static int pc_vfs_get_last_error(sqlite3_vfs *vfs, int n, char *out) {
    (void)vfs;
    return pc_base_vfs->xGetLastError(pc_base_vfs, n, out);
}

static int pc_vfs_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    (void)vfs;
    return pc_base_vfs->xCurrentTimeInt64(pc_base_vfs, out);
}

int parley_crypt_register(void) {
    if (pthread_mutex_lock(&pc_register_mutex) != 0) return SQLITE_ERROR;
    int rc = SQLITE_OK;
    if (pc_registered) goto done;

    if (sodium_init() < 0) {
        rc = SQLITE_ERROR;
        goto done;
    }
    rc = sqlite3_initialize();
    if (rc != SQLITE_OK) goto done;
    pc_seal_init();
    pc_cipher_init();
    sqlite3_vfs *base = sqlite3_vfs_find(NULL);
    if (base == NULL || base->iVersion < 2 || strcmp(base->zName, PARLEY_CRYPT_VFS_NAME) == 0) {
        rc = SQLITE_ERROR;
        goto done;
    }
    pc_base_vfs = base;

    size_t file_size = pc_file_object_size();
    if (pc_memory_file_object_size() > file_size) file_size = pc_memory_file_object_size();

    memset(&pc_vfs, 0, sizeof pc_vfs);
    pc_vfs.iVersion = 2;
    pc_vfs.szOsFile = (int)file_size;
    pc_vfs.mxPathname = base->mxPathname;
    pc_vfs.zName = PARLEY_CRYPT_VFS_NAME;
    pc_vfs.xOpen = pc_vfs_open;
    pc_vfs.xDelete = pc_vfs_delete;
    pc_vfs.xAccess = pc_vfs_access;
    pc_vfs.xFullPathname = pc_vfs_full_pathname;
    pc_vfs.xDlOpen = pc_vfs_dl_open;
    pc_vfs.xDlError = pc_vfs_dl_error;
    pc_vfs.xDlSym = pc_vfs_dl_sym;
    pc_vfs.xDlClose = pc_vfs_dl_close;
    pc_vfs.xRandomness = pc_vfs_randomness;
    pc_vfs.xSleep = pc_vfs_sleep;
    pc_vfs.xCurrentTime = pc_vfs_current_time;
    pc_vfs.xGetLastError = pc_vfs_get_last_error;
    pc_vfs.xCurrentTimeInt64 = pc_vfs_current_time_int64;

    rc = sqlite3_vfs_register(&pc_vfs, 0);
    if (rc == SQLITE_OK) pc_registered = 1;

done:
    PC_UNLOCK(&pc_register_mutex);
    return rc;
}
