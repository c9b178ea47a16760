/*
 * vfs_page_reader.c - libFuzzer target for the encrypting VFS's readers: the
 * input is written as a database file (and, when its first byte is odd, its
 * second half as the write-ahead log beside it), then opened through
 * "parley-crypt" with the right key, read by SQLite (schema, integrity
 * check), and walked page by page and frame by frame outside SQLite
 * (parley_crypt_check_file, _visit_pages, _visit_wal). Whatever the bytes, a
 * read must fail with an error code, never crash, read out of bounds or
 * leak (AddressSanitizer). The seed corpus (corpus/vfs) holds a real
 * database sealed under the harness's fixed key, so mutations start from
 * authentic pages.
 *
 * Built and run by Tests/Fuzz/run-fuzzers.sh. With -DPARLEY_FUZZ_SEED_MAIN
 * the same file builds a program that writes that seed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "parley_crypt.h"

static char db_path[512];
static char wal_path[520];
static char shm_path[520];
static char uri[600];
/* A fixed, synthetic key: fuzzing needs the seed's pages to authenticate. */
static const unsigned char fuzz_key[PARLEY_CRYPT_KEY_BYTES] = {
    0x50, 0x61, 0x72, 0x6c, 0x65, 0x79, 0x2d, 0x66, 0x75, 0x7a, 0x7a, 0x2d, 0x6b, 0x65, 0x79, 0x2d,
    0x6e, 0x6f, 0x74, 0x2d, 0x61, 0x2d, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74, 0x2e, 0x2e, 0x2e, 0x21,
};

static void setup(const char *directory) {
    if (parley_crypt_register() != SQLITE_OK) abort();
    snprintf(db_path, sizeof db_path, "%s/fuzz.db", directory);
    snprintf(wal_path, sizeof wal_path, "%s-wal", db_path);
    snprintf(shm_path, sizeof shm_path, "%s-shm", db_path);
    snprintf(uri, sizeof uri, "file:%s?vfs=%s", db_path, PARLEY_CRYPT_VFS_NAME);
    if (parley_crypt_set_key(db_path, fuzz_key) != SQLITE_OK) abort();
}

static int write_file(const char *path, const unsigned char *bytes, size_t size) {
    FILE *file = fopen(path, "wb");
    if (file == NULL) return -1;
    size_t written = size == 0 ? 0 : fwrite(bytes, 1, size, file);
    int closed = fclose(file);
    return written == size && closed == 0 ? 0 : -1;
}

static int ignore_page(void *context, unsigned pgno, const unsigned char *page) {
    (void)context;
    (void)pgno;
    (void)page;
    return 0;
}

static int ignore_row(void *context, int columns, char **values, char **names) {
    (void)context;
    (void)columns;
    (void)values;
    (void)names;
    return 0;
}

#ifndef PARLEY_FUZZ_SEED_MAIN

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    /* In memory where there is a tmpfs: the run is bound by these file writes. */
    static char in_memory[] = "/dev/shm/parley-fuzz-vfs-XXXXXX";
    static char on_disk[] = "/tmp/parley-fuzz-vfs-XXXXXX";
    const char *directory = mkdtemp(in_memory);
    if (directory == NULL) directory = mkdtemp(on_disk);
    if (directory == NULL) abort();
    setup(directory);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    unlink(wal_path);
    unlink(shm_path);
    size_t db_size = size;
    if (size > 1 && (data[0] & 1)) {
        db_size = size / 2;
        if (write_file(wal_path, data + db_size, size - db_size) != 0) abort();
    }
    if (write_file(db_path, data, db_size) != 0) abort();

    unsigned long long pages = 0;
    (void)parley_crypt_check_file(db_path, &pages);
    (void)parley_crypt_visit_pages(db_path, ignore_page, NULL, &pages);
    (void)parley_crypt_visit_wal(db_path, ignore_page, NULL, &pages);

    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
    if (rc == SQLITE_OK) {
        (void)sqlite3_exec(db, "SELECT name, sql FROM sqlite_schema", ignore_row, NULL, NULL);
        (void)sqlite3_exec(db, "PRAGMA integrity_check", ignore_row, NULL, NULL);
        (void)sqlite3_exec(db, "SELECT * FROM t", ignore_row, NULL, NULL);
    }
    if (sqlite3_close(db) != SQLITE_OK) abort(); /* a statement left open would be a harness bug */
    return 0;
}

#else

/* Writes the seed: a small database of a few pages (its first byte, from
 * the clear database id, decides whether a mutation splits off a WAL). */
int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s DIRECTORY SEED-FILE\n", argv[0]);
        return 2;
    }
    setup(argv[1]);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK) return 1;
    int reserve = PARLEY_CRYPT_RESERVED_BYTES;
    if (sqlite3_exec(db, "PRAGMA page_size = 4096", NULL, NULL, NULL) != SQLITE_OK
        || sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) != SQLITE_OK) {
        return 1;
    }
    const char *sql =
        "PRAGMA journal_mode=DELETE;"
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note BLOB);"
        "CREATE INDEX t_name ON t(name);"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
        " INSERT INTO t (name, note) SELECT 'customer-' || i || '@example.com', randomblob(i * 20) FROM n;";
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "seed: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    if (sqlite3_close(db) != SQLITE_OK) return 1;
    FILE *in = fopen(db_path, "rb");
    FILE *out = fopen(argv[2], "wb");
    if (in == NULL || out == NULL) return 1;
    unsigned char buffer[4096];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, in)) > 0) {
        if (fwrite(buffer, 1, count, out) != count) return 1;
    }
    if (fclose(in) != 0 || fclose(out) != 0) return 1;
    return 0;
}

#endif
