// SPDX-License-Identifier: BSD-2-Clause
// The 16 random bytes each program is given (AT_RANDOM): a ChaCha20
// keystream (RFC 8439's block function) whose key is replaced after every
// draw by more of its own output mixed with the monotonic clock, so that
// bytes already given out cannot be recomputed from the server's state.
//
// The source: the system has no entropy source yet (no hardware random
// instruction on the CPU models it is tested on, no interrupt-timing pool
// in the kernel; /dev/urandom is seeded from the clock as well, and the
// process server cannot call the VFS: section 15.2). So the key starts
// from the wall clock (the battery-backed clock, read at boot) and the
// monotonic clock in nanoseconds at the first spawn, and each draw mixes
// in the monotonic clock again: distinct for every program and hard to
// guess from inside it, but not a source for keys against someone who
// knows the boot time closely.
#include "procsrv.h"
#include <vg/vg.h>

static uint32_t key[8];
static uint32_t counter;
static bool seeded;

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
static void chacha20_block(const uint32_t k[8], uint32_t ctr, const uint32_t nonce[3],
			   uint32_t out[16])
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

void proc_random(uint8_t out[16])
{
	uint64_t now = (uint64_t)vg_clock_monotonic();
	if (!seeded) {
		uint64_t wall = (uint64_t)vg_clock_realtime();
		key[0] = (uint32_t)wall, key[1] = (uint32_t)(wall >> 32);
		key[2] = (uint32_t)now, key[3] = (uint32_t)(now >> 32);
		seeded = true;
	}
	uint32_t nonce[3] = { (uint32_t)now, (uint32_t)(now >> 32), 0 }, block[16];
	chacha20_block(key, counter++, nonce, block);
	memcpy(out, block, 16);
	for (int i = 0; i < 8; i++)
		key[i] = block[8 + i];
	memset(block, 0, sizeof(block));
}
