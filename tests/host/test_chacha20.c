// SPDX-License-Identifier: BSD-2-Clause
// The process server's ChaCha20 block function (srv/proc/chacha20.c, the
// source of AT_RANDOM) against RFC 8439's vectors: a wrong round, rotation
// or word order changes every byte.
#include <string.h>
#include <vtest.h>

#include "../../srv/proc/chacha20.h"

/* The block serialised as the RFC prints it: each word little-endian. */
static void block_bytes(const uint8_t key[32], uint32_t ctr, const uint8_t nonce[12],
			uint8_t out[64])
{
	uint32_t k[8], n[3], w[16];
	for (int i = 0; i < 8; i++)
		k[i] = (uint32_t)key[4 * i] | (uint32_t)key[4 * i + 1] << 8 |
			(uint32_t)key[4 * i + 2] << 16 | (uint32_t)key[4 * i + 3] << 24;
	for (int i = 0; i < 3; i++)
		n[i] = (uint32_t)nonce[4 * i] | (uint32_t)nonce[4 * i + 1] << 8 |
			(uint32_t)nonce[4 * i + 2] << 16 | (uint32_t)nonce[4 * i + 3] << 24;
	chacha20_block(k, ctr, n, w);
	for (int i = 0; i < 64; i++)
		out[i] = (uint8_t)(w[i / 4] >> (8 * (i % 4)));
}

/* RFC 8439's vectors, each as the RFC prints its block. */
static const struct vector {
	const char *name;
	uint8_t key[32];
	uint32_t ctr;
	uint8_t nonce[12];
	uint8_t want[64];
} vectors[] = {
	/* Section 2.3.2: key 00..1f, nonce 00 00 00 09 00 00 00 4a 00 00 00
	 * 00, block counter 1. */
	{ "section 2.3.2",
	  { 0,	1,  2,	3,  4,	5,  6,	7,  8,	9,  10, 11, 12, 13, 14, 15,
	    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31 },
	  1,
	  { 0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0 },
	  { 0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3,
	    0x20, 0x71, 0xc4, 0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03, 0x04, 0x22,
	    0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e, 0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa,
	    0x09, 0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2, 0xb5, 0x12, 0x9c, 0xd1,
	    0xde, 0x16, 0x4e, 0xb9, 0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e } },
	/* Appendix A.1, test vector 1: all-zero key and nonce, counter 0. */
	{ "appendix A.1 #1", { 0 }, 0, { 0 }, { 0x76, 0xb8, 0xe0, 0xad, 0xa0, 0xf1, 0x3d, 0x90,
						0x40, 0x5d, 0x6a, 0xe5, 0x53, 0x86, 0xbd, 0x28,
						0xbd, 0xd2, 0x19, 0xb8, 0xa0, 0x8d, 0xed, 0x1a,
						0xa8, 0x36, 0xef, 0xcc, 0x8b, 0x77, 0x0d, 0xc7,
						0xda, 0x41, 0x59, 0x7c, 0x51, 0x57, 0x48, 0x8d,
						0x77, 0x24, 0xe0, 0x3f, 0xb8, 0xd8, 0x4a, 0x37,
						0x6a, 0x43, 0xb8, 0xf4, 0x15, 0x18, 0xa1, 0x1c,
						0xc3, 0x87, 0xb6, 0x69, 0xb2, 0xee, 0x65, 0x86 } },
};

TEST(chacha20, rfc8439_vectors)
{
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct vector *v = &vectors[i];
		uint8_t out[64];
		block_bytes(v->key, v->ctr, v->nonce, out);
		CHECK_MSG(memcmp(out, v->want, 64) == 0, "%s", v->name);
	}
}
