/*
 * pc_seal.c - sealing and opening one 4096-byte page image.
 *
 * Layout: [from, 4056) ciphertext, [4056, 4080) nonce, [4080, 4096) tag.
 * Bytes [0, from) are not encrypted (page 1 keeps the database id in clear);
 * they are bound through the associated data, which always starts with the id.
 * The cipher itself is pc_cipher.c's.
 */
#include "pc_internal.h"

static int pc_seal_unpooled;

const unsigned char pc_sqlite_magic[PC_ID] = "SQLite format 3";

size_t pc_associated_data(unsigned char ad[PC_AD_MAX], const unsigned char id[PC_ID],
                          char kind, uint64_t position) {
    size_t n = 0;
    memcpy(ad, id, PC_ID);
    n = PC_ID;
    ad[n++] = (unsigned char)kind;
    if (kind == PC_KIND_MAIN) {
        /* page number, u32 big-endian */
        for (int shift = 24; shift >= 0; shift -= 8) ad[n++] = (unsigned char)(position >> shift);
    } else {
        /* byte offset, u64 big-endian */
        for (int shift = 56; shift >= 0; shift -= 8) ad[n++] = (unsigned char)(position >> shift);
    }
    return n;
}

unsigned pc_be32(const unsigned char *p) {
    return ((unsigned)p[0] << 24) | ((unsigned)p[1] << 16) | ((unsigned)p[2] << 8) | p[3];
}

/* A journal record's image: bound to its offset and to the page number the
 * record names, id || 'J' || offset (u64) || page number (u32), big-endian. */
size_t pc_journal_associated_data(unsigned char ad[PC_AD_MAX], const unsigned char id[PC_ID],
                                  uint64_t offset, unsigned pgno) {
    size_t n = pc_associated_data(ad, id, PC_KIND_JOURNAL, offset);
    for (int shift = 24; shift >= 0; shift -= 8) ad[n++] = (unsigned char)(pgno >> shift);
    return n;
}

/* Nonces are random (randombytes_buf, the OS generator), each used once.
 * They are fetched PC_NONCE_POOL at a time per file: one getrandom() call
 * per 32 page writes instead of one per write. A forked child must never
 * reuse its parent's pooled nonces (same key, same nonce would reuse the
 * keystream and the Poly1305 key), so a fork empties every pool. */
static volatile unsigned pc_fork_generation;

static void pc_after_fork_in_child(void) {
    pc_fork_generation++;
}

void pc_seal_init(void) {
    /* Without the handler a forked child could reuse pooled nonces; if it
     * cannot be installed, every seal draws straight from the OS. */
    pc_seal_unpooled = pthread_atfork(NULL, NULL, pc_after_fork_in_child) != 0;
}

static void pc_next_nonce(pc_file *f, unsigned char nonce[PC_NONCE]) {
    if (pc_seal_unpooled) {
        randombytes_buf(nonce, PC_NONCE);
        return;
    }
    if (f->nonces_left == 0 || f->nonce_generation != pc_fork_generation) {
        randombytes_buf(f->nonce_pool, sizeof f->nonce_pool);
        f->nonces_left = PC_NONCE_POOL;
        f->nonce_generation = pc_fork_generation;
    }
    f->nonces_left--;
    unsigned char *slot = f->nonce_pool + (size_t)f->nonces_left * PC_NONCE;
    memcpy(nonce, slot, PC_NONCE);
    sodium_memzero(slot, PC_NONCE);
}

/* Seals plain[from, 4056) into out[from, 4056) with a fresh random nonce and
 * writes nonce and tag to out[4056, 4096). out must not overlap plain. */
int pc_seal(pc_file *f, const unsigned char *ad, size_t ad_len,
            const unsigned char *plain, unsigned char *out, size_t from) {
    unsigned char *nonce = out + PC_PAYLOAD;
    unsigned char *tag = nonce + PC_NONCE;

    pc_next_nonce(f, nonce);
    if (pc_cipher_seal(out + from, tag, plain + from, PC_PAYLOAD - from, ad, ad_len, nonce,
                       f->key->bytes) != PC_CIPHER_OK) {
        return -1;
    }
    pc_count_sealed();
    return 0;
}

/* Opens page[from, 4056) in place and zeroes the 40 reserved bytes.
 * On failure the sealed range is zeroed (pc_cipher_open); the caller wipes the rest. */
int pc_unseal(const pc_key *key, const unsigned char *ad, size_t ad_len,
              unsigned char *page, size_t from) {
    const unsigned char *nonce = page + PC_PAYLOAD;
    const unsigned char *tag = nonce + PC_NONCE;

    if (pc_cipher_open(page + from, page + from, PC_PAYLOAD - from, tag, ad, ad_len, nonce,
                       key->bytes) != PC_CIPHER_OK) {
        return -1;
    }
    memset(page + PC_PAYLOAD, 0, PC_RESERVE);
    pc_count_opened();
    return 0;
}

/* Opens a whole sealed page image (from 0) into out, which must not overlap
 * sealed, and zeroes out's 40 reserved bytes. On failure out is zeroed. */
int pc_unseal_into(const pc_key *key, const unsigned char *ad, size_t ad_len,
                   const unsigned char *sealed, unsigned char *out) {
    const unsigned char *nonce = sealed + PC_PAYLOAD;
    const unsigned char *tag = nonce + PC_NONCE;

    if (pc_cipher_open(out, sealed, PC_PAYLOAD, tag, ad, ad_len, nonce, key->bytes) != PC_CIPHER_OK) {
        sodium_memzero(out, PC_PAGE);
        return -1;
    }
    memset(out + PC_PAYLOAD, 0, PC_RESERVE);
    pc_count_opened();
    return 0;
}
