/*
 * pc_journal.c - the rollback journal.
 *
 * A journal is headers (magic, counts, nonce, sector and page size; one
 * sector each, at sector boundaries) followed by records: 4-byte page number,
 * page image, 4-byte checksum. SQLite writes and reads a page image as
 * exactly one 4096-byte call. Two independent guards keep anything else from
 * being taken for a page image:
 *   - size: headers are written in pieces of min(page size, sector size),
 *     and the VFS reports a 512-byte sector (with powersafe overwrite, which
 *     the default VFS reports, the pager uses 512 on its own);
 *   - position: a page image starts 4 bytes into a record, and records
 *     (4104 bytes) follow a header whose size is a power of two >= 32, so an
 *     image always starts at an offset = 4 (mod 8); a header never does.
 * So: 4096 bytes at an offset = 4 (mod 8) is one page image, sealed and bound
 * to its offset and to the page number in the 4 bytes before it (SQLite writes
 * those first, and reads them first in a rollback; a record whose page number
 * was changed fails to open, so no image is ever restored to another page);
 * everything else passes through in clear. (With a 4096-byte
 * header taken for a page image, a hot rollback would silently restore
 * nothing; the psow=0 crash test catches exactly that.)
 *
 * Hot-journal rollback (the journal was opened without SQLITE_OPEN_CREATE, i.e.
 * left behind by a crashed process) may meet a torn record at the end of the
 * journal after a power cut; SQLite stops its rollback at a record that reads
 * short. A record that fails authentication there is reported to SQLite as a
 * short read (zeros), recorded as kind 'j', and the rollback ends before it,
 * as it would at a torn record. In a journal this connection writes, a record
 * that fails authentication fails the read with SQLITE_IOERR_AUTH (kind 'J').
 */
#include "pc_internal.h"

static int pc_journal_is_page_image(int amt, sqlite3_int64 off) {
    return amt == PC_PAGE && off % 8 == 4;
}

/* The 4-byte page number of a record, at offset off (= 0 mod 8). */
static int pc_journal_is_page_number(int amt, sqlite3_int64 off) {
    return amt == 4 && off % 8 == 0;
}

/* The page number of the record whose image starts at off: the one SQLite
 * just wrote or read there (so the image is bound to the number SQLite acts
 * on), else read from the file. SQLITE_IOERR_SHORT_READ: there is none. */
static int pc_journal_record_page(pc_file *f, sqlite3_int64 off, unsigned *pgno) {
    if (f->header_off >= 0 && f->header_off == off - 4) {
        *pgno = f->header_pgno;
        return SQLITE_OK;
    }
    unsigned char be[4];
    if (off < 4) return SQLITE_IOERR_SHORT_READ;
    int rc = f->real->pMethods->xRead(f->real, be, 4, off - 4);
    if (rc != SQLITE_OK) return rc;
    *pgno = pc_be32(be);
    return SQLITE_OK;
}

/* Whether a page image that failed opens in the earlier format (bound to its
 * offset only): a hot journal left by an older Parley, which must not be
 * taken for a torn one. */
static int pc_journal_is_earlier_format(pc_file *f, sqlite3_int64 off) {
    int earlier = 0;
    if (f->real->pMethods->xRead(f->real, f->scratch, PC_PAGE, off) == SQLITE_OK) {
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_associated_data(ad, f->main->id, PC_KIND_JOURNAL, (uint64_t)off);
        earlier = pc_unseal(f->key, ad, ad_len, f->scratch, 0) == 0;
    }
    sodium_memzero(f->scratch, PC_PAGE);
    return earlier;
}

int pc_journal_read(pc_file *f, void *out, int amt, sqlite3_int64 off) {
    if (!pc_journal_is_page_image(amt, off)) {
        int rc = f->real->pMethods->xRead(f->real, out, amt, off);
        f->header_off = -1;
        if (rc == SQLITE_OK && pc_journal_is_page_number(amt, off)) {
            f->header_off = off;
            f->header_pgno = pc_be32(out);
        }
        return rc;
    }

    unsigned char *page = out;
    int rc = f->real->pMethods->xRead(f->real, page, PC_PAGE, off);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        memset(page, 0, PC_PAGE); /* a cut-short image is never authentic */
        return rc;
    }
    if (rc != SQLITE_OK) return rc;
    rc = pc_main_ensure_id(f->main);
    if (rc != SQLITE_OK) return rc;

    unsigned pgno = 0;
    rc = pc_journal_record_page(f, off, &pgno);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
        memset(page, 0, PC_PAGE);
        return rc;
    }
    if (rc == SQLITE_OK) {
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_journal_associated_data(ad, f->main->id, (uint64_t)off, pgno);
        if (pc_unseal(f->key, ad, ad_len, page, 0) == 0) return SQLITE_OK;
    }

    memset(page, 0, PC_PAGE);
    if (pc_journal_is_earlier_format(f, off)) {
        pc_failure_record(f->path, PARLEY_CRYPT_KIND_JOURNAL, pgno,
                          "journal in the format of an earlier Parley: open the database with that "
                          "version to roll it back, then upgrade");
        return SQLITE_IOERR_AUTH;
    }
    if (f->tolerant) {
        pc_failure_record(f->path, PARLEY_CRYPT_KIND_JOURNAL_RECOVERY, pgno,
                          "hot-journal rollback stops before this record");
        return SQLITE_IOERR_SHORT_READ;
    }
    pc_failure_record(f->path, PARLEY_CRYPT_KIND_JOURNAL, pgno, "tag mismatch");
    return SQLITE_IOERR_AUTH;
}

int pc_journal_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off) {
    if (!pc_journal_is_page_image(amt, off)) {
        f->header_off = -1;
        int rc = f->real->pMethods->xWrite(f->real, buf, amt, off);
        if (rc == SQLITE_OK && pc_journal_is_page_number(amt, off)) {
            f->header_off = off;
            f->header_pgno = pc_be32(buf);
        }
        return rc;
    }

    int rc = pc_main_ensure_id(f->main);
    if (rc != SQLITE_OK) return rc;
    unsigned pgno = 0;
    rc = pc_journal_record_page(f, off, &pgno);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "journal page image written before its page number");
        return SQLITE_IOERR_WRITE;
    }
    if (rc != SQLITE_OK) return rc;
    unsigned char ad[PC_AD_MAX];
    size_t ad_len = pc_journal_associated_data(ad, f->main->id, (uint64_t)off, pgno);
    if (pc_seal(f, ad, ad_len, buf, f->scratch, 0) != 0) return SQLITE_IOERR_WRITE;
    rc = f->real->pMethods->xWrite(f->real, f->scratch, PC_PAGE, off);
    /* From now on this handle holds records this connection wrote. */
    if (rc == SQLITE_OK) f->tolerant = 0;
    return rc;
}
