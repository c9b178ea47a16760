/*
 * pc_openssl.c - XChaCha20-Poly1305-IETF computed with OpenSSL 3's EVP
 * ChaCha20-Poly1305, byte for byte what libsodium computes:
 *   subkey = HChaCha20(key, nonce[0, 16))            (libsodium's crypto_core_hchacha20)
 *   ChaCha20-Poly1305 (RFC 8439) under subkey, 96-bit nonce 0^32 || nonce[16, 24)
 * which is how libsodium builds its XChaCha20-Poly1305-IETF too. OpenSSL's
 * vectorised ChaCha20 and Poly1305 make a page about twice as cheap here.
 *
 * The cipher is fetched once, at registration; each thread keeps one
 * EVP_CIPHER_CTX (a pthread key frees it when the thread ends), so no context
 * is ever shared between threads. Only key and nonce are set per page.
 *
 * Key material:
 *   - The database key never reaches OpenSSL. OpenSSL sees only the page's
 *     subkey, a one-time key derived from the key and that page's random
 *     nonce: it opens that one page image and nothing else, and the database
 *     key cannot be computed back from it. The subkey is computed on the stack
 *     and wiped (sodium_memzero) before the function returns.
 *   - OpenSSL copies the subkey into its provider context, with the Poly1305
 *     one-time key and some keystream. After every page, success or failure,
 *     EVP_CIPHER_CTX_reset() frees that provider context with
 *     OPENSSL_clear_free(), which wipes it (and Poly1305_Final has already
 *     wiped the Poly1305 state), so nothing of a page's key outlives its seal
 *     or open. If a reset ever failed, the context would be freed and
 *     replaced rather than reused.
 *   - That context is ordinary heap memory, not mlocked: OpenSSL allocates
 *     cipher contexts with its general allocator, and only replacing that
 *     allocator for the whole process (CRYPTO_set_mem_functions) could change
 *     it, which a library must not do. libsodium's own implementation is
 *     alike: its subkey and Poly1305 key live on the (unlocked) stack during
 *     the call. Core dumps are off in the server (RLIMIT_CORE 0, LimitCORE=0).
 *
 * Errors: every OpenSSL return value is checked. A failure other than a tag
 * mismatch (no context, an allocation in the provider) is reported as
 * PC_CIPHER_UNAVAILABLE before any output byte was written, and the caller
 * computes the page with libsodium instead. A tag mismatch is
 * PC_CIPHER_FORGED, with the output wiped. OpenSSL's error queue is cleared
 * after a failure, so the thread's next OpenSSL user does not see it.
 */
#include "pc_internal.h"

#include <limits.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

enum { PC_OPENSSL_IV = 12 };

static EVP_CIPHER *pc_openssl_cipher;     /* fetched once; lives as long as the process */
static pthread_key_t pc_openssl_context_key;

static void pc_openssl_context_destroy(void *context) {
    EVP_CIPHER_CTX_free(context);
}

/* The calling thread's context, created on first use; NULL if none can be. */
static EVP_CIPHER_CTX *pc_openssl_context(void) {
    EVP_CIPHER_CTX *ctx = pthread_getspecific(pc_openssl_context_key);
    if (ctx != NULL) return ctx;
    ctx = EVP_CIPHER_CTX_new();
    if (ctx == NULL) return NULL;
    if (pthread_setspecific(pc_openssl_context_key, ctx) != 0) {
        EVP_CIPHER_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Wipes the page's key material out of the context (see above). */
static void pc_openssl_context_wipe(EVP_CIPHER_CTX *ctx) {
    if (EVP_CIPHER_CTX_reset(ctx) == 1) return;
    /* Freeing runs the same reset and then releases the context whatever it
     * returned; the thread makes a new one for its next page. */
    (void)pthread_setspecific(pc_openssl_context_key, NULL);
    EVP_CIPHER_CTX_free(ctx);
}

/* The subkey and the 96-bit ChaCha20-Poly1305 nonce of an XChaCha20 nonce. */
static int pc_openssl_derive(unsigned char subkey[crypto_core_hchacha20_OUTPUTBYTES],
                             unsigned char iv[PC_OPENSSL_IV],
                             const unsigned char nonce[PC_NONCE], const unsigned char *key) {
    if (crypto_core_hchacha20(subkey, nonce, key, NULL) != 0) return -1;
    memset(iv, 0, 4);
    memcpy(iv + 4, nonce + crypto_core_hchacha20_INPUTBYTES, 8);
    return 0;
}

int pc_openssl_seal(unsigned char *out, unsigned char tag[PC_TAG], const unsigned char *plain, size_t len,
                    const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                    const unsigned char *key) {
    if (pc_openssl_cipher == NULL || len > INT_MAX || ad_len > INT_MAX) return PC_CIPHER_UNAVAILABLE;
    EVP_CIPHER_CTX *ctx = pc_openssl_context();
    if (ctx == NULL) return PC_CIPHER_UNAVAILABLE;

    unsigned char subkey[crypto_core_hchacha20_OUTPUTBYTES];
    unsigned char iv[PC_OPENSSL_IV];
    unsigned char none[1];
    int n = 0;
    int ok = pc_openssl_derive(subkey, iv, nonce, key) == 0
        && EVP_EncryptInit_ex2(ctx, pc_openssl_cipher, subkey, iv, NULL) == 1
        && (ad_len == 0 || (EVP_EncryptUpdate(ctx, NULL, &n, ad, (int)ad_len) == 1 && n == (int)ad_len))
        && (len == 0 || (EVP_EncryptUpdate(ctx, out, &n, plain, (int)len) == 1 && n == (int)len))
        && EVP_EncryptFinal_ex(ctx, none, &n) == 1 && n == 0
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, PC_TAG, tag) == 1;
    sodium_memzero(subkey, sizeof subkey);
    pc_openssl_context_wipe(ctx);
    if (!ok) {
        ERR_clear_error();
        return PC_CIPHER_UNAVAILABLE;
    }
    return PC_CIPHER_OK;
}

/* in and out may be the same buffer. The tag is handed to OpenSSL before any
 * byte is decrypted, so every failure but the final tag comparison happens
 * with in still intact (OpenSSL's ChaCha20-Poly1305 update either fails
 * before writing or processes the whole input). */
int pc_openssl_open(unsigned char *out, const unsigned char *in, size_t len, const unsigned char tag[PC_TAG],
                    const unsigned char *ad, size_t ad_len, const unsigned char nonce[PC_NONCE],
                    const unsigned char *key) {
    if (pc_openssl_cipher == NULL || len > INT_MAX || ad_len > INT_MAX) return PC_CIPHER_UNAVAILABLE;
    EVP_CIPHER_CTX *ctx = pc_openssl_context();
    if (ctx == NULL) return PC_CIPHER_UNAVAILABLE;

    unsigned char subkey[crypto_core_hchacha20_OUTPUTBYTES];
    unsigned char iv[PC_OPENSSL_IV];
    unsigned char expected[PC_TAG];
    unsigned char none[1];
    int n = 0;
    memcpy(expected, tag, PC_TAG); /* the tag may sit in the buffer being decrypted */
    int ok = pc_openssl_derive(subkey, iv, nonce, key) == 0
        && EVP_DecryptInit_ex2(ctx, pc_openssl_cipher, subkey, iv, NULL) == 1
        && (ad_len == 0 || (EVP_DecryptUpdate(ctx, NULL, &n, ad, (int)ad_len) == 1 && n == (int)ad_len))
        && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, PC_TAG, expected) == 1
        && (len == 0 || (EVP_DecryptUpdate(ctx, out, &n, in, (int)len) == 1 && n == (int)len));
    int rc = PC_CIPHER_UNAVAILABLE;
    if (ok) rc = EVP_DecryptFinal_ex(ctx, none, &n) == 1 && n == 0 ? PC_CIPHER_OK : PC_CIPHER_FORGED;
    sodium_memzero(subkey, sizeof subkey);
    pc_openssl_context_wipe(ctx);
    if (rc != PC_CIPHER_OK) ERR_clear_error();
    if (rc == PC_CIPHER_FORGED && len > 0) sodium_memzero(out, len);
    return rc;
}

/* Seals and opens synthetic pages with both implementations and requires the
 * same bytes, the same tag, and a refused forgery. */
static int pc_openssl_self_test(void) {
    static const size_t lengths[] = { PC_PAYLOAD, PC_PAYLOAD - PC_ID, 1, 0 };
    unsigned char key[PARLEY_CRYPT_KEY_BYTES], nonce[PC_NONCE], ad[PC_AD_MAX];
    unsigned char plain[PC_PAYLOAD], ours[PC_PAYLOAD], theirs[PC_PAYLOAD];
    unsigned char tag[PC_TAG], their_tag[PC_TAG];
    for (size_t i = 0; i < sizeof key; i++) key[i] = (unsigned char)(0x80 + i);
    for (size_t i = 0; i < sizeof nonce; i++) nonce[i] = (unsigned char)(0x40 + i);
    for (size_t i = 0; i < sizeof ad; i++) ad[i] = (unsigned char)(0x50 + i);
    for (size_t i = 0; i < sizeof plain; i++) plain[i] = (unsigned char)(i * 31 + 7);

    for (size_t t = 0; t < sizeof lengths / sizeof lengths[0]; t++) {
        size_t len = lengths[t];
        unsigned long long tag_len = 0;
        if (crypto_aead_xchacha20poly1305_ietf_encrypt_detached(theirs, their_tag, &tag_len, plain, len, ad,
                                                                sizeof ad, NULL, nonce, key) != 0) return 0;
        if (pc_openssl_seal(ours, tag, plain, len, ad, sizeof ad, nonce, key) != PC_CIPHER_OK) return 0;
        if (memcmp(ours, theirs, len) != 0 || memcmp(tag, their_tag, PC_TAG) != 0) return 0;
        if (pc_openssl_open(ours, ours, len, tag, ad, sizeof ad, nonce, key) != PC_CIPHER_OK) return 0;
        if (memcmp(ours, plain, len) != 0) return 0;
        tag[PC_TAG - 1] ^= 1;
        if (pc_openssl_open(ours, theirs, len, tag, ad, sizeof ad, nonce, key) != PC_CIPHER_FORGED) return 0;
    }
    return 1;
}

const char *pc_openssl_init(void) {
    /* No atexit cleanup: OpenSSL would otherwise tear its providers down at
     * exit() while another thread may still be sealing a page. */
    if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT | OPENSSL_INIT_LOAD_CONFIG, NULL) != 1) {
        ERR_clear_error();
        return "OpenSSL could not be initialised";
    }
    if (pthread_key_create(&pc_openssl_context_key, pc_openssl_context_destroy) != 0) {
        return "no thread-local slot for the OpenSSL context";
    }
    /* The configuration's default properties apply: a FIPS-only
     * configuration, which has no ChaCha20-Poly1305, is respected. */
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, "ChaCha20-Poly1305", NULL);
    if (cipher == NULL) {
        ERR_clear_error();
        return "OpenSSL offers no ChaCha20-Poly1305 (a FIPS-only configuration?)";
    }
    pc_openssl_cipher = cipher;
    if (!pc_openssl_self_test()) {
        pc_openssl_cipher = NULL;
        EVP_CIPHER_free(cipher);
        return "OpenSSL's ChaCha20-Poly1305 disagreed with libsodium's on the self-test";
    }
    return NULL;
}
