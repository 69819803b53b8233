// SPDX-License-Identifier: BSD-2-Clause
// Symbol lookup in an untrusted ELF64 file (lib/c/internal/elfsym.h): the
// crash report names each backtrace address "function+0xoff" with it.
// Every offset and size is checked against the file with overflow-safe
// arithmetic before it is used; the tables are then scanned linearly (a
// crash happens once: no index is worth building).
#include <string.h>

#include "../internal/elfsym.h"

#define EHDR_SIZE 64
#define SHDR_SIZE 64
#define SYM_SIZE 24
#define SHT_SYMTAB 2
#define SHT_STRTAB 3
#define SHT_DYNSYM 11
#define STT_FUNC 2
#define STT_GNU_IFUNC 10

static uint64_t rd(const unsigned char *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = n; i-- > 0;)
		v = v << 8 | p[i]; /* little-endian, whatever the host */
	return v;
}

/* Whether [off, off + size) lies inside the file. */
static int inside(const struct elfsym *s, uint64_t off, uint64_t size)
{
	return off <= s->len && size <= s->len - off;
}

/* Section i's header (already known to be inside the file). */
static const unsigned char *shdr(const struct elfsym *s, uint64_t shoff, uint64_t i)
{
	return s->file + shoff + i * SHDR_SIZE;
}

/* The first section of type, or shnum. */
static uint64_t find_section(const struct elfsym *s, uint64_t shoff, uint64_t shnum, uint32_t type)
{
	for (uint64_t i = 0; i < shnum; i++)
		if (rd(shdr(s, shoff, i) + 4, 4) == type)
			return i;
	return shnum;
}

const char *elfsym_open(struct elfsym *s, const void *file, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->file = file;
	s->len = len;
	const unsigned char *h = file;
	if (!file || len < EHDR_SIZE || memcmp(h, "\177ELF", 4))
		return "not an ELF file";
	if (h[4] != 2 || h[5] != 1 || h[6] != 1)
		return "not a 64-bit little-endian ELF file of version 1";
	uint64_t shoff = rd(h + 40, 8), shentsize = rd(h + 58, 2), shnum = rd(h + 60, 2);
	if (shnum == 0)
		return "no section headers";
	if (shentsize != SHDR_SIZE)
		return "unexpected section header size";
	if (!inside(s, shoff, shnum * SHDR_SIZE))
		return "section headers outside the file";
	uint64_t sym = find_section(s, shoff, shnum, SHT_SYMTAB);
	if (sym == shnum)
		sym = find_section(s, shoff, shnum, SHT_DYNSYM);
	if (sym == shnum)
		return "no symbol table";
	const unsigned char *t = shdr(s, shoff, sym);
	uint64_t off = rd(t + 24, 8), size = rd(t + 32, 8), link = rd(t + 40, 4),
		 entsize = rd(t + 56, 8);
	if (entsize != SYM_SIZE || size % SYM_SIZE)
		return "bad symbol table entry size";
	if (!inside(s, off, size))
		return "symbol table outside the file";
	if (link >= shnum || link == sym)
		return "bad string table link";
	const unsigned char *st = shdr(s, shoff, link);
	uint64_t stroff = rd(st + 24, 8), strsize = rd(st + 32, 8);
	if (rd(st + 4, 4) != SHT_STRTAB)
		return "string table link is not a string table";
	if (strsize == 0 || !inside(s, stroff, strsize))
		return "string table outside the file";
	if (s->file[stroff + strsize - 1] != 0)
		return "string table not terminated"; /* then every name ends inside */
	s->shoff = shoff;
	s->shnum = shnum;
	s->symoff = off;
	s->nsyms = size / SYM_SIZE;
	s->stroff = stroff;
	s->strsize = strsize;
	return NULL;
}

/* Whether vaddr lies inside section i's addresses (an unsized symbol
 * claims nothing beyond its section). */
static int in_section(const struct elfsym *s, uint64_t i, uint64_t vaddr)
{
	if (i >= s->shnum)
		return 0; /* also the reserved indexes (SHN_ABS...) */
	const unsigned char *h = shdr(s, s->shoff, i);
	uint64_t addr = rd(h + 16, 8), size = rd(h + 32, 8);
	return vaddr >= addr && vaddr - addr < size;
}

int elfsym_lookup(const struct elfsym *s, uint64_t vaddr, char name[ELFSYM_NAME_MAX + 1],
		  uint64_t *off)
{
	/* best_sized: the sized function holding vaddr that starts highest;
	 * best_any: the unsized one nearest below, used only without one. */
	uint64_t best_sized = s->nsyms, best_any = s->nsyms, sized_val = 0, any_val = 0;
	for (uint64_t i = 0; i < s->nsyms; i++) {
		const unsigned char *e = s->file + s->symoff + i * SYM_SIZE;
		unsigned type = e[4] & 0xf;
		uint64_t shndx = rd(e + 6, 2), value = rd(e + 8, 8), size = rd(e + 16, 8);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) || shndx == 0 || value > vaddr ||
		    rd(e, 4) >= s->strsize)
			continue;
		if (size) {
			if (vaddr - value < size && (best_sized == s->nsyms || value > sized_val))
				best_sized = i, sized_val = value;
		} else if ((best_any == s->nsyms || value > any_val) &&
			   in_section(s, shndx, vaddr)) {
			best_any = i, any_val = value;
		}
	}
	uint64_t i = best_sized != s->nsyms ? best_sized : best_any;
	if (i == s->nsyms)
		return -1;
	const unsigned char *e = s->file + s->symoff + i * SYM_SIZE;
	const char *str = (const char *)s->file + s->stroff + rd(e, 4);
	size_t n = 0;
	for (; n < ELFSYM_NAME_MAX && str[n]; n++)
		name[n] = str[n] >= 0x20 && str[n] < 0x7f ? str[n] : '?';
	name[n] = 0;
	*off = vaddr - rd(e + 8, 8);
	return 0;
}
