// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for srv/proc/argblock.c, the process server's parser
// of the argument and environment blocks a spawn or exec request carries.
// The input is the block. An accepted block must split into strings that
// lie inside it, each ending in a NUL inside it, one per NUL, covering it
// exactly; a refused one must be one that does not end in a NUL or has too
// many strings. The joined form must fit and hold no NUL before its end.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../srv/proc/argblock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX 16

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *block = malloc(size ? size : 1); /* exactly the input: ASan sees overruns */
	memcpy(block, data, size);
	const char *list[MAX + 1];
	long n = argblock_split(block, size, list, MAX);
	size_t nuls = 0;
	for (size_t i = 0; i < size; i++)
		nuls += !block[i];
	if (size && block[size - 1]) {
		if (n != ARGBLOCK_MALFORMED)
			die("a block without a final NUL was accepted");
	} else if (nuls > MAX) {
		if (n != ARGBLOCK_TOO_MANY)
			die("too many strings were accepted");
	} else {
		if (n != (long)nuls)
			die("not one string per NUL");
		const char *at = block;
		for (long i = 0; i < n; i++) {
			if (list[i] != at)
				die("a string is not where the previous one ended");
			at += strlen(list[i]) + 1;
			if (at > block + size)
				die("a string runs past the block");
		}
		if (at != block + size || list[n])
			die("the strings do not cover the block");
	}
	char out[33];
	size_t len = argblock_join(block, size, out, 32);
	if (len > 32 || out[len] || strlen(out) != len)
		die("the joined form does not fit or holds a NUL");
	free(block);
	return 0;
}
