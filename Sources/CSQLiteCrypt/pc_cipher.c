/*
 * pc_cipher.c - the page cipher: XChaCha20-Poly1305-IETF with a detached
 * 16-byte tag, from one of two implementations that write the same bytes:
 *   - OpenSSL (pc_openssl.c): libsodium's HChaCha20, then OpenSSL's
 *     ChaCha20-Poly1305; used when, at registration, it could be fetched
 *     and reproduced libsodium's seal and open of a test page byte for byte;
 *   - libsodium's crypto_aead_xchacha20poly1305_ietf_*_detached: always
 *     there; used for every page when OpenSSL is not (a FIPS-only OpenSSL
 *     configuration offers no ChaCha20-Poly1305), and for any page on which
 *     an OpenSSL call failed for another reason than a wrong tag.
 * Which one runs changes nothing on disk: a database written by either opens
 * with the other (tests prove it, and old databases were written by
 * libsodium). PRAGMA parley_cipher_implementation names the one in use.
 */
#include "pc_internal.h"

/* 1 once OpenSSL passed its self-test (written once, under the registration
 * mutex, before the VFS exists; read with acquire). */
static int pc_openssl_ready;
static const char *pc_openssl_status = "not initialised";
static unsigned long long pc_openssl_fallbacks;
/* A test or benchmark's choice for the calling thread (PARLEY_CRYPT_CIPHER_*). */
static _Thread_local int pc_thread_cipher = PARLEY_CRYPT_CIPHER_DEFAULT;

/* Called under the registration mutex; a registration that failed later and
 * is tried again must not fetch and test OpenSSL twice. */
void pc_cipher_init(void) {
    static int initialised;
    if (initialised) return;
    initialised = 1;
    const char *problem = pc_openssl_init();
    pc_openssl_status = problem != NULL ? problem : "in use";
    __atomic_store_n(&pc_openssl_ready, problem == NULL, __ATOMIC_RELEASE);
}

static int pc_openssl_available(void) {
    return __atomic_load_n(&pc_openssl_ready, __ATOMIC_ACQUIRE);
}

static int pc_use_openssl(void) {
    return pc_thread_cipher != PARLEY_CRYPT_CIPHER_LIBSODIUM && pc_openssl_available();
}

static void pc_count_fallback(void) {
    __atomic_fetch_add(&pc_openssl_fallbacks, 1, __ATOMIC_RELAXED);
}

static int pc_sodium_seal(unsigned char *out, unsigned char tag[PC_TAG], const unsigned char *plain, size_t len,
                          const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                          const unsigned char *key) {
    unsigned long long tag_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out, tag, &tag_len, plain, len, ad, ad_len, NULL,
                                                            nonce, key) != 0 || tag_len != PC_TAG) {
        return PC_CIPHER_UNAVAILABLE;
    }
    return PC_CIPHER_OK;
}

/* libsodium checks the tag before it decrypts, and zeroes out on a mismatch. */
static int pc_sodium_open(unsigned char *out, const unsigned char *in, size_t len, const unsigned char tag[PC_TAG],
                          const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                          const unsigned char *key) {
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(out, NULL, in, len, tag, ad, ad_len, nonce, key) != 0) {
        return PC_CIPHER_FORGED;
    }
    return PC_CIPHER_OK;
}

int pc_cipher_seal(unsigned char *out, unsigned char tag[PC_TAG], const unsigned char *plain, size_t len,
                   const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                   const unsigned char *key) {
    if (pc_use_openssl()) {
        if (pc_openssl_seal(out, tag, plain, len, ad, ad_len, nonce, key) == PC_CIPHER_OK) return PC_CIPHER_OK;
        pc_count_fallback(); /* out does not overlap plain: libsodium rewrites it whole */
    }
    return pc_sodium_seal(out, tag, plain, len, ad, ad_len, nonce, key);
}

int pc_cipher_open(unsigned char *out, const unsigned char *in, size_t len, const unsigned char tag[PC_TAG],
                   const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                   const unsigned char *key) {
    if (pc_use_openssl()) {
        int rc = pc_openssl_open(out, in, len, tag, ad, ad_len, nonce, key);
        if (rc != PC_CIPHER_UNAVAILABLE) return rc;
        pc_count_fallback(); /* in is intact (pc_openssl_open) */
    }
    return pc_sodium_open(out, in, len, tag, ad, ad_len, nonce, key);
}

const char *pc_cipher_name(void) {
    return pc_use_openssl() ? "openssl" : "libsodium";
}

/* ---- public API (parley_crypt.h) ---- */

int parley_crypt_cipher(void) {
    if (parley_crypt_register() != SQLITE_OK) return PARLEY_CRYPT_CIPHER_LIBSODIUM;
    return pc_use_openssl() ? PARLEY_CRYPT_CIPHER_OPENSSL : PARLEY_CRYPT_CIPHER_LIBSODIUM;
}

const char *parley_crypt_openssl_status(void) {
    if (parley_crypt_register() != SQLITE_OK) return "the VFS could not be registered";
    return pc_openssl_status;
}

unsigned long long parley_crypt_openssl_fallbacks(void) {
    return __atomic_load_n(&pc_openssl_fallbacks, __ATOMIC_RELAXED);
}

int parley_crypt_use_cipher_on_this_thread(int cipher) {
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;
    switch (cipher) {
    case PARLEY_CRYPT_CIPHER_DEFAULT:
    case PARLEY_CRYPT_CIPHER_LIBSODIUM:
        pc_thread_cipher = cipher;
        return SQLITE_OK;
    case PARLEY_CRYPT_CIPHER_OPENSSL:
        if (!pc_openssl_available()) return SQLITE_ERROR;
        pc_thread_cipher = cipher;
        return SQLITE_OK;
    default:
        return SQLITE_MISUSE;
    }
}

static int pc_overlaps(const unsigned char *a, const unsigned char *b, size_t len) {
    return len > 0 && a < b + len && b < a + len;
}

static int pc_valid_choice(int cipher) {
    return cipher == PARLEY_CRYPT_CIPHER_DEFAULT || cipher == PARLEY_CRYPT_CIPHER_LIBSODIUM
        || cipher == PARLEY_CRYPT_CIPHER_OPENSSL;
}

int parley_crypt_seal(int cipher, const unsigned char key[PARLEY_CRYPT_KEY_BYTES],
                      const unsigned char nonce[PARLEY_CRYPT_NONCE_BYTES],
                      const unsigned char *ad, size_t ad_len, const unsigned char *plain, size_t len,
                      unsigned char *out, unsigned char tag[PARLEY_CRYPT_TAG_BYTES]) {
    if (!pc_valid_choice(cipher) || key == NULL || nonce == NULL || tag == NULL || (ad == NULL && ad_len > 0)
        || ((plain == NULL || out == NULL) && len > 0) || pc_overlaps(plain, out, len)) {
        return SQLITE_MISUSE;
    }
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;
    switch (cipher) {
    case PARLEY_CRYPT_CIPHER_LIBSODIUM:
        rc = pc_sodium_seal(out, tag, plain, len, ad, ad_len, nonce, key);
        break;
    case PARLEY_CRYPT_CIPHER_OPENSSL:
        /* This implementation alone, no fallback: a test of it must see it fail. */
        if (!pc_openssl_available()) return SQLITE_ERROR;
        rc = pc_openssl_seal(out, tag, plain, len, ad, ad_len, nonce, key);
        break;
    default:
        rc = pc_cipher_seal(out, tag, plain, len, ad, ad_len, nonce, key);
        break;
    }
    return rc == PC_CIPHER_OK ? SQLITE_OK : SQLITE_ERROR;
}

int parley_crypt_open(int cipher, const unsigned char key[PARLEY_CRYPT_KEY_BYTES],
                      const unsigned char nonce[PARLEY_CRYPT_NONCE_BYTES],
                      const unsigned char *ad, size_t ad_len, const unsigned char *sealed, size_t len,
                      const unsigned char tag[PARLEY_CRYPT_TAG_BYTES], unsigned char *out) {
    if (!pc_valid_choice(cipher) || key == NULL || nonce == NULL || tag == NULL || (ad == NULL && ad_len > 0)
        || ((sealed == NULL || out == NULL) && len > 0) || (sealed != out && pc_overlaps(sealed, out, len))) {
        return SQLITE_MISUSE;
    }
    int rc = parley_crypt_register();
    if (rc != SQLITE_OK) return rc;
    switch (cipher) {
    case PARLEY_CRYPT_CIPHER_LIBSODIUM:
        rc = pc_sodium_open(out, sealed, len, tag, ad, ad_len, nonce, key);
        break;
    case PARLEY_CRYPT_CIPHER_OPENSSL:
        if (!pc_openssl_available()) return SQLITE_ERROR;
        rc = pc_openssl_open(out, sealed, len, tag, ad, ad_len, nonce, key);
        break;
    default:
        rc = pc_cipher_open(out, sealed, len, tag, ad, ad_len, nonce, key);
        break;
    }
    switch (rc) {
    case PC_CIPHER_OK: return SQLITE_OK;
    case PC_CIPHER_FORGED: return SQLITE_IOERR_AUTH;
    default: return SQLITE_ERROR;
    }
}
