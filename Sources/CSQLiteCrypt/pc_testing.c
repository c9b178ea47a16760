/*
 * pc_testing.c - a full disk, simulated for tests: while a directory is set,
 * every write through the VFS that would make a file under it longer fails
 * with SQLITE_FULL, as on a disk without free blocks (rewriting bytes a file
 * already has still works, as it does there).
 *
 * Compiled in only when PARLEY_CRYPT_TESTING is defined, which the package
 * does for debug builds alone: in a release build (every build that ships)
 * parley_crypt_simulate_full_disk() changes nothing and returns SQLITE_MISUSE.
 */
#include "pc_internal.h"

#ifdef PARLEY_CRYPT_TESTING

static pthread_mutex_t pc_testing_mutex = PTHREAD_MUTEX_INITIALIZER;
static char *pc_testing_directory = NULL; /* sqlite3_malloc'd; guarded by the mutex */
static volatile int pc_testing_active = 0;

int parley_crypt_simulate_full_disk(const char *directory) {
    char *copy = NULL;
    if (directory != NULL) {
        copy = sqlite3_mprintf("%s", directory);
        if (copy == NULL) return SQLITE_NOMEM;
    }
    if (pthread_mutex_lock(&pc_testing_mutex) != 0) {
        sqlite3_free(copy);
        return SQLITE_ERROR;
    }
    sqlite3_free(pc_testing_directory);
    pc_testing_directory = copy;
    __atomic_store_n(&pc_testing_active, copy != NULL, __ATOMIC_RELEASE);
    PC_UNLOCK(&pc_testing_mutex);
    return SQLITE_OK;
}

int pc_testing_refuses_write(pc_file *f, int amt, sqlite3_int64 off) {
    if (!__atomic_load_n(&pc_testing_active, __ATOMIC_ACQUIRE) || f->path == NULL) return 0;
    if (pthread_mutex_lock(&pc_testing_mutex) != 0) return 0;
    int under = pc_testing_directory != NULL
        && strncmp(f->path, pc_testing_directory, strlen(pc_testing_directory)) == 0;
    PC_UNLOCK(&pc_testing_mutex);
    if (!under) return 0;
    sqlite3_int64 size = 0;
    if (f->real->pMethods->xFileSize(f->real, &size) != SQLITE_OK) return 0;
    return off + amt > size;
}

#else

int parley_crypt_simulate_full_disk(const char *directory) {
    (void)directory;
    return SQLITE_MISUSE;
}

int pc_testing_refuses_write(pc_file *f, int amt, sqlite3_int64 off) {
    (void)f;
    (void)amt;
    (void)off;
    return 0;
}

#endif
