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
                          unsigned char *page, unsigned long long *pages_out) {
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
        *pages_out = (unsigned long long)n;
    }
    return SQLITE_OK;
}

int parley_crypt_check_file(const char *db_path, unsigned long long *pages_out) {
    unsigned long long pages = 0;
    if (pages_out != NULL) *pages_out = 0;
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
    unsigned char *page = sodium_malloc(PC_PAGE);
    if (real == NULL || page == NULL) {
        sqlite3_free(real);
        if (page != NULL) sodium_free(page);
        pc_key_release(key);
        sqlite3_free(canonical);
        return SQLITE_NOMEM;
    }
    memset(real, 0, (size_t)pc_base_vfs->szOsFile);
    int out_flags = 0;
    rc = pc_base_vfs->xOpen(pc_base_vfs, canonical, real, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &out_flags);
    if (rc == SQLITE_OK) {
        rc = pc_check_pages(real, canonical, key, page, &pages);
        int close_rc = real->pMethods->xClose(real);
        if (rc == SQLITE_OK) rc = close_rc;
    }
    sodium_free(page); /* wipes the last page opened */
    sqlite3_free(real);
    pc_key_release(key);
    sqlite3_free(canonical);
    if (pages_out != NULL) *pages_out = pages;
    return rc;
}
