/* make-libsodium-era.c - how libsodium-era.main and libsodium-era.wal were
 * made: with the VFS as it was before the OpenSSL page cipher (libsodium
 * only, commit 5cdbb01), never with a later one, so that LibsodiumEraTests
 * open bytes that the current code did not write. Test key: the bytes
 * 0x00..0x1f (a fixture, not a secret). 150 rows checkpointed into the
 * database, then 30 more rows and 15 updates left in the WAL (8 frames).
 *   git archive 5cdbb01 Sources/CSQLiteCrypt | tar -x -C /tmp/old
 *   gcc -O2 -I/tmp/old/Sources/CSQLiteCrypt/include -I/tmp/old/Sources/CSQLiteCrypt \
 *       -o make make-libsodium-era.c /tmp/old/Sources/CSQLiteCrypt/*.c -lsqlite3 -lsodium -lpthread
 *   ./make "$PWD/libsodium-era.db" && rm libsodium-era.db-shm
 *   mv libsodium-era.db libsodium-era.main; mv libsodium-era.db-wal libsodium-era.wal
 * (the names keep them clear of .gitignore; tests copy them to NAME.db and NAME.db-wal) */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "parley_crypt.h"
static void ex(sqlite3 *db, const char *sql) { char *e = 0; if (sqlite3_exec(db, sql, 0, 0, &e) != SQLITE_OK) { fprintf(stderr, "%s: %s\n", sql, e); _exit(1); } }
int main(int argc, char **argv) {
  const char *path = argv[1];
  unsigned char key[32]; for (int i = 0; i < 32; i++) key[i] = (unsigned char)i;
  char wal[1024]; snprintf(wal, sizeof wal, "%s-wal", path); unlink(path); unlink(wal);
  if (parley_crypt_register() || parley_crypt_set_key(path, key)) return 1;
  char uri[1100]; snprintf(uri, sizeof uri, "file:%s?vfs=parley-crypt", path);
  sqlite3 *db; if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, 0)) return 1;
  ex(db, "PRAGMA page_size = 4096");
  int reserve = PARLEY_CRYPT_RESERVED_BYTES; sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
  ex(db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  ex(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX t_body ON t(body);");
  ex(db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 150) "
         "INSERT INTO t SELECT i, printf('fixture row %04d, written before the OpenSSL cipher', i) FROM c;");
  ex(db, "PRAGMA wal_checkpoint(TRUNCATE);");
  /* left in the WAL: */
  ex(db, "WITH RECURSIVE c(i) AS (SELECT 151 UNION ALL SELECT i + 1 FROM c WHERE i < 180) "
         "INSERT INTO t SELECT i, printf('fixture row %04d, only in the WAL', i) FROM c;");
  ex(db, "UPDATE t SET body = printf('fixture row %04d, updated in the WAL', id) WHERE id % 10 = 0 AND id <= 150;");
  int off = 0; sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &off);
  sqlite3_close(db);
  return 0;
}
