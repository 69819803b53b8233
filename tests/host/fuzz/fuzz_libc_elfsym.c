// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for the crash report's symbolizer (lib/c/elf/elfsym.c).
// The input is tried twice: as a whole file, and as patches to the good
// crafted file of tests/host/elfsym_build.h (each three bytes write one
// byte at a 16-bit offset), which reaches the table checks and lookups
// far more often. Files sit in heap buffers of exactly their size, so
// ASan catches any read outside them. An accepted file is looked up at
// addresses taken from the input; every answer must be a terminated,
// printable name of at most ELFSYM_NAME_MAX characters, with an offset
// no larger than the address. A refusal must come with a reason.
#define elfsym_open vgc_elfsym_open
#define elfsym_lookup vgc_elfsym_lookup
#include "../../../lib/c/internal/elfsym.h"

#include <stdio.h>
#include <stdlib.h>

#include "../elfsym_build.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static void probe(const uint8_t *file, size_t len, const uint8_t *data, size_t size)
{
	struct elfsym s;
	const char *why = elfsym_open(&s, file, len);
	if (why) {
		if (!*why)
			die("refused without a reason");
		return;
	}
	uint64_t addrs[8] = { 0, 0x1000, 0x1044, 0x2345, UINT64_MAX };
	for (size_t i = 5; i < 8 && size >= 8 * (i - 4); i++)
		memcpy(&addrs[i], data + 8 * (i - 5), 8);
	for (size_t i = 0; i < 8; i++) {
		char name[ELFSYM_NAME_MAX + 1];
		uint64_t off;
		memset(name, 'x', sizeof(name));
		if (elfsym_lookup(&s, addrs[i], name, &off))
			continue;
		size_t n = 0;
		while (n < sizeof(name) && name[n])
			n++;
		if (n > ELFSYM_NAME_MAX)
			die("name not terminated");
		for (size_t k = 0; k < n; k++)
			if (name[k] < 0x20 || name[k] >= 0x7f)
				die("unprintable name");
		if (off > addrs[i])
			die("offset above the address");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *whole = malloc(size ? size : 1);
	memcpy(whole, data, size);
	probe(whole, size, data, size);
	free(whole);

	uint8_t *f = malloc(EB_SIZE);
	eb_build(f);
	for (size_t i = 0; i + 3 <= size; i += 3) {
		size_t at = (size_t)(data[i] | data[i + 1] << 8) % EB_SIZE;
		f[at] = data[i + 2];
	}
	probe(f, EB_SIZE, data, size);
	free(f);
	return 0;
}
