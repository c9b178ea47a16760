/*
 * pc_check.c - opens every page of a database file outside SQLite, so that a
 * new copy (a backup, a rotated or migrated database) is proven readable,
 * free pages included, before anyone relies on it. SQLite's integrity_check
 * visits only the pages of its b-trees and the freelist trunks; this visits
 * them all.
 */
#include "pc_internal.h"

static int pc_check_fail(const char *path, unsigned pgno, const char *what) {
    pc_failure_record(path, PARLEY_CRYPT_KIND_DATABASE, pgno, what);
    return SQLITE_IOERR_AUTH;
}

static int pc_check_pages(sqlite3_file *real, const char *path, const pc_key *key,
                          unsigned char *page, unsigned long long *pages_out,
                          parley_crypt_page_visitor visit, void *context) {
    sqlite3_int64 size = 0;
    int rc = real->pMethods->xFileSize(real, &size);
    if (rc != SQLITE_OK) return rc;
    if (size == 0 || size % PC_PAGE != 0) {
        return pc_check_fail(path, (unsigned)(size / PC_PAGE) + 1, "file is not a whole number of pages");
    }
    sqlite3_int64 count = size / PC_PAGE;
    if (count > 0xFFFFFFFE) return pc_check_fail(path, 0, "file has more pages than SQLite allows");

    unsigned char id[PC_ID];
    for (sqlite3_int64 n = 1; n <= count; n++) {
        rc = real->pMethods->xRead(real, page, PC_PAGE, (n - 1) * PC_PAGE);
        if (rc != SQLITE_OK) return rc;
        size_t from = 0;
        if (n == 1) {
            memcpy(id, page, PC_ID);
            unsigned char any = 0;
            for (int i = 0; i < PC_ID; i++) any |= id[i];
            if (any == 0) return pc_check_fail(path, 1, "page 1 was never written");
            from = PC_ID;
        }
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_associated_data(ad, id, PC_KIND_MAIN, (uint64_t)n);
        if (pc_unseal(key, ad, ad_len, page, from) != 0) {
            return pc_check_fail(path, (unsigned)n, "tag mismatch");
        }
        if (n == 1) memcpy(page, pc_sqlite_magic, PC_ID);
        *pages_out = (unsigned long long)n;
        if (visit != NULL && visit(context, (unsigned)n, page) != 0) return SQLITE_ABORT;
    }
    return SQLITE_OK;
}

/* Opens the frames of the WAL at wal_path (a WAL of the database whose id is
 * id) one by one, bound to the page number in each frame's header. Stops at
 * the first frame that does not open: the end of the valid log (or a torn or
 * older generation's frame), as recovery would. */
static int pc_check_wal(sqlite3_file *real, const pc_key *key, const unsigned char id[PC_ID],
                        unsigned char *frame, unsigned long long *frames_out,
                        parley_crypt_page_visitor visit, void *context) {
    sqlite3_int64 size = 0;
    int rc = real->pMethods->xFileSize(real, &size);
    if (rc != SQLITE_OK) return rc;
    for (sqlite3_int64 off = PC_WAL_HEADER; off + PC_WAL_FRAME <= size; off += PC_WAL_FRAME) {
        rc = real->pMethods->xRead(real, frame, PC_WAL_FRAME, off);
        if (rc != SQLITE_OK) return rc;
        unsigned pgno = pc_be32(frame);
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_associated_data(ad, id, PC_KIND_MAIN, pgno);
        unsigned char *content = frame + PC_WAL_FRAME_HEADER;
        if (pc_unseal(key, ad, ad_len, content, 0) != 0) break;
        (*frames_out)++;
        if (visit != NULL && visit(context, pgno, content) != 0) return SQLITE_ABORT;
    }
    return SQLITE_OK;
}

static int pc_visit(const char *db_path, int wal, unsigned long long *count_out,
                    parley_crypt_page_visitor visit, void *context) {
    unsigned long long count = 0;
    if (count_out != NULL) *count_out = 0;
    if (db_path == NULL) return SQLITE_MISUSE;
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;
    char *canonical = NULL;
    rc = pc_canonical_path(db_path, &canonical);
    if (rc != SQLITE_OK) return rc;
    pc_key *key = pc_key_acquire(canonical);
    if (key == NULL) {
        sqlite3_free(canonical);
        pc_log_refusal(SQLITE_CANTOPEN, db_path, "no key registered for this database");
        return SQLITE_CANTOPEN;
    }

    sqlite3_file *real = sqlite3_malloc(pc_base_vfs->szOsFile);
    unsigned char *buffer = sodium_malloc(PC_WAL_FRAME);
    if (real == NULL || buffer == NULL) {
        sqlite3_free(real);
        if (buffer != NULL) sodium_free(buffer);
        pc_key_release(key);
        sqlite3_free(canonical);
        return SQLITE_NOMEM;
    }
    memset(real, 0, (size_t)pc_base_vfs->szOsFile);
    int out_flags = 0;
    rc = pc_base_vfs->xOpen(pc_base_vfs, canonical, real, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
    if (rc == SQLITE_OK && !wal) {
        rc = pc_check_pages(real, canonical, key, buffer, &count, visit, context);
        int close_rc = real->pMethods->xClose(real);
        if (rc == SQLITE_OK) rc = close_rc;
    } else if (rc == SQLITE_OK) {
        unsigned char id[PC_ID];
        rc = real->pMethods->xRead(real, id, PC_ID, 0);
        int close_rc = real->pMethods->xClose(real);
        if (rc == SQLITE_OK) rc = close_rc;
        char *wal_path = rc == SQLITE_OK ? sqlite3_mprintf("%s-wal", canonical) : NULL;
        if (rc == SQLITE_OK && wal_path == NULL) rc = SQLITE_NOMEM;
        if (rc == SQLITE_OK) {
            memset(real, 0, (size_t)pc_base_vfs->szOsFile);
            int exists = 0;
            rc = pc_base_vfs->xAccess(pc_base_vfs, wal_path, SQLITE_ACCESS_EXISTS, &exists);
            if (rc == SQLITE_OK && exists) {
                rc = pc_base_vfs->xOpen(pc_base_vfs, wal_path, real, SQLITE_OPEN_READONLY | SQLITE_OPEN_WAL, &out_flags);
                if (rc == SQLITE_OK) {
                    rc = pc_check_wal(real, key, id, buffer, &count, visit, context);
                    int wal_close_rc = real->pMethods->xClose(real);
                    if (rc == SQLITE_OK) rc = wal_close_rc;
                }
            }
        }
        sqlite3_free(wal_path);
    }
    sodium_free(buffer); /* wipes the last page opened */
    sqlite3_free(real);
    pc_key_release(key);
    sqlite3_free(canonical);
    if (count_out != NULL) *count_out = count;
    return rc;
}

int parley_crypt_check_file(const char *db_path, unsigned long long *pages_out) {
    return pc_visit(db_path, 0, pages_out, NULL, NULL);
}

int parley_crypt_visit_pages(const char *db_path, parley_crypt_page_visitor visit, void *context,
                             unsigned long long *pages_out) {
    return pc_visit(db_path, 0, pages_out, visit, context);
}

int parley_crypt_visit_wal(const char *db_path, parley_crypt_page_visitor visit, void *context,
                           unsigned long long *frames_out) {
    return pc_visit(db_path, 1, frames_out, visit, context);
}
