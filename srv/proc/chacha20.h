/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef PROC_CHACHA20_H
#define PROC_CHACHA20_H

#include <stdint.h>

/* One 64-byte block of ChaCha20's keystream for key k, block counter ctr
 * and nonce (RFC 8439 section 2.3: the words as the RFC's state holds
 * them, little-endian when serialised). */
void chacha20_block(const uint32_t k[8], uint32_t ctr, const uint32_t nonce[3], uint32_t out[16]);

#endif
