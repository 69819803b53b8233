// SPDX-License-Identifier: BSD-2-Clause
// ChaCha20's block function (RFC 8439 section 2.3), for the process
// server's random bytes (random.c); pure, so the host tests it against the
// RFC's vectors (tests/host/test_chacha20.c).
#include "chacha20.h"

static uint32_t rotl(uint32_t x, int k)
{
	return x << k | x >> (32 - k);
}

#define QUARTER(a, b, c, d)                      \
	do {                                     \
		a += b, d ^= a, d = rotl(d, 16); \
		c += d, b ^= c, b = rotl(b, 12); \
		a += b, d ^= a, d = rotl(d, 8);  \
		c += d, b ^= c, b = rotl(b, 7);  \
	} while (0)

/* One 64-byte block of the keystream for key, counter and nonce. */
void chacha20_block(const uint32_t k[8], uint32_t ctr, const uint32_t nonce[3], uint32_t out[16])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	for (int i = 0; i < 8; i++)
		in[4 + i] = k[i];
	in[12] = ctr;
	in[13] = nonce[0], in[14] = nonce[1], in[15] = nonce[2];
	uint32_t *x = out;
	for (int i = 0; i < 16; i++)
		x[i] = in[i];
	for (int round = 0; round < 10; round++) {
		QUARTER(x[0], x[4], x[8], x[12]);
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]);
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		out[i] += in[i];
}
