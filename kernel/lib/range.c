// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/range.h>

bool range_valid(uint64_t base, uint64_t size)
{
	return size != 0 && size - 1 <= UINT64_MAX - base;
}

bool range_within(uint64_t obase, uint64_t osize, uint64_t base, uint64_t size)
{
	/* Offsets from obase cannot wrap once base >= obase. */
	if (base < obase)
		return false;
	uint64_t off = base - obase;
	return off <= osize && size <= osize - off;
}
