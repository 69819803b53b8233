// SPDX-License-Identifier: BSD-2-Clause
// Splitting and joining argument blocks (argblock.h).
#include "argblock.h"

long argblock_split(const char *block, size_t len, const char **list, size_t max)
{
	if (len && block[len - 1])
		return ARGBLOCK_MALFORMED;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (n == max)
			return ARGBLOCK_TOO_MANY;
		list[n++] = block + i;
		while (block[i]) /* ends at the last byte's NUL at the latest */
			i++;
	}
	list[n] = NULL;
	return (long)n;
}

size_t argblock_join(const char *block, size_t len, char *out, size_t out_max)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < out_max; i++) {
		char c = block[i];
		if (!c && i + 1 == len)
			break; /* the last string's end */
		out[n++] = c ? c : ' ';
	}
	out[n] = '\0';
	return n;
}
