// SPDX-License-Identifier: BSD-2-Clause
// rand, srand and rand_r: a 64-bit linear congruential generator (Knuth's
// MMIX constants) whose high bits are returned. rand_r keeps its state in
// the caller's unsigned int and so has a 32-bit state only.
#include <stdint.h>
#include <stdlib.h>

static uint64_t state = 1;

void srand(unsigned seed)
{
	state = seed;
}

int rand(void)
{
	state = state * 6364136223846793005ull + 1442695040888963407ull;
	return (int)(state >> 33);
}

int rand_r(unsigned *seed)
{
	uint32_t x = *seed * 1103515245u + 12345u;
	*seed = x;
	uint32_t y = x * 1103515245u + 12345u;
	*seed = y;
	return (int)(((x >> 16) << 15 | (y >> 17)) & RAND_MAX);
}
