#ifndef PARLEY_CLIBCRYPTO_SHIM_H
#define PARLEY_CLIBCRYPTO_SHIM_H
/* OpenSSL 3's libcrypto (Debian libssl-dev): the EVP cipher interface that
 * CSQLiteCrypt's page cipher uses. */
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#endif
