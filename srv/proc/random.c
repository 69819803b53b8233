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
#include "chacha20.h"
#include "procsrv.h"
#include <vg/vg.h>

static uint32_t key[8];
static uint32_t counter;
static bool seeded;

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
