/* sqlbench-aesgcm.c - a what-if arm for sqlbench-3way.sh, benchmark use only.
 * Compiling Sources/CSQLiteCrypt/*.c with
 *   -Dcrypto_aead_xchacha20poly1305_ietf_encrypt_detached=pcb_gcm_encrypt_detached
 *   -Dcrypto_aead_xchacha20poly1305_ietf_decrypt_detached=pcb_gcm_decrypt_detached
 * routes every page seal and open through libsodium's AES-256-GCM instead,
 * with the first 12 bytes of the page's 24-byte random nonce slot as its
 * nonce. Same layout, same associated data, same I/O: only the cipher
 * differs. This is a measurement of the cipher's cost, not a design: random
 * 96-bit nonces under one key wear out after about 2^32 page writes, which
 * the product would have to handle before it could use AES-256-GCM.
 * This file is compiled without those -D flags. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

int pcb_gcm_encrypt_detached(unsigned char *c, unsigned char *mac, unsigned long long *maclen_p,
                             const unsigned char *m, unsigned long long mlen,
                             const unsigned char *ad, unsigned long long adlen,
                             const unsigned char *nsec, const unsigned char *npub,
                             const unsigned char *k);
int pcb_gcm_decrypt_detached(unsigned char *m, unsigned char *nsec,
                             const unsigned char *c, unsigned long long clen,
                             const unsigned char *mac,
                             const unsigned char *ad, unsigned long long adlen,
                             const unsigned char *npub, const unsigned char *k);

static void pcb_gcm_require(void) {
    static int checked;
    if (checked) return;
    if (sodium_init() < 0 || !crypto_aead_aes256gcm_is_available()) {
        fprintf(stderr, "sqlbench-aesgcm: AES-256-GCM is not available on this CPU\n");
        exit(2);
    }
    checked = 1;
}

int pcb_gcm_encrypt_detached(unsigned char *c, unsigned char *mac, unsigned long long *maclen_p,
                             const unsigned char *m, unsigned long long mlen,
                             const unsigned char *ad, unsigned long long adlen,
                             const unsigned char *nsec, const unsigned char *npub,
                             const unsigned char *k) {
    pcb_gcm_require();
    return crypto_aead_aes256gcm_encrypt_detached(c, mac, maclen_p, m, mlen, ad, adlen, nsec, npub, k);
}

int pcb_gcm_decrypt_detached(unsigned char *m, unsigned char *nsec,
                             const unsigned char *c, unsigned long long clen,
                             const unsigned char *mac,
                             const unsigned char *ad, unsigned long long adlen,
                             const unsigned char *npub, const unsigned char *k) {
    pcb_gcm_require();
    return crypto_aead_aes256gcm_decrypt_detached(m, nsec, c, clen, mac, ad, adlen, npub, k);
}
