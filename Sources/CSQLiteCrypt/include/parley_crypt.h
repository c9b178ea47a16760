/*
 * parley_crypt.h - the "parley-crypt" SQLite VFS: page-by-page authenticated
 * encryption at rest (XChaCha20-Poly1305-IETF) underneath SQLite. The cipher
 * is computed by OpenSSL 3 (libsodium's HChaCha20, then OpenSSL's
 * ChaCha20-Poly1305) when OpenSSL offers it and passes a self-test against
 * libsodium at registration, else by libsodium; both write the same bytes.
 *
 * Every function returns an SQLite result code (SQLITE_OK == 0). This header
 * deliberately does not include <sqlite3.h>, so that it can sit in a module
 * next to any module that does (GRDBSQLite, CSQLite).
 *
 * Using it, for a NEW database:
 *   1. parley_crypt_register();
 *   2. parley_crypt_set_key("/abs/path/parley.db", key32);
 *   3. sqlite3_open_v2("file:/abs/path/parley.db?vfs=parley-crypt", &db,
 *                      SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE|SQLITE_OPEN_URI, NULL);
 *   4. before the first write, in this order (PRAGMA page_size resets a
 *      pending reserve request to 0):
 *        PRAGMA page_size = 4096;
 *        int reserve = PARLEY_CRYPT_RESERVED_BYTES;
 *        sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
 *      (both are no-ops on an existing database; page 1 is refused with
 *       SQLITE_IOERR_WRITE if its header says otherwise).
 *   5. assert PRAGMA parley_cipher returns "xchacha20poly1305"
 *      (PRAGMA parley_cipher_implementation: "openssl" or "libsodium").
 *
 * On-disk format (all files of one database share its key and database id):
 *   main db page N (4096 bytes):
 *     [0, 4056)      ciphertext (page 1: bytes [0,16) hold the database id in
 *                    clear instead of "SQLite format 3\0"; [16,4056) ciphertext)
 *     [4056, 4080)   24-byte random nonce, fresh on every write
 *     [4080, 4096)   16-byte Poly1305 tag
 *     associated data = id(16) || 'D' || N (u32 big-endian)
 *   WAL: 32-byte header and 24-byte frame headers in clear; each frame's
 *     4096-byte content sealed as above over [0,4056) with the associated
 *     data of the database page it holds, id || 'D' || N, N being the page
 *     number in the frame header (so a frame header naming another page fails
 *     to open, and a checkpoint can copy sealed bytes to the database as they
 *     are; see pc_reuse.c).
 *   rollback journal: every 4096-byte page image sealed likewise, associated
 *     data = id || 'J' || byte offset of the page image (u64 big-endian)
 *     || the page number of its record (u32 big-endian).
 *   Reads return the 40 reserved bytes as zeros (SQLite never writes them,
 *   and its WAL checksums cover them).
 *   Temporary files (sorter, temp db, statement journals, VACUUM's scratch
 *   database) never reach the disk: they live in zeroed-on-release memory.
 *
 * Behaviour:
 *   - A database page (main file) or a WAL frame already in the WAL index that
 *     fails authentication fails the read with SQLITE_IOERR_AUTH (and is
 *     recorded and logged). During crash recovery only, an unauthenticated
 *     record at a WAL or hot journal's end ends the log, see the kinds below.
 *   - The database and its WAL report SQLITE_IOCAP_POWERSAFE_OVERWRITE (as the
 *     unix VFS does by default; a psow=0 URI parameter is overridden), so that
 *     SQLite never pads or splits a WAL frame; sector size is 512; atomic-write
 *     capabilities are never reported.
 *   - What authentication does not give: freshness. Any image ever sealed for
 *     page N of this database (an older version, a WAL frame that was never
 *     committed, a page from an old backup) opens as page N; binding the page
 *     number stops swaps between pages and databases, not rollback of one page.
 *   - A WAL frame or journal image in the format of an earlier Parley (bound
 *     to its offset only) is an error naming the file, never taken for a torn
 *     record: finish the log with that version before upgrading.
 *   - SQLITE_FCNTL_CHUNK_SIZE is ignored (preallocated, never-written pages
 *     could not authenticate). No memory mapping (io_methods version 2).
 */
#ifndef PARLEY_CRYPT_H
#define PARLEY_CRYPT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The name to put in a URI: file:/abs/path.db?vfs=parley-crypt */
#define PARLEY_CRYPT_VFS_NAME "parley-crypt"
/** Bytes in a database key. */
#define PARLEY_CRYPT_KEY_BYTES 32
/** The only page size the VFS writes. */
#define PARLEY_CRYPT_PAGE_SIZE 4096
/** Reserved bytes per page (nonce + tag) that SQLITE_FCNTL_RESERVE_BYTES must set. */
#define PARLEY_CRYPT_RESERVED_BYTES 40
/** Bytes of the database id stored in clear at the start of page 1. */
#define PARLEY_CRYPT_DATABASE_ID_BYTES 16
/** Bytes of an XChaCha20 nonce, and of a Poly1305 tag. */
#define PARLEY_CRYPT_NONCE_BYTES 24
#define PARLEY_CRYPT_TAG_BYTES 16

/** Implementations of the page cipher (parley_crypt_cipher() and below). */
#define PARLEY_CRYPT_CIPHER_DEFAULT 0   /* the VFS's own choice */
#define PARLEY_CRYPT_CIPHER_LIBSODIUM 1 /* crypto_aead_xchacha20poly1305_ietf_* */
#define PARLEY_CRYPT_CIPHER_OPENSSL 2   /* HChaCha20 + OpenSSL's EVP ChaCha20-Poly1305 */

/** Kinds reported by parley_crypt_last_failure(). Upper case: the read failed
 *  with SQLITE_IOERR_AUTH. Lower case: during crash recovery (WAL recovery
 *  scan, hot-journal rollback) an unauthenticated record was treated as the end
 *  of the log, exactly as SQLite treats a torn record; the records after it
 *  were discarded and nothing unauthenticated was returned.
 *  (Integer literals, so that Swift imports them.) */
#define PARLEY_CRYPT_KIND_DATABASE 0x44         /* 'D' */
#define PARLEY_CRYPT_KIND_WAL 0x57              /* 'W' */
#define PARLEY_CRYPT_KIND_JOURNAL 0x4A          /* 'J' */
#define PARLEY_CRYPT_KIND_WAL_RECOVERY 0x77     /* 'w' */
#define PARLEY_CRYPT_KIND_JOURNAL_RECOVERY 0x6A /* 'j' */

/**
 * Initialises libsodium (once) and registers the "parley-crypt" VFS, not as
 * the default, on top of the default VFS found at the first call. Also
 * fetches OpenSSL's ChaCha20-Poly1305 and checks it against libsodium on test
 * pages; if that fails (see parley_crypt_openssl_status()), every page is
 * computed by libsodium, which is not an error.
 * Idempotent and thread-safe. Returns SQLITE_OK, or SQLITE_ERROR if libsodium
 * or SQLite could not be initialised.
 */
int parley_crypt_register(void);

/**
 * Registers (or replaces) the 32-byte key of the database at db_path. The path
 * is canonicalised the way SQLite canonicalises the name it opens (absolute,
 * symlinks resolved), so a relative path, a symlink or the path of a URI all
 * name the same entry. The key is copied into guarded, mlocked, read-only
 * memory; the caller should wipe its own copy. Calls parley_crypt_register().
 * A replaced key is wiped as soon as no open file uses it any more.
 * Returns SQLITE_OK, SQLITE_MISUSE (NULL argument), SQLITE_NOMEM, or the
 * error of path canonicalisation.
 */
int parley_crypt_set_key(const char *db_path, const unsigned char key[PARLEY_CRYPT_KEY_BYTES]);

/**
 * Forgets the key of db_path: new opens of that database fail with
 * SQLITE_CANTOPEN. Connections already open keep working until closed; the
 * key memory is wiped (sodium_free) when the last of them closes, or now if
 * none is open. Returns SQLITE_OK, or SQLITE_NOTFOUND if no key was registered.
 */
int parley_crypt_clear_key(const char *db_path);

/**
 * The most recent authentication failure, process-wide. Any output pointer may
 * be NULL. path_out receives the file's path (NUL-terminated, truncated to
 * cap); page_out the page number (database, journal) or the 1-based frame
 * number (WAL); kind_out one of PARLEY_CRYPT_KIND_*; serial_out a counter that
 * increases by one with every failure (compare it before and after an
 * operation to know whether that operation saw one).
 * Returns SQLITE_OK, or SQLITE_NOTFOUND (outputs zeroed) if none happened yet.
 */
int parley_crypt_last_failure(char *path_out, size_t cap, unsigned *page_out,
                              char *kind_out, unsigned long long *serial_out);

/**
 * Like parley_crypt_last_failure(), but the most recent failure seen by the
 * calling thread (the thread that stepped the statement whose read failed),
 * so concurrent connections cannot confuse the report. The serial is the
 * process-wide counter's value at that failure.
 */
int parley_crypt_thread_last_failure(char *path_out, size_t cap, unsigned *page_out,
                                     char *kind_out, unsigned long long *serial_out);

/**
 * Opens every page of the database file at db_path (main file only: a WAL
 * beside it is not read, so checkpoint first) with the key registered for
 * it, outside SQLite. pages_out (may be NULL) receives the pages that opened.
 * Returns SQLITE_OK when every page authenticates; SQLITE_IOERR_AUTH on the
 * first page that does not (recorded as a failure of kind 'D' naming the
 * page, also for a file that is not a whole number of pages or whose page 1
 * was never written); SQLITE_CANTOPEN without a key; or the I/O error.
 */
int parley_crypt_check_file(const char *db_path, unsigned long long *pages_out);

/** Receives one opened page (4096 bytes, reserved bytes zeroed, page 1 with
 *  the SQLite magic back in place); return non-zero to stop (SQLITE_ABORT). */
typedef int (*parley_crypt_page_visitor)(void *context, unsigned pgno, const unsigned char *page);

/**
 * Like parley_crypt_check_file(), handing every opened page of the main file,
 * free pages included, to visit. For verifying what a file holds (an erasure
 * test, a forensic check); the pages are plaintext in memory only.
 */
int parley_crypt_visit_pages(const char *db_path, parley_crypt_page_visitor visit, void *context,
                             unsigned long long *pages_out);

/**
 * Opens the frames of db_path's WAL (db_path + "-wal") in file order, each
 * bound to the page number its header names, handing each frame's page to
 * visit, and stops at the first frame that does not open (the end of the log,
 * a torn frame, or a frame of an older generation of the log). A missing WAL
 * has no frames. frames_out (may be NULL) receives the frames opened.
 */
int parley_crypt_visit_wal(const char *db_path, parley_crypt_page_visitor visit, void *context,
                           unsigned long long *frames_out);

/**
 * In-memory temporary files: how many were opened since the process started,
 * the bytes they hold now, and the most they ever held at once. For tests and
 * for sizing memory (VACUUM's scratch copy is as large as the database).
 * Any output pointer may be NULL. Returns SQLITE_OK.
 */
int parley_crypt_memory_file_stats(unsigned long long *files_opened,
                                   unsigned long long *bytes_now,
                                   unsigned long long *bytes_peak);

/**
 * Pages sealed, pages opened, and database pages written by reusing the sealed
 * bytes of the WAL frame a checkpoint just read (no second seal), since the
 * process started. For benchmarks and tests. Any output pointer may be NULL.
 * Returns SQLITE_OK.
 */
int parley_crypt_page_stats(unsigned long long *sealed, unsigned long long *opened,
                            unsigned long long *reused);

/**
 * The implementation that seals and opens pages on the calling thread:
 * PARLEY_CRYPT_CIPHER_OPENSSL or PARLEY_CRYPT_CIPHER_LIBSODIUM. Calls
 * parley_crypt_register().
 */
int parley_crypt_cipher(void);

/**
 * Why OpenSSL is or is not used: "in use", or a constant sentence (OpenSSL
 * offers no ChaCha20-Poly1305, it disagreed with libsodium on the self-test,
 * ...). Never NULL; static storage. Calls parley_crypt_register().
 */
const char *parley_crypt_openssl_status(void);

/**
 * Pages that the OpenSSL implementation could not compute (an OpenSSL call
 * failed for another reason than a wrong tag, e.g. out of memory) and that
 * libsodium computed instead, since the process started. Expected to be 0.
 */
unsigned long long parley_crypt_openssl_fallbacks(void);

/**
 * For tests and benchmarks: which implementation seals and opens pages on
 * the calling thread from now on (SQLite runs the VFS on the thread that
 * steps the statement). PARLEY_CRYPT_CIPHER_DEFAULT restores the VFS's own
 * choice. Returns SQLITE_OK; SQLITE_ERROR if OpenSSL was asked for and is
 * not in use; SQLITE_MISUSE for another value.
 */
int parley_crypt_use_cipher_on_this_thread(int cipher);

/**
 * The page cipher alone, XChaCha20-Poly1305-IETF with a detached tag, for
 * tests and benchmarks: seals len bytes of plain into out (which must not
 * overlap plain) and writes the tag. cipher is PARLEY_CRYPT_CIPHER_DEFAULT
 * (exactly what the VFS does on this thread), _LIBSODIUM or _OPENSSL (that
 * implementation alone, no fallback). Returns SQLITE_OK; SQLITE_ERROR if the
 * implementation is not in use or failed; SQLITE_MISUSE for bad arguments.
 */
int parley_crypt_seal(int cipher, const unsigned char key[PARLEY_CRYPT_KEY_BYTES],
                      const unsigned char nonce[PARLEY_CRYPT_NONCE_BYTES],
                      const unsigned char *ad, size_t ad_len, const unsigned char *plain, size_t len,
                      unsigned char *out, unsigned char tag[PARLEY_CRYPT_TAG_BYTES]);

/**
 * Opens what parley_crypt_seal() sealed: len bytes of sealed into out (the
 * same buffer, or one that does not overlap it). Returns SQLITE_OK;
 * SQLITE_IOERR_AUTH when the tag does not match (out is then zeroed);
 * SQLITE_ERROR or SQLITE_MISUSE as parley_crypt_seal().
 */
int parley_crypt_open(int cipher, const unsigned char key[PARLEY_CRYPT_KEY_BYTES],
                      const unsigned char nonce[PARLEY_CRYPT_NONCE_BYTES],
                      const unsigned char *ad, size_t ad_len, const unsigned char *sealed, size_t len,
                      const unsigned char tag[PARLEY_CRYPT_TAG_BYTES], unsigned char *out);

/**
 * Tests only: while `directory` is set (an absolute path prefix), every write
 * through the VFS that would make a file under it longer fails with
 * SQLITE_FULL, as on a disk without free blocks; NULL ends it. Available in
 * debug builds (PARLEY_CRYPT_TESTING); in release builds it does nothing and
 * returns SQLITE_MISUSE, so it cannot be switched on in production.
 */
int parley_crypt_simulate_full_disk(const char *directory);

#ifdef __cplusplus
}
#endif

#endif /* PARLEY_CRYPT_H */
