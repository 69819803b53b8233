/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small shared object built in memory for the tests and the fuzzer of
 * lib/ld/dyn.c: one writable segment at LDB_VA holding a dynamic section,
 * strings, symbols, a GNU (or SysV) hash table, relocations of x86_64
 * types and a data area, plus a read-only segment after it. The tests
 * break one part at a time and expect the parser to say which.
 */
#ifndef LDDYN_BUILD_H
#define LDDYN_BUILD_H

#include <ld/dyn.h>
#include <string.h>

#define LDB_VA 0x10000u
#define LDB_SIZE 4096u
#define LDB_RO_VA 0x20000u
/* Offsets in the writable segment. */
#define LDB_DYN 0x000u
#define LDB_STR 0x200u
#define LDB_SYM 0x300u
#define LDB_HASH 0x500u
#define LDB_RELA 0x700u
#define LDB_INIT 0x8f0u
#define LDB_DATA 0x900u
#define LDB_NSYMS 6
#define LDB_NRELA 7

struct ldb {
	_Alignas(16) uint8_t mem[LDB_SIZE];
	_Alignas(16) uint8_t ro[LDB_SIZE];
	struct ld_view v;
	int ndyn;
};

/* Symbol names: 1 foo (function), 2 bar (object), 3 ext (undefined),
 * 4 weak_ext (undefined, weak), 5 tlsvar (TLS). */
static const char *const ldb_names[LDB_NSYMS] = { "", "foo", "bar", "ext", "weak_ext", "tlsvar" };

static inline Elf64_Dyn *ldb_dyn(struct ldb *o)
{
	return (Elf64_Dyn *)(o->mem + LDB_DYN);
}

static inline void ldb_add_dyn(struct ldb *o, int64_t tag, uint64_t val)
{
	ldb_dyn(o)[o->ndyn++] = (Elf64_Dyn){ tag, val };
	ldb_dyn(o)[o->ndyn] = (Elf64_Dyn){ 0, 0 };
}

/* Replaces the value of the first entry tagged tag. */
static inline void ldb_set_dyn(struct ldb *o, int64_t tag, uint64_t val)
{
	for (int i = 0; i < o->ndyn; i++)
		if (ldb_dyn(o)[i].d_tag == tag)
			ldb_dyn(o)[i].d_val = val;
}

/* Gives the first entry tagged tag the tag to instead. */
static inline void ldb_retag_dyn(struct ldb *o, int64_t tag, int64_t to)
{
	for (int i = 0; i < o->ndyn; i++)
		if (ldb_dyn(o)[i].d_tag == tag) {
			ldb_dyn(o)[i].d_tag = to;
			return;
		}
}

static inline Elf64_Sym *ldb_sym(struct ldb *o, int i)
{
	return (Elf64_Sym *)(o->mem + LDB_SYM) + i;
}

static inline Elf64_Rela *ldb_rela(struct ldb *o, int i)
{
	return (Elf64_Rela *)(o->mem + LDB_RELA) + i;
}

static inline uint32_t *ldb_u32(struct ldb *o, uint32_t off)
{
	return (uint32_t *)(o->mem + off);
}

/* The object; sysv: a DT_HASH table instead of DT_GNU_HASH. */
static inline void ldb_build(struct ldb *o, bool sysv)
{
	memset(o, 0, sizeof(*o));
	o->v.n = 2;
	o->v.seg[0].vaddr = LDB_VA, o->v.seg[0].memsz = LDB_SIZE;
	o->v.seg[0].mem = o->mem, o->v.seg[0].writable = true;
	o->v.seg[1].vaddr = LDB_RO_VA, o->v.seg[1].memsz = LDB_SIZE;
	o->v.seg[1].mem = o->ro, o->v.seg[1].writable = false;
	/* Strings: "\0libneed.so\0foo\0bar\0..." */
	uint32_t str = 1, name_off[LDB_NSYMS] = { 0 };
	memcpy(o->mem + LDB_STR + str, "libneed.so", 11);
	uint32_t needed = str;
	str += 11;
	for (int i = 1; i < LDB_NSYMS; i++) {
		size_t n = strlen(ldb_names[i]) + 1;
		memcpy(o->mem + LDB_STR + str, ldb_names[i], n);
		name_off[i] = str;
		str += (uint32_t)n;
	}
	static const struct {
		uint8_t info;
		uint16_t shndx;
		uint64_t value;
	} syms[LDB_NSYMS] = { { 0, 0, 0 },    { 0x12, 1, 0x100 }, { 0x11, 2, 0x200 },
			      { 0x10, 0, 0 }, { 0x20, 0, 0 },	  { 0x16, 3, 8 } };
	for (int i = 1; i < LDB_NSYMS; i++) {
		Elf64_Sym *s = ldb_sym(o, i);
		s->st_name = name_off[i];
		s->st_info = syms[i].info;
		s->st_shndx = syms[i].shndx;
		s->st_value = syms[i].value;
		s->st_size = 8;
	}
	if (sysv) {
		/* 2 buckets, a chain per symbol. */
		uint32_t *h = ldb_u32(o, LDB_HASH);
		h[0] = 2, h[1] = LDB_NSYMS;
		uint32_t *bucket = h + 2, *chain = h + 4;
		for (uint32_t i = 1; i < LDB_NSYMS; i++) {
			uint32_t b = ld_sysv_hash(ldb_names[i]) % 2;
			chain[i] = bucket[b];
			bucket[b] = i;
		}
		ldb_add_dyn(o, 4 /* DT_HASH */, LDB_VA + LDB_HASH);
	} else {
		/* One bucket holding symbols 1..5 (symoffset 1), one bloom word. */
		uint32_t *h = ldb_u32(o, LDB_HASH);
		h[0] = 1, h[1] = 1, h[2] = 1, h[3] = 6;
		uint64_t bloom = 0;
		uint32_t *bucket = h + 6, *chain = h + 7;
		bucket[0] = 1;
		for (int i = 1; i < LDB_NSYMS; i++) {
			uint32_t hv = ld_gnu_hash(ldb_names[i]);
			bloom |= 1ull << (hv % 64) | 1ull << ((hv >> 6) % 64);
			chain[i - 1] = (hv & ~1u) | (i == LDB_NSYMS - 1);
		}
		memcpy(h + 4, &bloom, 8);
		ldb_add_dyn(o, 0x6ffffef5 /* DT_GNU_HASH */, LDB_VA + LDB_HASH);
	}
	/* Relocations (x86_64): RELATIVE, 64 (foo + 4), GLOB_DAT (ext),
	 * JUMP_SLOT (weak_ext), TPOFF64, DTPMOD64, DTPOFF64 (tlsvar). */
	static const struct {
		uint32_t type, sym;
		int64_t addend;
	} rel[LDB_NRELA] = { { 8, 0, 0x40 }, { 1, 1, 4 },  { 6, 3, 0 }, { 7, 4, 0 },
			     { 18, 5, 0 },   { 16, 5, 0 }, { 17, 5, 2 } };
	for (int i = 0; i < LDB_NRELA; i++) {
		Elf64_Rela *r = ldb_rela(o, i);
		r->r_offset = LDB_VA + LDB_DATA + 8u * (unsigned)i;
		r->r_info = (uint64_t)rel[i].sym << 32 | rel[i].type;
		r->r_addend = rel[i].addend;
	}
	ldb_add_dyn(o, 1 /* DT_NEEDED */, needed);
	ldb_add_dyn(o, 5 /* DT_STRTAB */, LDB_VA + LDB_STR);
	ldb_add_dyn(o, 10 /* DT_STRSZ */, str);
	ldb_add_dyn(o, 6 /* DT_SYMTAB */, LDB_VA + LDB_SYM);
	ldb_add_dyn(o, 11 /* DT_SYMENT */, sizeof(Elf64_Sym));
	ldb_add_dyn(o, 7 /* DT_RELA */, LDB_VA + LDB_RELA);
	ldb_add_dyn(o, 8 /* DT_RELASZ */, LDB_NRELA * sizeof(Elf64_Rela));
	ldb_add_dyn(o, 9 /* DT_RELAENT */, sizeof(Elf64_Rela));
	ldb_add_dyn(o, 25 /* DT_INIT_ARRAY */, LDB_VA + LDB_INIT);
	ldb_add_dyn(o, 27 /* DT_INIT_ARRAYSZ */, 16);
}

#endif
