/*
 * pc_failure.c - the process-wide "last authentication failure" slot, and
 * logging through sqlite3_log. Messages carry a path, a file kind and a page
 * or frame number; never key material, never page content.
 */
#include "pc_internal.h"

enum { PC_FAILURE_PATH = 1024 };

struct pc_failure_slot {
    char path[PC_FAILURE_PATH];
    unsigned page;
    char kind;
    unsigned long long serial;
};

static pthread_mutex_t pc_failure_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct pc_failure_slot pc_failure;
/* The failure seen by the calling thread: SQLite runs the VFS on the thread
 * that steps the statement, so the caller can read what its own statement hit
 * even while other connections fail concurrently. */
static _Thread_local struct pc_failure_slot pc_thread_failure;

static void pc_copy_slot(const struct pc_failure_slot *slot, char *path_out, size_t cap, unsigned *page_out,
                         char *kind_out, unsigned long long *serial_out) {
    if (path_out != NULL && cap > 0) {
        size_t n = strlen(slot->path);
        if (n >= cap) n = cap - 1;
        memcpy(path_out, slot->path, n);
        path_out[n] = '\0';
    }
    if (page_out != NULL) *page_out = slot->page;
    if (kind_out != NULL) *kind_out = slot->kind;
    if (serial_out != NULL) *serial_out = slot->serial;
}

static const char *pc_kind_name(char kind) {
    switch (kind) {
    case PARLEY_CRYPT_KIND_DATABASE: return "database page";
    case PARLEY_CRYPT_KIND_WAL: return "WAL frame";
    case PARLEY_CRYPT_KIND_JOURNAL: return "journal page";
    case PARLEY_CRYPT_KIND_WAL_RECOVERY: return "WAL frame (recovery: log ends before it)";
    case PARLEY_CRYPT_KIND_JOURNAL_RECOVERY: return "journal page (rollback: journal ends before it)";
    default: return "record";
    }
}

void pc_failure_record(const char *path, char kind, unsigned page, const char *what) {
    const char *p = path != NULL ? path : "";
    if (pthread_mutex_lock(&pc_failure_mutex) == 0) {
        size_t n = strlen(p);
        if (n >= PC_FAILURE_PATH) n = PC_FAILURE_PATH - 1;
        memcpy(pc_failure.path, p, n);
        pc_failure.path[n] = '\0';
        pc_failure.page = page;
        pc_failure.kind = kind;
        pc_failure.serial++;
        pc_thread_failure = pc_failure;
        PC_UNLOCK(&pc_failure_mutex);
    }
    sqlite3_log(SQLITE_IOERR_AUTH, "parley-crypt: authentication failed: %s %u of %s (%s)",
                pc_kind_name(kind), page, p, what);
}

void pc_log_refusal(int code, const char *path, const char *what) {
    sqlite3_log(code, "parley-crypt: refused: %s: %s", what, path != NULL ? path : "");
}

int parley_crypt_last_failure(char *path_out, size_t cap, unsigned *page_out,
                              char *kind_out, unsigned long long *serial_out) {
    if (pthread_mutex_lock(&pc_failure_mutex) != 0) return SQLITE_ERROR;
    int rc = pc_failure.serial == 0 ? SQLITE_NOTFOUND : SQLITE_OK;
    pc_copy_slot(&pc_failure, path_out, cap, page_out, kind_out, serial_out);
    PC_UNLOCK(&pc_failure_mutex);
    return rc;
}

int parley_crypt_thread_last_failure(char *path_out, size_t cap, unsigned *page_out,
                                     char *kind_out, unsigned long long *serial_out) {
    int rc = pc_thread_failure.serial == 0 ? SQLITE_NOTFOUND : SQLITE_OK;
    pc_copy_slot(&pc_thread_failure, path_out, cap, page_out, kind_out, serial_out);
    return rc;
}
