/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Symbol lookup in an ELF64 file held in memory (lib/c/elf/elfsym.c), for
 * the crash report's backtrace. The file is untrusted (a program from the
 * boot archive, whatever it holds): elfsym_open checks the headers and the
 * chosen tables against the file's length before anything reads them, and
 * elfsym_lookup only ever reads inside them. Fields are read with memcpy,
 * so the file needs no alignment (cpio data is 4-byte aligned).
 */
#ifndef LIBC_INTERNAL_ELFSYM_H
#define LIBC_INTERNAL_ELFSYM_H

#include <stddef.h>
#include <stdint.h>

struct elfsym {
	const unsigned char *file;
	size_t len;
	uint64_t symoff, nsyms; /* the symbol table: 24-byte entries */
	uint64_t stroff, strsize; /* its string table, ending in a NUL */
	uint64_t shoff, shnum; /* the section headers */
};

/* A name longer than this is cut (a report line stays short). */
#define ELFSYM_NAME_MAX 127

/* Checks file as an ELF64 little-endian file and picks its symbol table
 * (.symtab, else .dynsym) and that table's string table. NULL on
 * success, else why the file was refused. */
const char *elfsym_open(struct elfsym *s, const void *file, size_t len);

/* The function symbol holding vaddr (a link-time address): a sized
 * function whose range contains it, else the nearest unsized one below it
 * in the same section (vaddr inside that section's addresses).
 * Its name goes to name (at most ELFSYM_NAME_MAX characters, anything but
 * printable ASCII as '?', always terminated) and the offset of vaddr from
 * it to *off. 0 if found, -1 if no symbol holds vaddr. */
int elfsym_lookup(const struct elfsym *s, uint64_t vaddr, char name[ELFSYM_NAME_MAX + 1],
		  uint64_t *off);

#endif
