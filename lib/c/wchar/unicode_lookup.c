// SPDX-License-Identifier: BSD-2-Clause
// Binary searches over the generated Unicode tables.
#include "../internal/unicode.h"

bool __uc_in(const struct uc_range *t, unsigned n, uint32_t c)
{
	unsigned lo = 0, hi = n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (c < t[mid].first)
			hi = mid;
		else if (c > t[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

uint32_t __uc_map(const struct uc_pair *t, unsigned n, uint32_t c)
{
	unsigned lo = 0, hi = n;
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;
		if (c < t[mid].from)
			hi = mid;
		else if (c > t[mid].from)
			lo = mid + 1;
		else
			return t[mid].to;
	}
	return c;
}
