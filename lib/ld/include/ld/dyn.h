/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The dynamic section of a loaded ELF64 object, read and checked: its
 * tables (symbols, strings, hash tables, relocations, init and fini
 * arrays, DT_NEEDED) are found through a view of the object's memory, and
 * every access (each table, each symbol, each string, each relocation's
 * target) is bounds-checked against that view first. A malformed or
 * hostile object is refused with a message naming the problem. Pure code,
 * shared by vg_spawn (relative relocations of position-independent
 * programs and of ld.so), ld.so, the host tests and the fuzzer.
 */
#ifndef LD_DYN_H
#define LD_DYN_H

#include <kernel/elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint32_t st_name;
	uint8_t st_info;
	uint8_t st_other;
	uint16_t st_shndx;
	uint64_t st_value;
	uint64_t st_size;
} Elf64_Sym;

typedef struct {
	uint64_t r_offset;
	uint64_t r_info;
	int64_t r_addend;
} Elf64_Rela;

_Static_assert(sizeof(Elf64_Sym) == 24, "Elf64_Sym layout");
_Static_assert(sizeof(Elf64_Rela) == 24, "Elf64_Rela layout");

#define STB_LOCAL 0
#define STB_GLOBAL 1
#define STB_WEAK 2
#define STT_FUNC 2
#define STT_TLS 6
#define SHN_UNDEF 0

/* An object's memory: its PT_LOADs at their link-time addresses (vaddr),
 * each backed by mem (memsz bytes, writable or not). */
struct ld_view {
	struct {
		uint64_t vaddr, memsz;
		uint8_t *mem;
		bool writable;
	} seg[ELF_MAX_LOAD];
	int n;
};

/* The bytes [vaddr, vaddr + size) if one segment holds them all (and it is
 * writable, if write), else NULL. */
void *ld_at(const struct ld_view *v, uint64_t vaddr, uint64_t size, bool write);

#define LD_MAX_NEEDED 16

struct ld_dyn {
	const char *strtab; /* strsz bytes, the last one NUL */
	uint64_t strsz;
	const Elf64_Sym *symtab; /* nsyms entries, all inside the view */
	uint64_t nsyms;
	/* DT_GNU_HASH, checked whole: every bucket and chain inside. */
	const uint32_t *gh_buckets, *gh_chain;
	const uint64_t *gh_bloom;
	uint32_t gh_nbuckets, gh_symoffset, gh_bloom_words, gh_bloom_shift;
	/* DT_HASH, when there is no DT_GNU_HASH. */
	const uint32_t *h_buckets, *h_chain;
	uint32_t h_nbuckets;
	const Elf64_Rela *rela, *jmprel;
	uint64_t nrela, njmprel;
	/* Function-pointer arrays, inside the view (read after relocation). */
	uint64_t preinit_array, n_preinit, init_array, n_init, fini_array, n_fini;
	uint32_t needed[LD_MAX_NEEDED]; /* DT_NEEDED names: strtab offsets */
	int n_needed;
	bool has_soname;
	uint32_t soname;
};

/* Reads the dynamic section at [dyn_vaddr, + dyn_size) of the object in v.
 * NULL, or what is wrong. */
const char *ld_dyn_parse(const struct ld_view *v, uint64_t dyn_vaddr, uint64_t dyn_size,
			 struct ld_dyn *d);

/* The string at strtab offset off (checked), or NULL. */
const char *ld_str(const struct ld_dyn *d, uint64_t off);

uint32_t ld_gnu_hash(const char *name);
uint32_t ld_sysv_hash(const char *name);
/* The object's definition of name (a defined global or weak symbol), found
 * through its hash table; NULL if it has none. With plt_ok, an undefined
 * function with an address counts too: an executable's canonical PLT
 * entry, which is the function's address for everyone but the PLT itself
 * (so that function pointers compare equal everywhere). */
const Elf64_Sym *ld_lookup(const struct ld_dyn *d, const char *name, bool plt_ok);
/* The same with name's ld_gnu_hash given: a name looked up in several
 * objects is hashed once. */
const Elf64_Sym *ld_lookup_hashed(const struct ld_dyn *d, const char *name, uint32_t gnu_hash,
				  bool plt_ok);
/* Whether symbol i of d is one ld_lookup can answer with (hashed, defined,
 * global or weak): a module's own definition, which it need not look up
 * when no module before it in the scope defines the name (lib/ld/link.c). */
bool ld_defines(const struct ld_dyn *d, uint64_t i);
/* For symbol i of d that ld_defines, with DT_GNU_HASH: its name's GNU hash
 * but for bit 0, which the chain word keeps in place of it (so that a
 * module's own names need not be hashed again). */
uint32_t ld_chain_hash(const struct ld_dyn *d, uint64_t i);
/* False when d's bloom filter says it defines no name whose GNU hash is
 * h or h | 1; true when it may, or has no GNU hash table. */
bool ld_may_define(const struct ld_dyn *d, uint32_t h);

/* What a relocation does, whatever the architecture calls it. */
enum ld_rkind {
	LD_R_NONE,
	LD_R_RELATIVE, /* base + A */
	LD_R_ABS, /* S + A (ABS64, GLOB_DAT) */
	LD_R_JUMP_SLOT, /* S + A, for a PLT entry */
	LD_R_COPY, /* st_size bytes of the definition elsewhere */
	LD_R_DTPMOD, /* the TLS module's id */
	LD_R_DTPOFF, /* S + A within the module's TLS block */
	LD_R_TPOFF, /* S + A from the thread pointer (static TLS) */
	LD_R_TLSDESC, /* AArch64: a descriptor of two words */
	LD_R_UNKNOWN,
};
enum ld_rkind ld_rkind(uint16_t machine, uint32_t type);
/* What the architecture subtracts from offsets in a TLS block (DTPOFF
 * relocations, and what the linker fills in for the executable) and
 * __tls_get_addr adds back: 0x800 on RISC-V (its psABI), else 0. */
uint64_t ld_dtp_bias(uint16_t machine);

/* A symbol's definition, as the resolver finds it. */
struct ld_def {
	uint64_t value; /* address (or, for TLS, offset in the module's block) */
	const void *copy_from; /* LD_R_COPY: the definition's bytes */
	uint64_t size;
	uint64_t tls_module; /* TLS: the defining module's id */
	bool tls_static; /* TLS: the module's block is in static TLS ... */
	int64_t tls_tpoff; /* ... at this offset from the thread pointer */
};
/* Finds symbol index sym of the relocated object for a relocation of kind
 * (sym 0: the object itself, for TLS module relocations; a copy
 * relocation's definition is looked for outside the object). NULL, or why not (an undefined
 * symbol: *name gets it). */
typedef const char *(*ld_resolve_fn)(void *ctx, uint64_t sym, enum ld_rkind kind,
				     struct ld_def *def, const char **name);
/* AArch64 TLS descriptors: fills the descriptor's two words. */
typedef const char *(*ld_tlsdesc_fn)(void *ctx, const struct ld_def *def, int64_t addend,
				     uint64_t desc[2]);

struct ld_reloc_ctx {
	uint16_t machine;
	uint64_t base; /* load bias */
	ld_resolve_fn resolve; /* NULL: only RELATIVE (and NONE) allowed */
	ld_tlsdesc_fn tlsdesc;
	void *ctx;
	const char *name; /* out: the symbol a failure concerns, or NULL */
};

/* Applies d's relocations (DT_RELA, then DT_JMPREL) in v. NULL, or what is
 * wrong; nothing is undone after a failure (the object is dropped). */
const char *ld_relocate(const struct ld_view *v, const struct ld_dyn *d, struct ld_reloc_ctx *rc);

#endif
