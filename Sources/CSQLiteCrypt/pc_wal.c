/*
 * pc_wal.c - the write-ahead log.
 *
 * Layout (page size 4096): a 32-byte header, then frames of a 24-byte header
 * and 4096 bytes of content. Headers stay in clear (page numbers, salts,
 * checksums); each frame's content is sealed like the database page it holds,
 * bound to the page number its header names (see parley_crypt.h). SQLite
 * writes a frame's header, then its content; the content write takes the
 * page number from the header just written, or from the file when SQLite
 * overwrites the content of a frame it wrote earlier in the transaction.
 *
 * SQLite reads the WAL at several granularities: the 32-byte header, whole
 * frames (header + content) while it scans the log during recovery and while
 * it rewrites checksums, and bare content when it reads a page or
 * checkpoints. Any content range a read covers is opened. A bare content read
 * reads the frame header with it (one read of 4120 bytes) for the page number,
 * and leaves the sealed bytes in the reuse slot for a checkpoint (pc_reuse.c).
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

static int pc_wal_is_content(int amt, sqlite3_int64 off) {
    return amt == PC_PAGE && off >= pc_wal_content_offset(0)
        && (off - PC_WAL_HEADER) % PC_WAL_FRAME == PC_WAL_FRAME_HEADER;
}

static int pc_wal_is_frame_header(int amt, sqlite3_int64 off) {
    return amt == PC_WAL_FRAME_HEADER && off >= PC_WAL_HEADER
        && (off - PC_WAL_HEADER) % PC_WAL_FRAME == 0;
}


static int pc_wal_overlaps_content(int amt, sqlite3_int64 off) {
    sqlite3_int64 end = off + amt;
    for (sqlite3_int64 k = pc_wal_first_frame(off); pc_wal_content_offset(k) < end; k++) {
        sqlite3_int64 c = pc_wal_content_offset(k);
        if (c + PC_PAGE > off) return 1;
    }
    return 0;
}

/* A frame's content is bound like the database page it holds. */
static size_t pc_wal_ad(pc_file *f, unsigned char ad[PC_AD_MAX], unsigned pgno) {
    return pc_associated_data(ad, f->main->id, PC_KIND_MAIN, pgno);
}

/* The page number in the header of the frame whose content is at content_off,
 * read from the file. SQLITE_IOERR_SHORT_READ: the header is not there. */
static int pc_wal_read_pgno(pc_file *f, sqlite3_int64 content_off, unsigned *pgno) {
    unsigned char header[4];
    int rc = f->real->pMethods->xRead(f->real, header, (int)sizeof header,
                                      content_off - PC_WAL_FRAME_HEADER);
    if (rc != SQLITE_OK) return rc;
    *pgno = pc_be32(header);
    return SQLITE_OK;
}

static unsigned pc_wal_frame_number(sqlite3_int64 content_off) {
    return (unsigned)((content_off - pc_wal_content_offset(0)) / PC_WAL_FRAME) + 1;
}

int pc_wal_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off) {
    if (pc_wal_is_frame_header(amt, off)) {
        f->header_off = -1;
        int rc = f->real->pMethods->xWrite(f->real, buf, amt, off);
        if (rc == SQLITE_OK) {
            f->header_off = off;
            f->header_pgno = pc_be32(buf);
        }
        return rc;
    }
    if (pc_wal_is_content(amt, off)) {
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
        unsigned pgno = f->header_pgno;
        if (f->header_off != off - PC_WAL_FRAME_HEADER) {
            rc = pc_wal_read_pgno(f, off, &pgno);
            if (rc == SQLITE_IOERR_SHORT_READ) {
                pc_log_refusal(SQLITE_IOERR_WRITE, f->path, "WAL frame content written before its header");
                return SQLITE_IOERR_WRITE;
            }
            if (rc != SQLITE_OK) return rc;
        }
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_wal_ad(f, ad, pgno);
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

/* Whether the content at content_off opens as a frame of the earlier format
 * (bound to id || 'W' || frame offset): a log left by an older Parley after a
 * crash, which recovery must not discard as torn. */
static int pc_wal_is_earlier_format(pc_file *f, sqlite3_int64 content_off) {
    int earlier = 0;
    if (f->real->pMethods->xRead(f->real, f->scratch, PC_PAGE, content_off) == SQLITE_OK) {
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_associated_data(ad, f->main->id, PC_KIND_WAL,
                                          (uint64_t)(content_off - PC_WAL_FRAME_HEADER));
        earlier = pc_unseal(f->key, ad, ad_len, f->scratch, 0) == 0;
    }
    sodium_memzero(f->scratch, PC_PAGE);
    return earlier;
}

/* Opens the content at content_off, which lies wholly inside buf. */
static int pc_wal_open_content(pc_file *f, unsigned char *buf, sqlite3_int64 buf_off,
                               sqlite3_int64 content_off) {
    unsigned char *content = buf + (content_off - buf_off);
    sqlite3_int64 frame_off = content_off - PC_WAL_FRAME_HEADER;
    unsigned pgno = 0;
    int pgno_rc = frame_off >= buf_off ? (pgno = pc_be32(buf + (frame_off - buf_off)), SQLITE_OK)
                                       : pc_wal_read_pgno(f, content_off, &pgno);
    if (pgno_rc != SQLITE_OK && pgno_rc != SQLITE_IOERR_SHORT_READ) {
        memset(content, 0, PC_PAGE);
        return pgno_rc;
    }
    if (pgno_rc == SQLITE_OK) {
        unsigned char ad[PC_AD_MAX];
        size_t ad_len = pc_wal_ad(f, ad, pgno);
        if (pc_unseal(f->key, ad, ad_len, content, 0) == 0) return SQLITE_OK;
    }

    memset(content, 0, PC_PAGE);
    unsigned frame = pc_wal_frame_number(content_off);
    if (frame_off >= buf_off) {
        if (pc_wal_is_earlier_format(f, content_off)) {
            pc_failure_record(f->path, PARLEY_CRYPT_KIND_WAL, frame,
                              "frame in the format of an earlier Parley: open and close the database "
                              "with that version to checkpoint its log, then upgrade");
            return SQLITE_IOERR_AUTH;
        }
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

/* A bare content read, the common case: header and content in one read,
 * opened into out; the sealed bytes go to the reuse slot. SQLITE_IOERR_SHORT_READ:
 * the frame is cut short, and nothing was done (the general path handles it). */
static int pc_wal_read_frame(pc_file *f, unsigned char *out, sqlite3_int64 content_off) {
    sqlite3_int64 frame_off = content_off - PC_WAL_FRAME_HEADER;
    int rc = f->real->pMethods->xRead(f->real, f->frame, PC_WAL_FRAME, frame_off);
    if (rc != SQLITE_OK) return rc;
    rc = pc_main_ensure_id(f->main);
    if (rc != SQLITE_OK) {
        memset(out, 0, PC_PAGE);
        return rc;
    }
    unsigned pgno = pc_be32(f->frame);
    unsigned char ad[PC_AD_MAX];
    size_t ad_len = pc_wal_ad(f, ad, pgno);
    const unsigned char *sealed = f->frame + PC_WAL_FRAME_HEADER;
    if (pc_unseal_into(f->key, ad, ad_len, sealed, out) != 0) {
        pc_failure_record(f->path, PARLEY_CRYPT_KIND_WAL, pc_wal_frame_number(content_off), "tag mismatch");
        return SQLITE_IOERR_AUTH;
    }
    pc_reuse_remember(f->main, pgno, sealed, out);
    return SQLITE_OK;
}

int pc_wal_read(pc_file *f, void *out, int amt, sqlite3_int64 off) {
    unsigned char *buf = out;
    if (pc_wal_is_content(amt, off)) {
        int fast = pc_wal_read_frame(f, buf, off);
        if (fast != SQLITE_IOERR_SHORT_READ) return fast;
    }
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
