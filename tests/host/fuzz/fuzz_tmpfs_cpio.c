// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for filling a tmpfs from a cpio archive
// (srv/tmpfs/initrd.c on srv/tmpfs/nodes.c): any input is loaded or refused
// with a reason, and whatever was built (also by a refused archive, up to
// its bad record) is a consistent tree.
#include "../tmpfs_walk.h"
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int64_t clock_ns;
static int64_t fake_now(void)
{
	return ++clock_ns;
}

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *a = malloc(size ? size : 1);
	if (!a)
		return 0;
	memcpy(a, data, size);
	struct tmpfs fs;
	if (tmpfs_init(&fs, 1 << 20, fake_now))
		die("init");
	const char *why = NULL;
	long st = tmpfs_load_cpio(&fs, a, size, &why);
	if (st && (!why || !*why))
		die("refused without a reason");
	const char *bad = tmpfs_check(&fs);
	if (bad)
		die(bad);
	tmpfs_destroy(&fs);
	free(a);
	return 0;
}
