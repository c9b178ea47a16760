/*
 * pc_internal.h - shared types of the parley-crypt VFS (not public).
 *
 * Threading: a pc_file is used by one connection at a time (SQLite serialises
 * access to a connection, and to a shared-cache BtShared), and a WAL or journal
 * pc_file only ever runs on the same connection as its main database file, so
 * per-file state needs no lock. Process-wide state (the key registry, the
 * failure slot, memory-file statistics, registration) has its own mutex.
 */
#ifndef PC_INTERNAL_H
#define PC_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>
#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "parley_crypt.h"

enum {
    PC_PAGE = PARLEY_CRYPT_PAGE_SIZE,              /* 4096 */
    PC_RESERVE = PARLEY_CRYPT_RESERVED_BYTES,      /* 40 */
    PC_NONCE = PARLEY_CRYPT_NONCE_BYTES,           /* 24 */
    PC_TAG = PARLEY_CRYPT_TAG_BYTES,               /* 16 */
    PC_PAYLOAD = PC_PAGE - PC_RESERVE,             /* 4056: sealed bytes */
    PC_ID = PARLEY_CRYPT_DATABASE_ID_BYTES,        /* 16 */
    PC_AD_MAX = PC_ID + 1 + 8 + 4,
    PC_WAL_HEADER = 32,
    PC_WAL_FRAME_HEADER = 24,
    PC_WAL_FRAME = PC_WAL_FRAME_HEADER + PC_PAGE,  /* 4120 */
    PC_SECTOR = 512,
    PC_NONCE_POOL = 32,     /* nonces fetched from the OS at a time, per file */
};

/* Unlocking a default (non-error-checking) mutex that this thread holds cannot
 * fail; the result is deliberately not inspected. Every lock is checked. */
#define PC_UNLOCK(mutex) ((void)pthread_mutex_unlock(mutex))

/* The files SQLite opens for temporary data: kept in memory. */
#define PC_MEMORY_FLAGS (SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TEMP_JOURNAL | \
                         SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_TRANSIENT_DB)

/* Capabilities never claimed: atomic writes would let SQLite skip journals. */
#define PC_ATOMIC_CAPS (SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_ATOMIC512 | \
    SQLITE_IOCAP_ATOMIC1K | SQLITE_IOCAP_ATOMIC2K | SQLITE_IOCAP_ATOMIC4K | \
    SQLITE_IOCAP_ATOMIC8K | SQLITE_IOCAP_ATOMIC16K | SQLITE_IOCAP_ATOMIC32K | \
    SQLITE_IOCAP_ATOMIC64K | SQLITE_IOCAP_BATCH_ATOMIC)

extern const unsigned char pc_sqlite_magic[PC_ID]; /* "SQLite format 3\0" */

/* A registered key: 32 bytes in sodium_malloc memory (guard pages, mlocked,
 * read-only), shared by the registry and every open main file that uses it. */
typedef struct pc_key {
    unsigned char *bytes;
    unsigned refs;          /* guarded by the registry mutex */
} pc_key;

typedef enum pc_kind {
    PC_KIND_MAIN = PARLEY_CRYPT_KIND_DATABASE,
    PC_KIND_WAL = PARLEY_CRYPT_KIND_WAL,
    PC_KIND_JOURNAL = PARLEY_CRYPT_KIND_JOURNAL,
    PC_KIND_PLAIN = 'P',    /* super-journal: file names only, passed through */
} pc_kind;

typedef struct pc_file pc_file;
struct pc_file {
    sqlite3_file base;          /* pMethods: pc_file_methods */
    char kind;                  /* pc_kind */
    int tolerant;               /* journal opened for hot rollback (see pc_journal.c) */
    const char *path;           /* SQLite keeps the name alive until xClose */
    pc_key *key;                /* main: retained; WAL/journal: main's */
    pc_file *main;              /* the main database file (self for main) */
    unsigned char id[PC_ID];    /* main only: database id */
    int id_known;               /* main only: 0 while the file is empty */
    sqlite3_file *real;         /* the underlying VFS's file, after this struct */
    unsigned nonces_left;       /* unused nonces at the end of nonce_pool */
    unsigned nonce_generation;  /* pc_fork_generation when the pool was filled */
    unsigned char nonce_pool[PC_NONCE_POOL * PC_NONCE];
    unsigned char scratch[PC_PAGE]; /* sealed output, partial-read staging */
    unsigned char frame[PC_WAL_FRAME]; /* WAL only: one frame, header and sealed content */
    sqlite3_int64 header_off;   /* WAL: offset of the last frame header written; journal: of the
                                   last record page number written or read; -1 if none */
    unsigned header_pgno;       /* the page number at header_off */
    int in_checkpoint;          /* main only: between SQLITE_FCNTL_CKPT_START and _DONE */
    unsigned reuse_pgno;        /* main only: page of the reuse slot, 0 when empty (pc_reuse.c) */
    unsigned char reuse_sealed[PC_PAGE];
    unsigned char reuse_opened[PC_PAGE];
};

/* The default VFS underneath, fixed at registration. */
extern sqlite3_vfs *pc_base_vfs;
extern const sqlite3_io_methods pc_file_methods;

/* pc_keys.c */
int pc_canonical_path(const char *path, char **out); /* sqlite3_free(*out) */
pc_key *pc_key_acquire(const char *canonical_path);  /* NULL: none */
void pc_key_release(pc_key *key);

/* pc_seal.c */
void pc_seal_init(void);    /* once, at registration */
size_t pc_associated_data(unsigned char ad[PC_AD_MAX], const unsigned char id[PC_ID],
                          char kind, uint64_t position);
size_t pc_journal_associated_data(unsigned char ad[PC_AD_MAX], const unsigned char id[PC_ID],
                                  uint64_t offset, unsigned pgno);
unsigned pc_be32(const unsigned char *p);
int pc_seal(pc_file *f, const unsigned char *ad, size_t ad_len,
            const unsigned char *plain, unsigned char *out, size_t from);
int pc_unseal(const pc_key *key, const unsigned char *ad, size_t ad_len,
              unsigned char *page, size_t from);
int pc_unseal_into(const pc_key *key, const unsigned char *ad, size_t ad_len,
                   const unsigned char *sealed, unsigned char *out);

/* pc_cipher.c: XChaCha20-Poly1305-IETF, detached 16-byte tag, key of 32 bytes */
enum {
    PC_CIPHER_OK = 0,
    PC_CIPHER_FORGED = -1,      /* tag mismatch: output zeroed */
    PC_CIPHER_UNAVAILABLE = -2, /* the implementation could not run: nothing was written */
};
void pc_cipher_init(void);  /* once, at registration */
/* out must not overlap plain. PC_CIPHER_OK, or PC_CIPHER_UNAVAILABLE. */
int pc_cipher_seal(unsigned char *out, unsigned char tag[PC_TAG], const unsigned char *plain, size_t len,
                   const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                   const unsigned char *key);
/* in and out may be the same buffer. PC_CIPHER_OK, or PC_CIPHER_FORGED. */
int pc_cipher_open(unsigned char *out, const unsigned char *in, size_t len, const unsigned char tag[PC_TAG],
                   const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                   const unsigned char *key);
const char *pc_cipher_name(void); /* "openssl" or "libsodium", for the calling thread */

/* pc_openssl.c */
const char *pc_openssl_init(void);  /* once, at registration: NULL when usable, else why not */
/* PC_CIPHER_OK, or PC_CIPHER_UNAVAILABLE (out may hold garbage: rewrite it). */
int pc_openssl_seal(unsigned char *out, unsigned char tag[PC_TAG], const unsigned char *plain, size_t len,
                    const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                    const unsigned char *key);
/* PC_CIPHER_OK, PC_CIPHER_FORGED (out zeroed), or PC_CIPHER_UNAVAILABLE (in intact). */
int pc_openssl_open(unsigned char *out, const unsigned char *in, size_t len, const unsigned char tag[PC_TAG],
                    const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                    const unsigned char *key);

/* pc_reuse.c */
void pc_count_sealed(void);
void pc_count_opened(void);
void pc_reuse_remember(pc_file *main, unsigned pgno, const unsigned char *sealed,
                       const unsigned char *opened);
int pc_reuse_take(pc_file *main, unsigned pgno, const unsigned char *page, const unsigned char **sealed);
void pc_reuse_forget(pc_file *main);

/* pc_failure.c */
void pc_failure_record(const char *path, char kind, unsigned page, const char *what);
void pc_log_refusal(int code, const char *path, const char *what);

/* pc_main.c */
int pc_main_open(sqlite3_file *file, const char *name, int flags, int *out_flags);
int pc_main_ensure_id(pc_file *main);
void pc_main_truncated(pc_file *main, sqlite3_int64 size);
int pc_main_read(pc_file *f, void *buf, int amt, sqlite3_int64 off);
int pc_main_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off);
int pc_main_pragma(pc_file *f, char **args);

/* pc_wal.c */
int pc_wal_read(pc_file *f, void *buf, int amt, sqlite3_int64 off);
int pc_wal_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off);

/* pc_journal.c */
int pc_journal_read(pc_file *f, void *buf, int amt, sqlite3_int64 off);
int pc_journal_write(pc_file *f, const void *buf, int amt, sqlite3_int64 off);

/* pc_file.c */
int pc_sidecar_open(sqlite3_file *file, const char *name, int flags, int *out_flags);
int pc_plain_open(sqlite3_file *file, const char *name, int flags, int *out_flags);
sqlite3_file *pc_real_file(sqlite3_file *file);
size_t pc_file_object_size(void);

/* pc_testing.c: nonzero when a simulated full disk refuses this write (debug builds only) */
int pc_testing_refuses_write(pc_file *f, int amt, sqlite3_int64 off);

/* pc_memory.c */
int pc_memory_open(sqlite3_file *file, int flags, int *out_flags);
size_t pc_memory_file_object_size(void);

#endif /* PC_INTERNAL_H */
