// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for kernel/lib/cpio.c. The input is an archive (the
// seeds are GNU cpio's, newc and crc). Every record cpio_next hands out, in
// an accepted archive or before the bad record of a refused one, must lie
// inside the buffer with a name that cannot escape the root; an accepted
// archive must iterate to exactly the count cpio_validate gave, and
// cpio_find must find its names and agree with cpio_validate about the
// archive. A refusal must come with a reason. The buffer is exactly the
// input's size, so ASan catches any read outside it.
#define _DEFAULT_SOURCE
#include <kernel/cpio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static bool inside(const uint8_t *base, size_t size, const void *p, size_t n)
{
	const uint8_t *q = p;
	return q >= base && (size_t)(q - base) <= size && n <= size - (size_t)(q - base);
}

/* What an entry promises, checked independently of the parser. */
static void check_entry(const uint8_t *base, size_t size, const struct cpio_entry *e)
{
	if (!inside(base, size, e->name, e->name_len + 1) || e->name[e->name_len] != 0 ||
	    strlen(e->name) != e->name_len || e->name_len == 0)
		die("entry name outside the archive or not terminated");
	if (!inside(base, size, e->data, e->size))
		die("entry data outside the archive");
	if ((size_t)((const uint8_t *)e->data - base) % 4)
		die("entry data not 4-byte aligned");
	const char *p = e->name[0] == '/' ? e->name + 1 : e->name;
	for (;;) {
		size_t n = strcspn(p, "/");
		if (n == 0 || (n == 2 && p[0] == '.' && p[1] == '.'))
			die("entry name with an empty or \"..\" component");
		if (!p[n])
			break;
		p += n + 1;
	}
	uint32_t type = CPIO_TYPE(e->mode);
	if (type == CPIO_S_IFLNK && (e->size == 0 || memchr(e->data, 0, e->size)))
		die("bad symlink target accepted");
	if (type != CPIO_S_IFREG && type != CPIO_S_IFLNK && e->size)
		die("data on a type without data");
	/* Touch every byte, so ASan sees any stray pointer. */
	volatile uint8_t sink = 0;
	for (size_t i = 0; i < e->size; i++)
		sink ^= ((const uint8_t *)e->data)[i];
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *a = malloc(size ? size : 1);
	if (!a)
		return 0;
	memcpy(a, data, size);

	const char *why = NULL;
	int count = cpio_validate(a, size, &why);
	if (count < 0 && (count != ERR_BAD_FORMAT || !why || !*why))
		die("refused without ERR_BAD_FORMAT and a reason");

	/* Iterate whether or not the whole archive is good: the records before
	 * a bad one are still handed out and must be sound. */
	size_t off = 0;
	int seen = 0, rc;
	struct cpio_entry e, first = { 0 }, last = { 0 };
	while ((rc = cpio_next(a, size, &off, &e, &why)) == 1) {
		check_entry(a, size, &e);
		if (!seen)
			first = e;
		last = e;
		if (off > size || ++seen > (int)(size / CPIO_HEADER_SIZE))
			die("cpio_next ran past the archive");
	}
	if (count >= 0 && (rc != 0 || seen != count))
		die("iteration disagrees with cpio_validate");

	/* Each lookup walks the whole archive again: a few forms are enough
	 * (relative with "./", absolute, "..", the root). */
	static const char *const paths[] = { "./bin/sh", "/hard1", "a/../b", "." };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct cpio_entry found;
		int r = cpio_find(a, size, paths[i], &found);
		if (count < 0 ? r != ERR_BAD_FORMAT : r != 0 && r != ERR_NOT_FOUND)
			die("cpio_find disagrees with cpio_validate");
		if (r == 0)
			check_entry(a, size, &found);
	}
	if (count > 0) {
		const struct cpio_entry *probe[] = { &first, &last };
		for (int i = 0; i < 2; i++) {
			struct cpio_entry found;
			if (cpio_find(a, size, probe[i]->name, &found) != 0)
				die("cpio_find misses a name the archive holds");
			check_entry(a, size, &found);
		}
	}
	free(a);
	return 0;
}
