#ifndef FEDSEC_COPENSSL_SHIM_H
#define FEDSEC_COPENSSL_SHIM_H
#include <stdint.h>
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

/* SHA-256 and HMAC-SHA256 on stack contexts, for hot paths over short inputs.
 *
 * OpenSSL 3's EVP digest and MAC calls allocate, fetch or duplicate a provider context on every message (EVP_Digest,
 * EVP_MAC_init on a keyed context), which costs more than hashing a few hundred bytes. The SHA256_* functions are
 * the same assembly (the CPU's SHA extensions where present) on a plain struct. They are deprecated in OpenSSL 3 in
 * favour of EVP, not removed; the deprecation is silenced here only, and only for these calls. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* The HMAC-SHA256 key schedule (RFC 2104, FIPS 198-1): SHA-256 states that have absorbed K0 ^ ipad and K0 ^ opad.
 * Secret-equivalent: whoever holds them can MAC; wipe with OPENSSL_cleanse. */
typedef struct fedsec_hmac_sha256_schedule {
    SHA256_CTX inner;
    SHA256_CTX outer;
} fedsec_hmac_sha256_schedule;

/* Returns 1 on success. K0 is the key padded with zeros to 64 bytes, or SHA-256(key) padded when longer. */
static inline int fedsec_hmac_sha256_prepare(fedsec_hmac_sha256_schedule *schedule, const unsigned char *key,
                                             size_t length) {
    unsigned char block[64];
    unsigned char pad[64];
    int ok = 1;
    memset(block, 0, sizeof block);
    if (length > sizeof block) {
        SHA256_CTX hash;
        ok = SHA256_Init(&hash) && SHA256_Update(&hash, key, length) && SHA256_Final(block, &hash);
        OPENSSL_cleanse(&hash, sizeof hash);
    } else if (length > 0) {
        memcpy(block, key, length);
    }
    for (size_t i = 0; i < sizeof block; i++) pad[i] = block[i] ^ 0x36;
    ok = ok && SHA256_Init(&schedule->inner) && SHA256_Update(&schedule->inner, pad, sizeof pad);
    for (size_t i = 0; i < sizeof block; i++) pad[i] = block[i] ^ 0x5c;
    ok = ok && SHA256_Init(&schedule->outer) && SHA256_Update(&schedule->outer, pad, sizeof pad);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    return ok;
}

/* tag = SHA-256((K0 ^ opad) || SHA-256((K0 ^ ipad) || message)), from copies of the schedule. Returns 1 on success. */
static inline int fedsec_hmac_sha256(const fedsec_hmac_sha256_schedule *schedule, const void *message, size_t length,
                                     unsigned char tag[32]) {
    SHA256_CTX context = schedule->inner;
    unsigned char inner[32];
    int ok = SHA256_Update(&context, message, length) && SHA256_Final(inner, &context);
    context = schedule->outer;
    ok = ok && SHA256_Update(&context, inner, sizeof inner) && SHA256_Final(tag, &context);
    OPENSSL_cleanse(&context, sizeof context);
    OPENSSL_cleanse(inner, sizeof inner);
    return ok;
}

/* SHA-256 of data into digest (32 bytes). Returns 1 on success. */
static inline int fedsec_sha256(const void *data, size_t length, unsigned char digest[32]) {
    SHA256_CTX context;
    return SHA256_Init(&context) && SHA256_Update(&context, data, length) && SHA256_Final(digest, &context);
}

/* A SHA-256 state that has absorbed one 64-byte block (a public, fixed prefix such as a padded domain tag), so that
 * hashing prefix || data costs only the compressions of data. Returns 1 on success. */
static inline int fedsec_sha256_absorb_block(SHA256_CTX *state, const unsigned char block[64]) {
    return SHA256_Init(state) && SHA256_Update(state, block, 64);
}

/* SHA-256(prefix || data) into digest (32 bytes), from a copy of the state after the prefix. Returns 1 on success. */
static inline int fedsec_sha256_resume(const SHA256_CTX *state, const void *data, size_t length,
                                       unsigned char digest[32]) {
    SHA256_CTX context = *state;
    return SHA256_Update(&context, data, length) && SHA256_Final(digest, &context);
}

#pragma GCC diagnostic pop

/* 1 when the length bytes at a and b are equal, else 0, in time that depends on the length only: the differences of
 * every 8-byte word (then every remaining byte) are ORed together, and the accumulator is passed through an empty asm
 * statement after each step so the compiler cannot see its value and add an early exit (the value barrier BoringSSL
 * uses for its constant-time code). OpenSSL's CRYPTO_memcmp gives the same guarantee but compares byte by byte
 * beyond 16 bytes, which costs more than the word loop for the 32-byte tags and digests compared per request. */
static inline int fedsec_constant_time_equal(const unsigned char *a, const unsigned char *b, size_t length) {
    uint64_t difference = 0;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        difference |= x ^ y;
        __asm__ volatile("" : "+r"(difference));
    }
    for (; i < length; i++) {
        difference |= (uint64_t)(a[i] ^ b[i]);
        __asm__ volatile("" : "+r"(difference));
    }
    return difference == 0;
}
#endif
