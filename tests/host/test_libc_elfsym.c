// SPDX-License-Identifier: BSD-2-Clause
// The crash report's symbolizer (lib/c/elf/elfsym.c) on a crafted file
// (tests/host/elfsym_build.h): lookups inside, between and beyond its
// functions, the .dynsym fallback, and refusals of broken headers and
// tables, each with its reason.
#define elfsym_open vgc_elfsym_open
#define elfsym_lookup vgc_elfsym_lookup
#include "../../lib/c/internal/elfsym.h"

#include <stdio.h>
#include <vtest.h>

#include "elfsym_build.h"

static uint8_t file[EB_SIZE];

static const char *open_built(struct elfsym *s)
{
	return elfsym_open(s, file, sizeof(file));
}

/* The name and offset for vaddr, as "name+0xoff", or "-" for none. */
static const char *at(const struct elfsym *s, uint64_t vaddr)
{
	static char out[ELFSYM_NAME_MAX + 32];
	char name[ELFSYM_NAME_MAX + 1];
	uint64_t off;
	if (elfsym_lookup(s, vaddr, name, &off))
		return "-";
	snprintf(out, sizeof(out), "%s+%#llx", name, (unsigned long long)off);
	return out;
}

TEST(elfsym, lookups)
{
	struct elfsym s;
	eb_build(file);
	CHECK(open_built(&s) == NULL);
	CHECK_STREQ(at(&s, 0x1000), "alpha+0");
	CHECK_STREQ(at(&s, 0x103f), "alpha+0x3f");
	CHECK_STREQ(at(&s, 0x1044), "beta+0x4");
	/* Past beta: no sized function; tail is above: nothing holds it. */
	CHECK_STREQ(at(&s, 0x1060), "-");
	CHECK_STREQ(at(&s, 0xfff), "-");
	/* tail has no size: the nearest unsized function below. */
	CHECK_STREQ(at(&s, 0x2345), "tail+0x345");
	CHECK_STREQ(at(&s, 0x2fff), "tail+0xfff");
	/* ... but not past its section. */
	CHECK_STREQ(at(&s, 0x3000), "-");
	CHECK_STREQ(at(&s, 0xdeadbeef), "-");
	/* 0x1058 is inside beta; the object, the undefined and the badly
	 * named function there are never the answer. */
	CHECK_STREQ(at(&s, 0x1058), "beta+0x18");
}

TEST(elfsym, dynsym_fallback_and_names_sanitized)
{
	struct elfsym s;
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 4, 11, 4); /* SHT_DYNSYM */
	file[EB_STRTAB + 2] = '\n'; /* "a\npha" */
	CHECK(open_built(&s) == NULL);
	CHECK_STREQ(at(&s, 0x1001), "a?pha+0x1");
}

TEST(elfsym, refusals)
{
	struct elfsym s;
	eb_build(file);
	CHECK(elfsym_open(&s, file, 63) != NULL);
	CHECK(elfsym_open(&s, NULL, 0) != NULL);
	CHECK(elfsym_open(&s, file, EB_SIZE - 1) != NULL); /* section headers cut */
	file[4] = 1; /* 32-bit */
	CHECK_STREQ(open_built(&s), "not a 64-bit little-endian ELF file of version 1");
	eb_build(file);
	eb_put(file + 58, 40, 2);
	CHECK_STREQ(open_built(&s), "unexpected section header size");
	eb_build(file);
	eb_put(file + 40, (uint64_t)-64, 8); /* wraps */
	CHECK_STREQ(open_built(&s), "section headers outside the file");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 4, 1, 4); /* no symbol table left */
	CHECK_STREQ(open_built(&s), "no symbol table");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 56, 16, 8);
	CHECK_STREQ(open_built(&s), "bad symbol table entry size");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 32, 24ull << 58, 8); /* huge: offset + size wraps */
	CHECK_STREQ(open_built(&s), "symbol table outside the file");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 24, EB_SIZE - 24, 8); /* runs past the end */
	CHECK_STREQ(open_built(&s), "symbol table outside the file");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 40, 1, 4); /* linked to itself */
	CHECK_STREQ(open_built(&s), "bad string table link");
	eb_build(file);
	eb_put(file + EB_SHOFF + 64 + 40, 9, 4);
	CHECK_STREQ(open_built(&s), "bad string table link");
	eb_build(file);
	eb_put(file + EB_SHOFF + 128 + 4, 1, 4);
	CHECK_STREQ(open_built(&s), "string table link is not a string table");
	eb_build(file);
	eb_put(file + EB_SHOFF + 128 + 32, EB_SIZE, 8);
	CHECK_STREQ(open_built(&s), "string table outside the file");
	eb_build(file);
	file[EB_STRTAB + EB_STRSIZE - 1] = 'x';
	CHECK_STREQ(open_built(&s), "string table not terminated");
}

TEST(elfsym, long_names_cut)
{
	static uint8_t big[4096];
	struct elfsym s;
	eb_build(file);
	memcpy(big, file, EB_SIZE);
	/* A new string table past the old file: one 300-character name. */
	uint64_t str = EB_SIZE;
	memset(big + str + 1, 'n', 300);
	eb_put(big + EB_SHOFF + 128 + 24, str, 8);
	eb_put(big + EB_SHOFF + 128 + 32, 302, 8);
	eb_put(big + EB_SYMTAB + 24, 1, 4); /* alpha's name */
	CHECK(elfsym_open(&s, big, sizeof(big)) == NULL);
	char name[ELFSYM_NAME_MAX + 1];
	uint64_t off;
	CHECK_EQ_I(elfsym_lookup(&s, 0x1010, name, &off), 0);
	CHECK_EQ_U(strlen(name), ELFSYM_NAME_MAX);
	CHECK_EQ_U(off, 0x10);
}
