// SPDX-License-Identifier: BSD-2-Clause
// Reading and checking an object's dynamic section, its symbol lookup and
// its relocations; see include/ld/dyn.h. Nothing here trusts an address
// the object gives: each goes through ld_at, which answers only for bytes
// inside one of the object's segments.
#include <kernel/string.h>
#include <ld/dyn.h>

#define DT_NULL 0
#define DT_NEEDED 1
#define DT_PLTRELSZ 2
#define DT_HASH 4
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define DT_RELA 7
#define DT_RELASZ 8
#define DT_RELAENT 9
#define DT_STRSZ 10
#define DT_SYMENT 11
#define DT_INIT 12
#define DT_FINI 13
#define DT_SONAME 14
#define DT_REL 17
#define DT_RELSZ 18
#define DT_PLTREL 20
#define DT_TEXTREL 22
#define DT_JMPREL 23
#define DT_INIT_ARRAY 25
#define DT_FINI_ARRAY 26
#define DT_INIT_ARRAYSZ 27
#define DT_FINI_ARRAYSZ 28
#define DT_FLAGS 30
#define DT_PREINIT_ARRAY 32
#define DT_PREINIT_ARRAYSZ 33
#define DT_RELR 36
#define DT_GNU_HASH 0x6ffffef5
#define DF_TEXTREL 0x4

void *ld_at(const struct ld_view *v, uint64_t vaddr, uint64_t size, bool write)
{
	for (int i = 0; i < v->n; i++) {
		uint64_t lo = v->seg[i].vaddr, len = v->seg[i].memsz;
		if (vaddr >= lo && vaddr - lo <= len && size <= len - (vaddr - lo)) {
			if (write && !v->seg[i].writable)
				return NULL;
			return v->seg[i].mem + (vaddr - lo);
		}
	}
	return NULL;
}

/* What the dynamic array says, before the tables are checked. */
struct raw_dyn {
	uint64_t strtab, strsz, symtab, syment, gnu_hash, hash;
	uint64_t rela, relasz, relaent, jmprel, pltrelsz, pltrel;
	bool has_strtab, has_symtab, has_gnu_hash, has_hash, has_rela, has_jmprel, has_pltrel;
};

static const char *read_entry(int64_t tag, uint64_t val, struct raw_dyn *r, struct ld_dyn *d)
{
	switch (tag) {
	case DT_NEEDED:
		if (d->n_needed == LD_MAX_NEEDED)
			return "too many DT_NEEDED entries";
		if (val > UINT32_MAX)
			return "DT_NEEDED name offset out of range";
		d->needed[d->n_needed++] = (uint32_t)val;
		break;
	case DT_SONAME:
		if (val > UINT32_MAX)
			return "DT_SONAME name offset out of range";
		d->has_soname = true;
		d->soname = (uint32_t)val;
		break;
	case DT_STRTAB: r->strtab = val, r->has_strtab = true; break;
	case DT_STRSZ: r->strsz = val; break;
	case DT_SYMTAB: r->symtab = val, r->has_symtab = true; break;
	case DT_SYMENT: r->syment = val; break;
	case DT_GNU_HASH: r->gnu_hash = val, r->has_gnu_hash = true; break;
	case DT_HASH: r->hash = val, r->has_hash = true; break;
	case DT_RELA: r->rela = val, r->has_rela = true; break;
	case DT_RELASZ: r->relasz = val; break;
	case DT_RELAENT: r->relaent = val; break;
	case DT_JMPREL: r->jmprel = val, r->has_jmprel = true; break;
	case DT_PLTRELSZ: r->pltrelsz = val; break;
	case DT_PLTREL: r->pltrel = val, r->has_pltrel = true; break;
	case DT_INIT_ARRAY: d->init_array = val; break;
	case DT_INIT_ARRAYSZ: d->n_init = val; break;
	case DT_FINI_ARRAY: d->fini_array = val; break;
	case DT_FINI_ARRAYSZ: d->n_fini = val; break;
	case DT_PREINIT_ARRAY: d->preinit_array = val; break;
	case DT_PREINIT_ARRAYSZ: d->n_preinit = val; break;
	/* Refused rather than half-supported. */
	case DT_REL:
	case DT_RELSZ: return "REL relocations (DT_REL) are not used on 64-bit targets";
	case DT_RELR: return "packed relative relocations (DT_RELR) are not supported";
	case DT_TEXTREL: return "relocations in read-only segments (DT_TEXTREL)";
	case DT_FLAGS:
		if (val & DF_TEXTREL)
			return "relocations in read-only segments (DF_TEXTREL)";
		break;
	case DT_INIT:
	case DT_FINI:
		if (val)
			return "DT_INIT/DT_FINI functions are not supported (use init/fini arrays)";
		break;
	default: break; /* DT_DEBUG, versions, flags: nothing to check or use */
	}
	return NULL;
}

/* Function-pointer array of n_bytes at vaddr: whole entries, inside. The
 * count is turned from bytes into entries. */
static const char *check_array(const struct ld_view *v, uint64_t vaddr, uint64_t *n,
			       const char *what)
{
	if (*n % 8 || (*n && !ld_at(v, vaddr, *n, false)) || vaddr % 8)
		return what;
	*n /= 8;
	return NULL;
}

/* The relocation table at vaddr of size bytes: whole, aligned entries. */
static const char *check_rela(const struct ld_view *v, uint64_t vaddr, uint64_t size,
			      const Elf64_Rela **out, uint64_t *n, const char *what)
{
	if (size % sizeof(Elf64_Rela) || vaddr % 8)
		return what;
	*out = size ? ld_at(v, vaddr, size, false) : NULL;
	if (size && !*out)
		return what;
	*n = size / sizeof(Elf64_Rela);
	return NULL;
}

/* DT_GNU_HASH: header, bloom filter, buckets, then one chain word per
 * symbol from symoffset on. The symbol count is where the last chain
 * ends: walking every chain checks the table whole. */
static const char *check_gnu_hash(const struct ld_view *v, uint64_t at, struct ld_dyn *d)
{
	const uint32_t *h = ld_at(v, at, 16, false);
	if (!h || at % 8)
		return "GNU hash table header outside the object or misaligned";
	d->gh_nbuckets = h[0], d->gh_symoffset = h[1];
	d->gh_bloom_words = h[2], d->gh_bloom_shift = h[3];
	if (d->gh_nbuckets == 0 || d->gh_bloom_words == 0 ||
	    (d->gh_bloom_words & (d->gh_bloom_words - 1)) || d->gh_bloom_shift >= 32)
		return "GNU hash table header is malformed";
	uint64_t bloom = at + 16, buckets = bloom + (uint64_t)d->gh_bloom_words * 8;
	uint64_t chain = buckets + (uint64_t)d->gh_nbuckets * 4;
	d->gh_bloom = ld_at(v, bloom, (uint64_t)d->gh_bloom_words * 8, false);
	d->gh_buckets = ld_at(v, buckets, (uint64_t)d->gh_nbuckets * 4, false);
	if (!d->gh_bloom || !d->gh_buckets)
		return "GNU hash table runs past the object";
	/* The chain words the segment holding the chain has room for: every
	 * chain must end inside them (one lookup of the room, not one per
	 * word: the walk covers every symbol). */
	uint64_t room = 0;
	for (int i = 0; i < v->n; i++)
		if (chain >= v->seg[i].vaddr && chain - v->seg[i].vaddr <= v->seg[i].memsz)
			room = (v->seg[i].memsz - (chain - v->seg[i].vaddr)) / 4;
	const uint32_t *words = room ? ld_at(v, chain, room * 4, false) : NULL;
	uint64_t nsyms = d->gh_symoffset;
	for (uint32_t b = 0; b < d->gh_nbuckets; b++) {
		uint64_t i = d->gh_buckets[b];
		if (i == 0)
			continue;
		if (i < d->gh_symoffset)
			return "GNU hash bucket points below the first hashed symbol";
		for (;; i++) {
			if (i - d->gh_symoffset >= room)
				return "GNU hash chain runs past the object";
			if (words[i - d->gh_symoffset] & 1)
				break;
		}
		if (i + 1 > nsyms)
			nsyms = i + 1;
	}
	d->gh_chain = ld_at(v, chain, (nsyms - d->gh_symoffset) * 4, false);
	d->nsyms = nsyms;
	return NULL;
}

static const char *check_sysv_hash(const struct ld_view *v, uint64_t at, struct ld_dyn *d)
{
	const uint32_t *h = ld_at(v, at, 8, false);
	if (!h || at % 4)
		return "hash table header outside the object or misaligned";
	d->h_nbuckets = h[0];
	d->nsyms = h[1];
	if (d->h_nbuckets == 0)
		return "hash table has no buckets";
	d->h_buckets = ld_at(v, at + 8, (uint64_t)d->h_nbuckets * 4 + d->nsyms * 4, false);
	if (!d->h_buckets)
		return "hash table runs past the object";
	d->h_chain = d->h_buckets + d->h_nbuckets;
	for (uint64_t i = 0; i < d->h_nbuckets + d->nsyms; i++)
		if (d->h_buckets[i] >= d->nsyms)
			return "hash table entry names a symbol past the table";
	return NULL;
}

static const char *check_tables(const struct ld_view *v, const struct raw_dyn *r, struct ld_dyn *d)
{
	if (!r->has_strtab || !r->has_symtab)
		return "no DT_STRTAB or DT_SYMTAB";
	if (r->syment != sizeof(Elf64_Sym))
		return "DT_SYMENT is not the size of an Elf64_Sym";
	d->strtab = ld_at(v, r->strtab, r->strsz, false);
	if (!d->strtab || r->strsz == 0 || d->strtab[r->strsz - 1] != 0)
		return "string table outside the object or not NUL-terminated";
	d->strsz = r->strsz;
	const char *err = r->has_gnu_hash ? check_gnu_hash(v, r->gnu_hash, d)
		: r->has_hash		  ? check_sysv_hash(v, r->hash, d)
					  : "no symbol hash table (DT_GNU_HASH or DT_HASH)";
	if (err)
		return err;
	if (d->nsyms == 0)
		d->nsyms = 1; /* the null symbol at least */
	d->symtab = ld_at(v, r->symtab, d->nsyms * sizeof(Elf64_Sym), false);
	if (!d->symtab || r->symtab % 8)
		return "symbol table outside the object or misaligned";
	for (uint64_t i = 0; i < d->nsyms; i++)
		if (d->symtab[i].st_name >= d->strsz)
			return "symbol name outside the string table";
	if ((r->has_rela || r->relasz) && r->relaent != sizeof(Elf64_Rela))
		return "DT_RELAENT is not the size of an Elf64_Rela";
	err = check_rela(v, r->rela, r->has_rela ? r->relasz : 0, &d->rela, &d->nrela,
			 "DT_RELA table outside the object or malformed");
	if (!err && r->has_jmprel && (!r->has_pltrel || r->pltrel != DT_RELA))
		err = "DT_PLTREL is not DT_RELA";
	if (!err)
		err = check_rela(v, r->jmprel, r->has_jmprel ? r->pltrelsz : 0, &d->jmprel,
				 &d->njmprel, "DT_JMPREL table outside the object or malformed");
	if (!err)
		err = check_array(v, d->preinit_array, &d->n_preinit,
				  "DT_PREINIT_ARRAY outside the object or malformed");
	if (!err)
		err = check_array(v, d->init_array, &d->n_init,
				  "DT_INIT_ARRAY outside the object or malformed");
	if (!err)
		err = check_array(v, d->fini_array, &d->n_fini,
				  "DT_FINI_ARRAY outside the object or malformed");
	for (int i = 0; !err && i < d->n_needed; i++)
		if (d->needed[i] >= d->strsz)
			err = "DT_NEEDED name outside the string table";
	if (!err && d->has_soname && d->soname >= d->strsz)
		err = "DT_SONAME outside the string table";
	return err;
}

const char *ld_dyn_parse(const struct ld_view *v, uint64_t dyn_vaddr, uint64_t dyn_size,
			 struct ld_dyn *d)
{
	memset(d, 0, sizeof(*d));
	struct raw_dyn r;
	memset(&r, 0, sizeof(r));
	const Elf64_Dyn *dyn = ld_at(v, dyn_vaddr, dyn_size, false);
	if (!dyn || dyn_vaddr % 8 || dyn_size % sizeof(Elf64_Dyn))
		return "dynamic section outside the object or misaligned";
	bool ended = false;
	for (uint64_t i = 0; i < dyn_size / sizeof(Elf64_Dyn); i++) {
		if (dyn[i].d_tag == DT_NULL) {
			ended = true;
			break;
		}
		const char *err = read_entry(dyn[i].d_tag, dyn[i].d_val, &r, d);
		if (err) {
			memset(d, 0, sizeof(*d));
			return err;
		}
	}
	const char *err = ended ? check_tables(v, &r, d) : "dynamic section has no DT_NULL end";
	if (err)
		memset(d, 0, sizeof(*d));
	return err;
}

const char *ld_str(const struct ld_dyn *d, uint64_t off)
{
	return off < d->strsz ? d->strtab + off : NULL;
}

uint32_t ld_gnu_hash(const char *name)
{
	uint32_t h = 5381;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = h * 33 + *p;
	return h;
}

uint32_t ld_sysv_hash(const char *name)
{
	uint32_t h = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h = (h << 4) + *p;
		uint32_t g = h & 0xf0000000u;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

/* Whether symbol s can be a definition (plt_ok: as ld_lookup's). */
static bool can_define(const Elf64_Sym *s, bool plt_ok)
{
	uint8_t bind = s->st_info >> 4;
	bool plt = plt_ok && (s->st_info & 0xf) == STT_FUNC && s->st_value != 0;
	return (s->st_shndx != SHN_UNDEF || plt) && (bind == STB_GLOBAL || bind == STB_WEAK);
}

/* Symbol i if it defines name (names were checked to lie in strtab). */
static const Elf64_Sym *match(const struct ld_dyn *d, uint64_t i, const char *name, bool plt_ok)
{
	const Elf64_Sym *s = &d->symtab[i];
	if (!can_define(s, plt_ok))
		return NULL;
	return strcmp(d->strtab + s->st_name, name) == 0 ? s : NULL;
}

bool ld_defines(const struct ld_dyn *d, uint64_t i)
{
	/* Below symoffset, GNU hash tables hash nothing. */
	return i < d->nsyms && (!d->gh_buckets || i >= d->gh_symoffset) &&
		can_define(&d->symtab[i], false);
}

uint32_t ld_chain_hash(const struct ld_dyn *d, uint64_t i)
{
	return d->gh_chain[i - d->gh_symoffset] & ~1u;
}

/* The bloom filter's word and bits for hash h. */
static uint64_t bloom_word(const struct ld_dyn *d, uint32_t h)
{
	return d->gh_bloom[(h / 64) & (d->gh_bloom_words - 1)];
}

bool ld_may_define(const struct ld_dyn *d, uint32_t h)
{
	/* h and h | 1 share the word and, shifted, the second bit. */
	if (!d->gh_buckets || d->gh_bloom_shift == 0)
		return true;
	uint64_t word = bloom_word(d, h);
	uint64_t first = (1ull << (h & ~1u) % 64) | (1ull << (h | 1u) % 64);
	return (word & first) && (word & (1ull << ((h >> d->gh_bloom_shift) % 64)));
}

const Elf64_Sym *ld_lookup(const struct ld_dyn *d, const char *name, bool plt_ok)
{
	return ld_lookup_hashed(d, name, ld_gnu_hash(name), plt_ok);
}

const Elf64_Sym *ld_lookup_hashed(const struct ld_dyn *d, const char *name, uint32_t gnu_hash,
				  bool plt_ok)
{
	if (d->gh_buckets) {
		uint32_t h = gnu_hash;
		uint64_t word = bloom_word(d, h);
		uint64_t bits = (1ull << (h % 64)) | (1ull << ((h >> d->gh_bloom_shift) % 64));
		if ((word & bits) != bits)
			return NULL;
		/* Checked by the parse: every chain ends inside the table. */
		for (uint32_t i = d->gh_buckets[h % d->gh_nbuckets]; i; i++) {
			uint32_t c = d->gh_chain[i - d->gh_symoffset];
			const Elf64_Sym *s = (c | 1) == (h | 1) ? match(d, i, name, plt_ok) : NULL;
			if (s)
				return s;
			if (c & 1)
				break;
		}
		return NULL;
	}
	if (d->h_buckets) {
		uint64_t steps = 0; /* a chain with a loop would not end */
		for (uint32_t i = d->h_buckets[ld_sysv_hash(name) % d->h_nbuckets];
		     i && steps <= d->nsyms; i = d->h_chain[i], steps++) {
			const Elf64_Sym *s = match(d, i, name, plt_ok);
			if (s)
				return s;
		}
	}
	return NULL;
}

enum ld_rkind ld_rkind(uint16_t machine, uint32_t type)
{
	static const struct {
		uint16_t machine;
		uint32_t type;
		enum ld_rkind kind;
	} table[] = {
		{ EM_X86_64, 0, LD_R_NONE },	     { EM_X86_64, 1, LD_R_ABS },
		{ EM_X86_64, 5, LD_R_COPY },	     { EM_X86_64, 6, LD_R_ABS },
		{ EM_X86_64, 7, LD_R_JUMP_SLOT },    { EM_X86_64, 8, LD_R_RELATIVE },
		{ EM_X86_64, 16, LD_R_DTPMOD },	     { EM_X86_64, 17, LD_R_DTPOFF },
		{ EM_X86_64, 18, LD_R_TPOFF },	     { EM_AARCH64, 0, LD_R_NONE },
		{ EM_AARCH64, 257, LD_R_ABS },	     { EM_AARCH64, 1024, LD_R_COPY },
		{ EM_AARCH64, 1025, LD_R_ABS },	     { EM_AARCH64, 1026, LD_R_JUMP_SLOT },
		{ EM_AARCH64, 1027, LD_R_RELATIVE }, { EM_AARCH64, 1028, LD_R_DTPMOD },
		{ EM_AARCH64, 1029, LD_R_DTPOFF },   { EM_AARCH64, 1030, LD_R_TPOFF },
		{ EM_AARCH64, 1031, LD_R_TLSDESC },  { EM_RISCV, 0, LD_R_NONE },
		{ EM_RISCV, 2, LD_R_ABS },	     { EM_RISCV, 3, LD_R_RELATIVE },
		{ EM_RISCV, 4, LD_R_COPY },	     { EM_RISCV, 5, LD_R_JUMP_SLOT },
		{ EM_RISCV, 7, LD_R_DTPMOD },	     { EM_RISCV, 9, LD_R_DTPOFF },
		{ EM_RISCV, 11, LD_R_TPOFF },
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].machine == machine && table[i].type == type)
			return table[i].kind;
	return LD_R_UNKNOWN;
}

uint64_t ld_dtp_bias(uint16_t machine)
{
	/* As VG_TLS_DTP_BIAS (<vg/vg.h>), for any machine: host tests. */
	return machine == EM_RISCV ? 0x800 : 0;
}

/* The 8 bytes of a relocation's target, stored as one (the calls
 * memcpy and memset would be here, freestanding, cost a loop each, and
 * there is one per relocation). */
static void store8(uint8_t *at, uint64_t val)
{
	__builtin_memcpy(at, &val, 8);
}

static const char *apply(const struct ld_view *v, const struct ld_dyn *d, struct ld_reloc_ctx *rc,
			 const Elf64_Rela *r, enum ld_rkind kind)
{
	uint64_t sym = r->r_info >> 32;
	if (kind == LD_R_UNKNOWN)
		return "unsupported relocation type";
	if (kind == LD_R_NONE)
		return NULL;
	if (sym >= d->nsyms)
		return "relocation names a symbol past the symbol table";
	uint64_t size = kind == LD_R_TLSDESC ? 16 : kind == LD_R_COPY ? d->symtab[sym].st_size : 8;
	uint8_t *at = ld_at(v, r->r_offset, size, true);
	if (!at || (kind != LD_R_COPY && r->r_offset % 8))
		return "relocation target outside the object's writable segments";
	uint64_t val;
	if (kind == LD_R_RELATIVE) {
		val = rc->base + (uint64_t)r->r_addend;
		store8(at, val);
		return NULL;
	}
	if (!rc->resolve)
		return "symbolic relocation in an object loaded without a dynamic loader";
	if (kind == LD_R_COPY && sym == 0)
		return "copy relocation without a symbol";
	struct ld_def def = { 0 };
	const char *err = rc->resolve(rc->ctx, sym, kind, &def, &rc->name);
	if (err)
		return err;
	switch (kind) {
	case LD_R_ABS:
	case LD_R_JUMP_SLOT: val = def.value + (uint64_t)r->r_addend; break;
	case LD_R_COPY:
		if (!def.copy_from || def.size != size)
			return "copy relocation's definition is missing or of another size";
		memcpy(at, def.copy_from, size);
		return NULL;
	case LD_R_DTPMOD: val = def.tls_module; break;
	case LD_R_DTPOFF: val = def.value + (uint64_t)r->r_addend - ld_dtp_bias(rc->machine); break;
	case LD_R_TPOFF:
		if (!def.tls_static)
			return "initial-exec TLS access to a module without static TLS";
		val = (uint64_t)def.tls_tpoff + def.value + (uint64_t)r->r_addend;
		break;
	default: { /* LD_R_TLSDESC */
		uint64_t desc[2];
		if (!rc->tlsdesc)
			return "TLS descriptors are not supported here";
		err = rc->tlsdesc(rc->ctx, &def, r->r_addend, desc);
		if (!err)
			memcpy(at, desc, 16);
		return err;
	}
	}
	store8(at, val);
	return NULL;
}

const char *ld_relocate(const struct ld_view *v, const struct ld_dyn *d, struct ld_reloc_ctx *rc)
{
	rc->name = NULL;
	/* Tables run in long stretches of one type (linkers sort them):
	 * each stretch's kind is looked up once. */
	uint32_t type = 0;
	enum ld_rkind kind = ld_rkind(rc->machine, type);
	for (uint64_t i = 0; i < d->nrela + d->njmprel; i++) {
		const Elf64_Rela *r = i < d->nrela ? &d->rela[i] : &d->jmprel[i - d->nrela];
		if ((uint32_t)r->r_info != type) {
			type = (uint32_t)r->r_info;
			kind = ld_rkind(rc->machine, type);
		}
		const char *err = apply(v, d, rc, r, kind);
		if (err)
			return err;
	}
	return NULL;
}
