/*
 * pc_main.c - the main database file: one sealed page per 4096 bytes.
 *
 * Page 1 keeps the 16-byte database id in clear where SQLite keeps its magic
 * string; reads put the magic back. The id of an empty file is chosen at open
 * (never all zeros) and becomes the file's id as soon as this connection
 * writes any page, because SQLite may write other pages before page 1: a
 * transaction on a new database that outgrows the page cache spills pages
 * (page 1 stays pinned until the commit), and so does VACUUM INTO or the
 * backup API writing a new file. Until then every operation first looks at
 * the disk, in case another connection wrote page 1; sixteen zero bytes there
 * are a hole (pages written past a page 1 not yet written), never an id.
 */
#include "pc_internal.h"

static unsigned pc_page_number(sqlite3_int64 off) {
    return (unsigned)(off / PC_PAGE) + 1;
}

static int pc_id_is_zero(const unsigned char id[PC_ID]) {
    unsigned char any = 0;
    for (int i = 0; i < PC_ID; i++) any |= id[i];
    return any == 0;
}

/* A fresh id for a new file; all zeros is reserved for "page 1 not written". */
static void pc_choose_id(unsigned char id[PC_ID]) {
    do {
        randombytes_buf(id, PC_ID);
    } while (pc_id_is_zero(id));
}

int pc_main_open(sqlite3_file *file, const char *name, int flags, int *out_flags) {
    pc_file *f = (pc_file *)file;
    sqlite3_file *real = pc_real_file(file);
    char *canonical = NULL;

    /* xOpen receives the name already made absolute by xFullPathname; run it
     * through the same canonicalisation as parley_crypt_set_key anyway, so a
     * name handed to sqlite3_open_v2 with a VFS argument matches too. */
    int rc = pc_canonical_path(name, &canonical);
    if (rc != SQLITE_OK) return rc;
    pc_key *key = pc_key_acquire(canonical);
    sqlite3_free(canonical);
    if (key == NULL) {
        pc_log_refusal(SQLITE_CANTOPEN, name, "no key registered for this database");
        return SQLITE_CANTOPEN;
    }

    rc = pc_base_vfs->xOpen(pc_base_vfs, name, real, flags, out_flags);
    if (rc != SQLITE_OK) {
        pc_key_release(key);
        return rc;
    }

    sqlite3_int64 size = 0;
    rc = real->pMethods->xFileSize(real, &size);
    if (rc == SQLITE_OK) {
        if (size == 0) {
            pc_choose_id(f->id);
            f->id_known = 0;
        } else if (size < PC_ID) {
            pc_log_refusal(SQLITE_NOTADB, name, "file too short to be an encrypted database");
            rc = SQLITE_NOTADB;
        } else {
            rc = real->pMethods->xRead(real, f->id, PC_ID, 0);
            if (rc == SQLITE_OK && memcmp(f->id, pc_sqlite_magic, PC_ID) == 0) {
                pc_log_refusal(SQLITE_NOTADB, name,
                               "plaintext SQLite database (migrate it with VACUUM INTO)");
                rc = SQLITE_NOTADB;
            }
            if (pc_id_is_zero(f->id)) {
                /* Another connection is writing a new database and has not
                 * written page 1 yet: look again later (pc_main_ensure_id). */
                pc_choose_id(f->id);
                f->id_known = 0;
            } else {
                f->id_known = 1;
            }
        }
    }
    if (rc != SQLITE_OK) {
        int close_rc = real->pMethods->xClose(real);
        (void)close_rc; /* the open already failed; report that error */
        pc_key_release(key);
        return rc;
    }

    f->kind = PC_KIND_MAIN;
    f->path = name;
    f->key = key;
    f->main = f;
    f->real = real;
    file->pMethods = &pc_file_methods;
    return SQLITE_OK;
}

int pc_main_ensure_id(pc_file *main) {
    if (main->id_known) return SQLITE_OK;
    sqlite3_int64 size = 0;
    int rc = main->real->pMethods->xFileSize(main->real, &size);
    if (rc != SQLITE_OK) return rc;
    if (size < PC_ID) return SQLITE_OK; /* still empty: keep the chosen id */
    unsigned char disk[PC_ID];
    rc = main->real->pMethods->xRead(main->real, disk, PC_ID, 0);
    if (rc != SQLITE_OK) return rc;
    if (pc_id_is_zero(disk)) return SQLITE_OK; /* a hole where page 1 will go */
    memcpy(main->id, disk, PC_ID);
    main->id_known = 1;
    return SQLITE_OK;
}

void pc_main_truncated(pc_file *main, sqlite3_int64 size) {
    /* A new database rolled back to nothing: whoever writes page 1 next
     * decides the id (this connection keeps the one it chose). */
    if (size < PC_ID) main->id_known = 0;
}

static int pc_main_auth_failure(pc_file *f, unsigned char *page, unsigned pgno, const char *what) {
    sodium_memzero(page, PC_PAGE);
    pc_failure_record(f->path, PARLEY_CRYPT_KIND_DATABASE, pgno, what);
    return SQLITE_IOERR_AUTH;
}

/* Reads and opens the page at off (a multiple of 4096) into page. */
static int pc_main_read_page(pc_file *f, unsigned char *page, sqlite3_int64 off) {
    sqlite3_file *real = f->real;
    unsigned pgno = pc_page_number(off);
    int rc = real->pMethods->xRead(real, page, PC_PAGE, off);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        sqlite3_int64 size = 0;
        int size_rc = real->pMethods->xFileSize(real, &size);
        if (size_rc != SQLITE_OK) {
            memset(page, 0, PC_PAGE);
            return size_rc;
        }
        if (size <= off) {
            memset(page, 0, PC_PAGE);  /* wholly past the end: SQLite wants zeros */
            return SQLITE_IOERR_SHORT_READ;
        }
        return pc_main_auth_failure(f, page, pgno, "page cut short");
    }
    if (rc != SQLITE_OK) return rc;

    unsigned char ad[PC_AD_MAX];
    size_t ad_len;
    size_t from = 0;
    if (pgno == 1) {
        /* The id on disk is what gets authenticated, and it must be the id
         * this connection already uses for every other page. */
        if (f->id_known && sodium_memcmp(page, f->id, PC_ID) != 0) {
            return pc_main_auth_failure(f, page, pgno, "database id changed");
        }
        ad_len = pc_associated_data(ad, page, PC_KIND_MAIN, pgno);
        from = PC_ID;
    } else {
        rc = pc_main_ensure_id(f);
        if (rc != SQLITE_OK) return rc;
        ad_len = pc_associated_data(ad, f->id, PC_KIND_MAIN, pgno);
    }
    if (pc_unseal(f->key, ad, ad_len, page, from) != 0) {
        return pc_main_auth_failure(f, page, pgno, "tag mismatch");
    }
    if (pgno == 1) {
        if (!f->id_known) {
            memcpy(f->id, page, PC_ID);
            f->id_known = 1;
        }
        memcpy(page, pc_sqlite_magic, PC_ID);
    }
    return SQLITE_OK;
}

int pc_main_read(pc_file *f, void *buf, int amt, sqlite3_int64 off) {
    if (amt == PC_PAGE && off % PC_PAGE == 0) {
        return pc_main_read_page(f, buf, off);
    }
    /* Header probes (100 bytes at 0, 16 bytes at 24, ...): open the whole
     * page in scratch and copy the slice. */
    unsigned char *out = buf;
    int result = SQLITE_OK;
    while (amt > 0) {
        sqlite3_int64 page_off = off - off % PC_PAGE;
        int in_page = (int)(off - page_off);
        int n = PC_PAGE - in_page < amt ? PC_PAGE - in_page : amt;
        int rc = pc_main_read_page(f, f->scratch, page_off);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            memset(out, 0, (size_t)n);
            result = SQLITE_IOERR_SHORT_READ;
        } else if (rc != SQLITE_OK) {
            sodium_memzero(f->scratch, PC_PAGE);
            memset(buf, 0, (size_t)(out - (unsigned char *)buf) + (size_t)amt);
            return rc;
        } else {
            memcpy(out, f->scratch + in_page, (size_t)n);
        }
        out += n;
        off += n;
        amt -= n;
    }
    sodium_memzero(f->scratch, PC_PAGE);
    return result;
}

/* Page 1 must describe a database whose pages have room for nonce and tag. */
static int pc_main_check_header(pc_file *f, const unsigned char *page) {
    if (memcmp(page, pc_sqlite_magic, PC_ID) != 0) {
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "page 1 does not start with the SQLite magic");
        return SQLITE_IOERR_WRITE;
    }
    unsigned page_size = ((unsigned)page[16] << 8) | page[17];
    if (page_size == 1) page_size = 65536;
    if (page_size != PC_PAGE) {
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "page size is not 4096");
        return SQLITE_IOERR_WRITE;
    }
    if (page[20] < PC_RESERVE) {
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path,
                       "fewer than 40 reserved bytes per page (set SQLITE_FCNTL_RESERVE_BYTES first)");
        return SQLITE_IOERR_WRITE;
    }
    return SQLITE_OK;
}

int pc_main_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off) {
    const unsigned char *page = buf;
    if (amt != PC_PAGE || off % PC_PAGE != 0) {
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "write that is not one whole 4096-byte page");
        return SQLITE_IOERR_WRITE;
    }
    unsigned pgno = pc_page_number(off);
    int rc = pc_main_ensure_id(f);
    if (rc != SQLITE_OK) return rc;

    const unsigned char *sealed = NULL;
    rc = pc_reuse_take(f, pgno, page, &sealed);
    if (rc != SQLITE_OK) return rc;
    if (sealed != NULL) return f->real->pMethods->xWrite(f->real, sealed, PC_PAGE, off);

    size_t from = 0;
    if (pgno == 1) {
        rc = pc_main_check_header(f, page);
        if (rc != SQLITE_OK) return rc;
        memcpy(f->scratch, f->id, PC_ID);
        from = PC_ID;
    }
    unsigned char ad[PC_AD_MAX];
    size_t ad_len = pc_associated_data(ad, f->id, PC_KIND_MAIN, pgno);
    if (pc_seal(f, ad, ad_len, page, f->scratch, from) != 0) return SQLITE_IOERR_WRITE;
    rc = f->real->pMethods->xWrite(f->real, f->scratch, PC_PAGE, off);
    /* This connection holds the write lock: whatever page it wrote, the id it
     * sealed with is now the file's (see the top of this file). */
    if (rc == SQLITE_OK) f->id_known = 1;
    return rc;
}

/* PRAGMA parley_cipher / parley_cipher_implementation / parley_database_id (read-only). */
int pc_main_pragma(pc_file *f, char **args) {
    const char *name = args[1];
    int is_cipher = sqlite3_stricmp(name, "parley_cipher") == 0;
    int is_id = sqlite3_stricmp(name, "parley_database_id") == 0;
    int is_implementation = sqlite3_stricmp(name, "parley_cipher_implementation") == 0;
    if (!is_cipher && !is_id && !is_implementation) return SQLITE_NOTFOUND;
    if (args[2] != NULL) {
        args[0] = sqlite3_mprintf("%s is read-only", name);
        return SQLITE_ERROR;
    }
    if (is_cipher) {
        args[0] = sqlite3_mprintf("xchacha20poly1305");
    } else if (is_implementation) {
        args[0] = sqlite3_mprintf("%s", pc_cipher_name());
    } else {
        int rc = pc_main_ensure_id(f);
        if (rc != SQLITE_OK) return rc;
        char hex[PC_ID * 2 + 1];
        if (sodium_bin2hex(hex, sizeof hex, f->id, PC_ID) == NULL) return SQLITE_ERROR;
        args[0] = sqlite3_mprintf("%s", hex);
    }
    return args[0] != NULL ? SQLITE_OK : SQLITE_NOMEM;
}
