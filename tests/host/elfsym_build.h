/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small ELF64 file for the symbolizer's host test and fuzzer
 * (lib/c/elf/elfsym.c): an ELF header, a .symtab and its .strtab, and the
 * section headers (null, symtab, strtab, a .text at [0x1000, 0x3000)) at
 * the end. Its functions, in .text: alpha [0x1000, 0x1040), beta
 * [0x1040, 0x1060), tail at 0x2000 with no size (so up to 0x3000), plus an object, an undefined
 * function and one whose name is out of range, which a lookup must never answer with.
 */
#ifndef ELFSYM_BUILD_H
#define ELFSYM_BUILD_H

#include <stdint.h>
#include <string.h>

#define EB_SYMTAB 64
#define EB_NSYMS 7
#define EB_STRTAB (EB_SYMTAB + EB_NSYMS * 24)
#define EB_STRS "\0alpha\0beta\0tail\0object\0undef\0"
#define EB_STRSIZE (sizeof(EB_STRS) - 1)
#define EB_SHOFF ((EB_STRTAB + EB_STRSIZE + 7) & ~7u)
#define EB_SIZE (EB_SHOFF + 4 * 64)

static inline void eb_put(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static inline void eb_sym(uint8_t *f, int i, uint32_t name, uint8_t type, uint16_t shndx,
			  uint64_t value, uint64_t size)
{
	uint8_t *e = f + EB_SYMTAB + i * 24;
	eb_put(e, name, 4);
	e[4] = (uint8_t)(0x10 | type); /* global */
	eb_put(e + 6, shndx, 2);
	eb_put(e + 8, value, 8);
	eb_put(e + 16, size, 8);
}

static inline void eb_shdr(uint8_t *f, int i, uint32_t type, uint64_t off, uint64_t size,
			   uint32_t link, uint64_t entsize)
{
	uint8_t *h = f + EB_SHOFF + i * 64;
	eb_put(h + 4, type, 4);
	eb_put(h + 24, off, 8);
	eb_put(h + 32, size, 8);
	eb_put(h + 40, link, 4);
	eb_put(h + 56, entsize, 8);
}

/* Fills f (EB_SIZE bytes). */
static inline void eb_build(uint8_t *f)
{
	memset(f, 0, EB_SIZE);
	memcpy(f, "\177ELF\2\1\1", 7);
	eb_put(f + 40, EB_SHOFF, 8);
	eb_put(f + 58, 64, 2);
	eb_put(f + 60, 4, 2);
	eb_sym(f, 1, 1, 2, 3, 0x1000, 0x40); /* alpha */
	eb_sym(f, 2, 7, 2, 3, 0x1040, 0x20); /* beta */
	eb_sym(f, 3, 12, 2, 3, 0x2000, 0); /* tail */
	eb_sym(f, 4, 17, 1, 3, 0x1050, 0x100); /* object: not a function */
	eb_sym(f, 5, 24, 2, 0, 0x1050, 0x10); /* undef: no section */
	eb_sym(f, 6, 9999, 2, 3, 0x1058, 0x4); /* its name is out of range */
	memcpy(f + EB_STRTAB, EB_STRS, EB_STRSIZE);
	eb_shdr(f, 1, 2, EB_SYMTAB, EB_NSYMS * 24, 2, 24);
	eb_shdr(f, 3, 1, 0, 0x2000, 0, 0); /* .text: [0x1000, 0x3000) */
	eb_put(f + EB_SHOFF + 3 * 64 + 16, 0x1000, 8);
	eb_shdr(f, 2, 3, EB_STRTAB, EB_STRSIZE, 0, 0);
}

#endif
