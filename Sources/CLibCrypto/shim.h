#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// Only the digest API: SHA-256 (EVP) and one-shot HMAC, from the system's OpenSSL 3 libcrypto.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
