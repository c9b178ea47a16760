/*
 * pc_keys.c - the key registry: canonical main-database path -> key.
 *
 * A pc_key is reference counted under the registry mutex: the registry holds
 * one reference, every open main file one more. Clearing or replacing a key
 * drops the registry's reference; the memory is wiped and unmapped
 * (sodium_free) when the count reaches zero, so an open connection never
 * reads freed key memory.
 */
#include "pc_internal.h"

typedef struct pc_key_entry {
    char *path;                 /* sqlite3_malloc */
    pc_key *key;
    struct pc_key_entry *next;
} pc_key_entry;

static pthread_mutex_t pc_keys_mutex = PTHREAD_MUTEX_INITIALIZER;
static pc_key_entry *pc_keys;

int pc_canonical_path(const char *path, char **out) {
    int capacity = pc_base_vfs->mxPathname + 1;
    char *buffer = sqlite3_malloc(capacity);
    *out = NULL;
    if (buffer == NULL) return SQLITE_NOMEM;
    int rc = pc_base_vfs->xFullPathname(pc_base_vfs, path, capacity, buffer);
    if ((rc & 0xff) != SQLITE_OK) { /* SQLITE_OK_SYMLINK is success too */
        sqlite3_free(buffer);
        return rc;
    }
    *out = buffer;
    return SQLITE_OK;
}

/* Call with pc_keys_mutex held. */
static void pc_key_release_locked(pc_key *key) {
    if (key == NULL) return;
    if (--key->refs == 0) {
        sodium_free(key->bytes); /* makes the pages writable, wipes, unmaps */
        sqlite3_free(key);
    }
}

pc_key *pc_key_acquire(const char *canonical_path) {
    pc_key *found = NULL;
    if (pthread_mutex_lock(&pc_keys_mutex) != 0) return NULL;
    for (pc_key_entry *e = pc_keys; e != NULL; e = e->next) {
        if (strcmp(e->path, canonical_path) == 0) {
            found = e->key;
            found->refs++;
            break;
        }
    }
    PC_UNLOCK(&pc_keys_mutex);
    return found;
}

void pc_key_release(pc_key *key) {
    if (key == NULL) return;
    /* Locking a valid, initialised default mutex cannot fail; if it ever did,
     * leaking the key is safer than racing on its count. */
    if (pthread_mutex_lock(&pc_keys_mutex) != 0) return;
    pc_key_release_locked(key);
    PC_UNLOCK(&pc_keys_mutex);
}

static pc_key *pc_key_new(const unsigned char bytes[PARLEY_CRYPT_KEY_BYTES]) {
    pc_key *key = sqlite3_malloc(sizeof *key);
    if (key == NULL) return NULL;
    key->bytes = sodium_malloc(PARLEY_CRYPT_KEY_BYTES);
    if (key->bytes == NULL) {
        sqlite3_free(key);
        return NULL;
    }
    memcpy(key->bytes, bytes, PARLEY_CRYPT_KEY_BYTES);
    if (sodium_mprotect_readonly(key->bytes) != 0) {
        sodium_free(key->bytes);
        sqlite3_free(key);
        return NULL;
    }
    key->refs = 1;
    return key;
}

int parley_crypt_set_key(const char *db_path, const unsigned char key_bytes[PARLEY_CRYPT_KEY_BYTES]) {
    if (db_path == NULL || key_bytes == NULL) return SQLITE_MISUSE;
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;

    char *path = NULL;
    rc = pc_canonical_path(db_path, &path);
    if (rc != SQLITE_OK) return rc;
    pc_key *key = pc_key_new(key_bytes);
    if (key == NULL) {
        sqlite3_free(path);
        return SQLITE_NOMEM;
    }

    if (pthread_mutex_lock(&pc_keys_mutex) != 0) {
        sodium_free(key->bytes);
        sqlite3_free(key);
        sqlite3_free(path);
        return SQLITE_ERROR;
    }
    pc_key_entry *e = pc_keys;
    while (e != NULL && strcmp(e->path, path) != 0) e = e->next;
    if (e != NULL) {
        pc_key *old = e->key;
        e->key = key;
        pc_key_release_locked(old);
        sqlite3_free(path);
    } else {
        e = sqlite3_malloc(sizeof *e);
        if (e == NULL) {
            PC_UNLOCK(&pc_keys_mutex);
            sodium_free(key->bytes);
            sqlite3_free(key);
            sqlite3_free(path);
            return SQLITE_NOMEM;
        }
        e->path = path;
        e->key = key;
        e->next = pc_keys;
        pc_keys = e;
    }
    PC_UNLOCK(&pc_keys_mutex);
    return SQLITE_OK;
}

int parley_crypt_clear_key(const char *db_path) {
    if (db_path == NULL) return SQLITE_MISUSE;
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;

    char *path = NULL;
    rc = pc_canonical_path(db_path, &path);
    if (rc != SQLITE_OK) return rc;

    if (pthread_mutex_lock(&pc_keys_mutex) != 0) {
        sqlite3_free(path);
        return SQLITE_ERROR;
    }
    rc = SQLITE_NOTFOUND;
    for (pc_key_entry **link = &pc_keys; *link != NULL; link = &(*link)->next) {
        pc_key_entry *e = *link;
        if (strcmp(e->path, path) == 0) {
            *link = e->next;
            pc_key_release_locked(e->key);
            sqlite3_free(e->path);
            sqlite3_free(e);
            rc = SQLITE_OK;
            break;
        }
    }
    PC_UNLOCK(&pc_keys_mutex);
    sqlite3_free(path);
    return rc;
}
