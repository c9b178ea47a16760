/*
 * pc_wal.c - the write-ahead log.
 *
 * Layout (page size 4096): a 32-byte header, then frames of a 24-byte header
 * and 4096 bytes of content. Headers stay in clear (page numbers, salts,
 * checksums); each frame's content is sealed, bound to the frame's offset.
 *
 * SQLite reads the WAL at several granularities: the 32-byte header, whole
 * frames (header + content) while it scans the log during recovery and while
 * it rewrites checksums, and bare content when it reads a page or
 * checkpoints. Any content range a read covers is opened.
 *
 * A frame that fails authentication in a read that also covers its header is
 * a recovery scan: SQLite is deciding where the valid log ends, and a torn
 * frame after a power cut is expected there. Its content is returned as
 * zeros, so SQLite's frame checksum (computed over the page image, reserved
 * bytes read back as zeros) rejects it and the log ends before it, as SQLite
 * does for any torn frame; the failure is recorded as kind 'w'. A bare-content
 * read of a frame that fails is a frame SQLite has already validated: that is
 * tampering, and the read fails with SQLITE_IOERR_AUTH (kind 'W').
 */
#include "pc_internal.h"

/* Offset of frame k's content (k counts from 0). */
static sqlite3_int64 pc_wal_content_offset(sqlite3_int64 k) {
    return PC_WAL_HEADER + k * PC_WAL_FRAME + PC_WAL_FRAME_HEADER;
}

/* First frame whose content could overlap a range starting at off. */
static sqlite3_int64 pc_wal_first_frame(sqlite3_int64 off) {
    sqlite3_int64 c0 = pc_wal_content_offset(0);
    return off <= c0 ? 0 : (off - c0) / PC_WAL_FRAME;
}

static int pc_wal_is_content_write(int amt, sqlite3_int64 off) {
    return amt == PC_PAGE && off >= pc_wal_content_offset(0)
        && (off - PC_WAL_HEADER) % PC_WAL_FRAME == PC_WAL_FRAME_HEADER;
}

static int pc_wal_overlaps_content(int amt, sqlite3_int64 off) {
    sqlite3_int64 end = off + amt;
    for (sqlite3_int64 k = pc_wal_first_frame(off); pc_wal_content_offset(k) < end; k++) {
        sqlite3_int64 c = pc_wal_content_offset(k);
        if (c + PC_PAGE > off) return 1;
    }
    return 0;
}

static size_t pc_wal_ad(pc_file *f, unsigned char ad[PC_AD_MAX], sqlite3_int64 content_off) {
    return pc_associated_data(ad, f->main->id, PC_KIND_WAL,
                              (uint64_t)(content_off - PC_WAL_FRAME_HEADER));
}

static unsigned pc_wal_frame_number(sqlite3_int64 content_off) {
    return (unsigned)((content_off - pc_wal_content_offset(0)) / PC_WAL_FRAME) + 1;
}

int pc_wal_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off) {
    if (pc_wal_is_content_write(amt, off)) {
        /* SQLite's frame checksum covers the whole page image, reserved bytes
         * included, and reads give those bytes back as zeros: a frame written
         * with anything else there would fail its checksum in recovery and
         * silently end the log. SQLite never writes them; refuse if it did. */
        const unsigned char *reserved = (const unsigned char *)buf + PC_PAYLOAD;
        for (int i = 0; i < PC_RESERVE; i++) {
            if (reserved[i] != 0) {
                pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "WAL frame with non-zero reserved bytes");
                return SQLITE_IOERR_WRITE;
            }
        }
        int rc = pc_main_ensure_id(f->main);
        if (rc != SQLITE_OK) return rc;
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_wal_ad(f, ad, off);
        if (pc_seal(f, ad, ad_len, buf, f->scratch, 0) != 0) return SQLITE_IOERR_WRITE;
        return f->real->pMethods->xWrite(f->real, f->scratch, PC_PAGE, off);
    }
    if (pc_wal_overlaps_content(amt, off)) {
        /* Would put page content on disk in clear. SQLite never does this when
         * the database claims powersafe overwrite (see pc_file.c). */
        pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "partial write of a WAL frame's content");
        return SQLITE_IOERR_WRITE;
    }
    return f->real->pMethods->xWrite(f->real, buf, amt, off);
}

/* A frame failed in a recovery scan: worth recording only if its salts match
 * the WAL header's, i.e. SQLite would otherwise have accepted it. A frame from
 * an older generation of the log is rejected by SQLite on its salts alone. */
static int pc_wal_frame_is_current(pc_file *f, const unsigned char *frame_header) {
    unsigned char header[PC_WAL_HEADER];
    if (f->real->pMethods->xRead(f->real, header, PC_WAL_HEADER, 0) != SQLITE_OK) return 1;
    return memcmp(header + 16, frame_header + 8, 8) == 0;
}

/* Opens the content at content_off, which lies wholly inside buf. */
static int pc_wal_open_content(pc_file *f, unsigned char *buf, sqlite3_int64 buf_off,
                               sqlite3_int64 content_off) {
    unsigned char *content = buf + (content_off - buf_off);
    unsigned char ad[PC_AD_MAX];
    size_t ad_len = pc_wal_ad(f, ad, content_off);
    if (pc_unseal(f->key, ad, ad_len, content, 0) == 0) return SQLITE_OK;

    memset(content, 0, PC_PAGE);
    sqlite3_int64 frame_off = content_off - PC_WAL_FRAME_HEADER;
    unsigned frame = pc_wal_frame_number(content_off);
    if (frame_off >= buf_off) {
        if (pc_wal_frame_is_current(f, buf + (frame_off - buf_off))) {
            pc_failure_record(f->path, PARLEY_CRYPT_KIND_WAL_RECOVERY, frame,
                              "frame ignored by recovery");
        }
        return SQLITE_OK;
    }
    pc_failure_record(f->path, PARLEY_CRYPT_KIND_WAL, frame, "tag mismatch");
    return SQLITE_IOERR_AUTH;
}

/* Opens the content at content_off, which buf covers only in part: stage the
 * whole content in scratch and copy the covered slice. */
static int pc_wal_open_partial(pc_file *f, unsigned char *buf, sqlite3_int64 buf_off, int amt,
                               sqlite3_int64 content_off) {
    sqlite3_int64 lo = content_off > buf_off ? content_off : buf_off;
    sqlite3_int64 hi = content_off + PC_PAGE < buf_off + amt ? content_off + PC_PAGE : buf_off + amt;
    int rc = f->real->pMethods->xRead(f->real, f->scratch, PC_PAGE, content_off);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        memset(buf + (lo - buf_off), 0, (size_t)(hi - lo));
        sodium_memzero(f->scratch, PC_PAGE);
        return SQLITE_IOERR_SHORT_READ;
    }
    if (rc == SQLITE_OK) {
        rc = pc_wal_open_content(f, f->scratch, content_off, content_off);
        if (rc == SQLITE_OK) {
            memcpy(buf + (lo - buf_off), f->scratch + (lo - content_off), (size_t)(hi - lo));
        }
    }
    sodium_memzero(f->scratch, PC_PAGE);
    return rc;
}

int pc_wal_read(pc_file *f, void *out, int amt, sqlite3_int64 off) {
    unsigned char *buf = out;
    int rc = f->real->pMethods->xRead(f->real, buf, amt, off);
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    int result = rc;

    sqlite3_int64 end = off + amt;
    sqlite3_int64 available = end; /* bytes in buf that came from the file */
    if (rc == SQLITE_IOERR_SHORT_READ) {
        sqlite3_int64 size = 0;
        int size_rc = f->real->pMethods->xFileSize(f->real, &size);
        if (size_rc != SQLITE_OK) {
            memset(buf, 0, (size_t)amt);
            return size_rc;
        }
        if (size < available) available = size;
    }

    int id_rc = pc_main_ensure_id(f->main);
    if (id_rc != SQLITE_OK) {
        memset(buf, 0, (size_t)amt);
        return id_rc;
    }

    for (sqlite3_int64 k = pc_wal_first_frame(off); pc_wal_content_offset(k) < end; k++) {
        sqlite3_int64 c = pc_wal_content_offset(k);
        if (c + PC_PAGE <= off) continue;
        int step;
        if (c >= off && c + PC_PAGE <= end) {
            if (c + PC_PAGE > available) {
                /* content cut short by the end of the file: never authentic */
                memset(buf + (c - off), 0, PC_PAGE);
                continue;
            }
            step = pc_wal_open_content(f, buf, off, c);
        } else {
            step = pc_wal_open_partial(f, buf, off, amt, c);
            if (step == SQLITE_IOERR_SHORT_READ) {
                result = step;
                continue;
            }
        }
        if (step != SQLITE_OK) {
            memset(buf, 0, (size_t)amt);
            return step;
        }
    }
    return result;
}
