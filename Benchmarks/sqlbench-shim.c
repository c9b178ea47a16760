/* sqlbench-shim.c - lets /work/shared/bench/sqlcipher/sqlbench.c, unmodified,
 * open its database through parley-crypt: compile sqlbench.c with
 * -Dsqlite3_open=pcb_open and link this file and Sources/CSQLiteCrypt/*.c.
 * Registers a fixed benchmark key for the path, opens the URI, and requests
 * 40 reserved bytes before sqlbench.c's first write. PCB_CIPHER=libsodium in
 * the environment makes libsodium compute every page (the implementation
 * before OpenSSL's). Benchmark use only. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parley_crypt.h"

int pcb_open(const char *path, sqlite3 **db);

int pcb_open(const char *path, sqlite3 **db) {
    const char *cipher = getenv("PCB_CIPHER");
    if (cipher != NULL && strcmp(cipher, "libsodium") == 0) {
        int rc = parley_crypt_use_cipher_on_this_thread(PARLEY_CRYPT_CIPHER_LIBSODIUM);
        if (rc != SQLITE_OK) return rc;
    }
    unsigned char key[PARLEY_CRYPT_KEY_BYTES];
    memset(key, 0x42, sizeof key);
    int rc = parley_crypt_set_key(path, key);
    if (rc != SQLITE_OK) return rc;
    char uri[1024];
    if (snprintf(uri, sizeof uri, "file:%s?vfs=%s", path, PARLEY_CRYPT_VFS_NAME) >= (int)sizeof uri) return SQLITE_CANTOPEN;
    rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL);
    if (rc != SQLITE_OK) return rc;
    int reserve = PARLEY_CRYPT_RESERVED_BYTES;
    return sqlite3_file_control(*db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
}
