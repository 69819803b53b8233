// SPDX-License-Identifier: BSD-2-Clause
// lib/ld/dyn.c: the dynamic section of a crafted object (lddyn_build.h)
// read, its symbols found through the GNU and SysV hash tables, its
// relocations applied; and each part broken in turn, refused with a
// message naming it, with nothing read or written outside the object.
#include <string.h>
#include <vtest.h>

#include "lddyn_build.h"

/* The test's resolver: ext is at 0xabc000, weak_ext is absent, tlsvar is
 * in module 2's static block at -0x100 from tp (or dynamic, when told). */
static bool tls_dynamic;

static const char *resolve(void *ctx, uint64_t sym, enum ld_rkind kind, struct ld_def *def,
			   const char **name)
{
	const struct ld_dyn *d = ctx;
	(void)kind;
	const char *n = d->strtab + d->symtab[sym].st_name;
	if (strcmp(n, "foo") == 0)
		def->value = 0x500000 + d->symtab[sym].st_value;
	else if (strcmp(n, "ext") == 0)
		def->value = 0xabc000;
	else if (strcmp(n, "bar") == 0)
		def->size = 8; /* and no bytes to copy from */
	else if (strcmp(n, "weak_ext") == 0)
		def->value = 0;
	else if (strcmp(n, "tlsvar") == 0) {
		def->value = d->symtab[sym].st_value;
		def->tls_module = 2;
		def->tls_static = !tls_dynamic;
		def->tls_tpoff = -0x100;
	} else {
		*name = n;
		return "undefined symbol";
	}
	return NULL;
}

static const char *parse(struct ldb *o, struct ld_dyn *d)
{
	return ld_dyn_parse(&o->v, LDB_VA + LDB_DYN, 64 * sizeof(Elf64_Dyn), d);
}

static const char *relocate(struct ldb *o, struct ld_dyn *d)
{
	struct ld_reloc_ctx rc = {
		.machine = EM_X86_64, .base = 0x500000, .resolve = resolve, .ctx = d
	};
	return ld_relocate(&o->v, d, &rc);
}

static uint64_t data(struct ldb *o, int i)
{
	uint64_t v;
	memcpy(&v, o->mem + LDB_DATA + 8 * i, 8);
	return v;
}

/* The message for o, or "" if it is accepted and relocates. */
static const char *verdict(struct ldb *o)
{
	static struct ld_dyn d;
	const char *err = parse(o, &d);
	if (!err)
		err = relocate(o, &d);
	return err ? err : "";
}

#define CHECK_REFUSED(o, want) CHECK_MSG(strstr(verdict(o), want), "got \"%s\"", verdict(o))

TEST(lddyn, hash_functions_known_answers)
{
	CHECK_EQ_U(ld_gnu_hash(""), 5381);
	CHECK_EQ_U(ld_gnu_hash("printf"), 0x156b2bb8);
	CHECK_EQ_U(ld_sysv_hash(""), 0);
	CHECK_EQ_U(ld_sysv_hash("printf"), 0x077905a6);
}

TEST(lddyn, good_object_parses_and_finds_its_symbols)
{
	for (int sysv = 0; sysv < 2; sysv++) {
		static struct ldb o;
		struct ld_dyn d;
		ldb_build(&o, sysv);
		CHECK(parse(&o, &d) == NULL);
		CHECK_EQ_U(d.nsyms, LDB_NSYMS);
		CHECK_EQ_I(d.n_needed, 1);
		CHECK_STREQ(ld_str(&d, d.needed[0]), "libneed.so");
		CHECK_EQ_U(d.nrela, LDB_NRELA);
		CHECK_EQ_U(d.n_init, 2);
		CHECK(ld_lookup(&d, "foo", false) == ldb_sym(&o, 1));
		CHECK(ld_lookup(&d, "bar", false) == ldb_sym(&o, 2));
		CHECK(ld_lookup(&d, "tlsvar", false) == ldb_sym(&o, 5));
		CHECK(ld_lookup(&d, "ext", false) == NULL); /* undefined here */
		CHECK(ld_lookup(&d, "nope", false) == NULL);
		CHECK(ld_str(&d, d.strsz) == NULL);
		/* What lookup answers with, and only that, is a definition. */
		CHECK(ld_lookup_hashed(&d, "bar", ld_gnu_hash("bar"), false) == ldb_sym(&o, 2));
		CHECK(ld_defines(&d, 1) && ld_defines(&d, 2) && ld_defines(&d, 5));
		CHECK(!ld_defines(&d, 0) && !ld_defines(&d, 3) && !ld_defines(&d, LDB_NSYMS));
		/* A defined name's hash, but for bit 0, from the table; and the
		 * bloom filter never refuses a name the object has. */
		for (uint64_t i = 1; !sysv && i < LDB_NSYMS; i++)
			if (ld_defines(&d, i)) {
				uint32_t h = ld_gnu_hash(ldb_names[i]);
				CHECK_EQ_U(ld_chain_hash(&d, i), h & ~1u);
				CHECK(ld_may_define(&d, h & ~1u) && ld_may_define(&d, h));
			}
	}
}

TEST(lddyn, canonical_plt_entries_count_only_when_asked)
{
	static struct ldb o;
	struct ld_dyn d;
	ldb_build(&o, false);
	ldb_sym(&o, 3)->st_info = 0x12; /* ext: an undefined function ... */
	ldb_sym(&o, 3)->st_value = 0x4000; /* ... with a PLT address */
	CHECK(parse(&o, &d) == NULL);
	CHECK(ld_lookup(&d, "ext", false) == NULL);
	CHECK(ld_lookup(&d, "ext", true) == ldb_sym(&o, 3));
	CHECK(!ld_defines(&d, 3)); /* the program's own PLT entry: not its definition */
}

TEST(lddyn, relocations_of_each_kind)
{
	static struct ldb o;
	struct ld_dyn d;
	ldb_build(&o, false);
	CHECK(parse(&o, &d) == NULL);
	CHECK(relocate(&o, &d) == NULL);
	CHECK_EQ_U(data(&o, 0), 0x500040); /* RELATIVE: base + A */
	CHECK_EQ_U(data(&o, 1), 0x500104); /* 64: foo + 4 */
	CHECK_EQ_U(data(&o, 2), 0xabc000); /* GLOB_DAT: ext */
	CHECK_EQ_U(data(&o, 3), 0); /* JUMP_SLOT: absent weak */
	CHECK_EQ_U(data(&o, 4), (uint64_t)-0x100 + 8); /* TPOFF64 */
	CHECK_EQ_U(data(&o, 5), 2); /* DTPMOD64 */
	CHECK_EQ_U(data(&o, 6), 10); /* DTPOFF64: 8 + 2 */
}

TEST(lddyn, same_relocations_on_other_machines)
{
	/* The RISC-V and AArch64 numbers for the same kinds. */
	static const uint32_t rv[LDB_NRELA] = { 3, 2, 2, 5, 11, 7, 9 };
	static const uint32_t a64[LDB_NRELA] = { 1027, 257, 1025, 1026, 1030, 1028, 1029 };
	for (int m = 0; m < 2; m++) {
		static struct ldb o;
		struct ld_dyn d;
		ldb_build(&o, false);
		for (int i = 0; i < LDB_NRELA; i++)
			ldb_rela(&o, i)->r_info =
				(ldb_rela(&o, i)->r_info & ~0xffffffffull) | (m ? a64[i] : rv[i]);
		CHECK(parse(&o, &d) == NULL);
		struct ld_reloc_ctx rc = { .machine = m ? EM_AARCH64 : EM_RISCV,
					   .base = 0x500000,
					   .resolve = resolve,
					   .ctx = &d };
		CHECK(ld_relocate(&o.v, &d, &rc) == NULL);
		CHECK_EQ_U(data(&o, 1), 0x500104);
		CHECK_EQ_U(data(&o, 5), 2);
		/* RISC-V offsets in a TLS block are biased by -0x800. */
		CHECK_EQ_U(data(&o, 6), m ? 10 : 10 - 0x800);
	}
}

TEST(lddyn, relative_only_loading_refuses_symbols)
{
	static struct ldb o;
	struct ld_dyn d;
	ldb_build(&o, false);
	CHECK(parse(&o, &d) == NULL);
	struct ld_reloc_ctx rc = { .machine = EM_X86_64, .base = 0x500000 };
	const char *err = ld_relocate(&o.v, &d, &rc);
	CHECK(err && strstr(err, "without a dynamic loader"));
	CHECK_EQ_U(data(&o, 0), 0x500040); /* the one before was applied */
}

TEST(lddyn, undefined_symbol_is_named)
{
	static struct ldb o;
	struct ld_dyn d;
	ldb_build(&o, false);
	memcpy(o.mem + LDB_STR + ldb_sym(&o, 3)->st_name, "zzz", 3); /* ext -> zzz */
	CHECK(parse(&o, &d) == NULL);
	struct ld_reloc_ctx rc = { .machine = EM_X86_64, .resolve = resolve, .ctx = &d };
	CHECK_STREQ(ld_relocate(&o.v, &d, &rc), "undefined symbol");
	CHECK_STREQ(rc.name, "zzz");
}

TEST(lddyn, broken_dynamic_sections_are_refused)
{
	static struct ldb o;
	ldb_build(&o, false);
	CHECK_STREQ(verdict(&o), "");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 10, 1u << 20); /* DT_STRSZ past the object */
	CHECK_REFUSED(&o, "string table outside");
	ldb_build(&o, false);
	o.mem[LDB_STR + 40] = 'x'; /* the last string loses its NUL */
	ldb_set_dyn(&o, 10, 41);
	CHECK_REFUSED(&o, "not NUL-terminated");
	ldb_build(&o, false);
	ldb_sym(&o, 2)->st_name = 4000;
	CHECK_REFUSED(&o, "symbol name outside the string table");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 11, 16); /* DT_SYMENT */
	CHECK_REFUSED(&o, "DT_SYMENT");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 9, 16); /* DT_RELAENT */
	CHECK_REFUSED(&o, "DT_RELAENT");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 8, 5 * 24 + 1); /* DT_RELASZ not whole entries */
	CHECK_REFUSED(&o, "DT_RELA table");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 7, LDB_VA + LDB_SIZE - 24); /* DT_RELA runs out */
	CHECK_REFUSED(&o, "DT_RELA table");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 1, 5000); /* DT_NEEDED name */
	CHECK_REFUSED(&o, "DT_NEEDED name outside");
	ldb_build(&o, false);
	ldb_set_dyn(&o, 27, LDB_SIZE); /* DT_INIT_ARRAYSZ */
	CHECK_REFUSED(&o, "DT_INIT_ARRAY");
	ldb_build(&o, false);
	ldb_add_dyn(&o, 22, 0); /* DT_TEXTREL */
	CHECK_REFUSED(&o, "DT_TEXTREL");
	ldb_build(&o, false);
	ldb_add_dyn(&o, 17, LDB_VA); /* DT_REL */
	CHECK_REFUSED(&o, "DT_REL");
	ldb_build(&o, false);
	ldb_add_dyn(&o, 36, LDB_VA); /* DT_RELR */
	CHECK_REFUSED(&o, "DT_RELR");
	ldb_build(&o, false);
	ldb_add_dyn(&o, 12, LDB_VA); /* DT_INIT */
	CHECK_REFUSED(&o, "DT_INIT");
	ldb_build(&o, false);
	ldb_retag_dyn(&o, 0x6ffffef5, 21); /* DT_DEBUG in place of DT_GNU_HASH */
	CHECK_REFUSED(&o, "no symbol hash table");
	/* No DT_NULL inside the given size. */
	ldb_build(&o, false);
	struct ld_dyn d;
	CHECK(ld_dyn_parse(&o.v, LDB_VA + LDB_DYN, 3 * sizeof(Elf64_Dyn), &d) != NULL);
	CHECK(ld_dyn_parse(&o.v, LDB_VA + LDB_SIZE - 8, 16, &d) != NULL);
	CHECK(ld_dyn_parse(&o.v, LDB_VA + 4, 16, &d) != NULL);
}

TEST(lddyn, broken_hash_tables_are_refused)
{
	static struct ldb o;
	ldb_build(&o, false);
	ldb_u32(&o, LDB_HASH)[0] = 0; /* no buckets */
	CHECK_REFUSED(&o, "GNU hash table header");
	ldb_build(&o, false);
	ldb_u32(&o, LDB_HASH)[2] = 3; /* bloom size not a power of two */
	CHECK_REFUSED(&o, "GNU hash table header");
	ldb_build(&o, false);
	ldb_u32(&o, LDB_HASH)[0] = 1u << 30; /* buckets past the object */
	CHECK_REFUSED(&o, "GNU hash table runs past");
	ldb_build(&o, false);
	ldb_u32(&o, LDB_HASH)[1] = 2; /* the bucket's symbol 1 is below symoffset */
	CHECK_REFUSED(&o, "below the first hashed symbol");
	ldb_build(&o, false);
	ldb_u32(&o, LDB_HASH)[6] = 0x40000000; /* chain past the object */
	CHECK_REFUSED(&o, "GNU hash chain runs past");
	ldb_build(&o, false);
	for (int i = 0; i < 300; i++) /* no chain end before the object's */
		ldb_u32(&o, LDB_HASH + 28)[i] = 2;
	CHECK_REFUSED(&o, "GNU hash chain runs past");
	ldb_build(&o, true);
	CHECK_STREQ(verdict(&o), "");
	ldb_build(&o, true);
	ldb_u32(&o, LDB_HASH)[3] = 77; /* a chain entry past nchain */
	CHECK_REFUSED(&o, "past the table");
	ldb_build(&o, true);
	ldb_u32(&o, LDB_HASH)[1] = 1u << 28; /* nchain past the object */
	CHECK_REFUSED(&o, "hash table runs past");
}

TEST(lddyn, broken_relocations_are_refused)
{
	static struct ldb o;
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_offset = LDB_RO_VA; /* into the read-only segment */
	CHECK_REFUSED(&o, "outside the object's writable segments");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_offset = 0x7fff0000;
	CHECK_REFUSED(&o, "outside the object's writable segments");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_offset = LDB_VA + LDB_SIZE - 4; /* straddles the end */
	CHECK_REFUSED(&o, "outside the object's writable segments");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_offset = LDB_VA + LDB_DATA + 3; /* misaligned */
	CHECK_REFUSED(&o, "outside the object's writable segments");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_info = (uint64_t)LDB_NSYMS << 32 | 1;
	CHECK_REFUSED(&o, "symbol past the symbol table");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_info = (uint64_t)1 << 32 | 37; /* IRELATIVE */
	CHECK_REFUSED(&o, "unsupported relocation type");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_info = (uint64_t)2 << 32 | 5; /* COPY of bar: no source */
	CHECK_REFUSED(&o, "copy relocation's definition is missing");
	ldb_build(&o, false);
	ldb_rela(&o, 1)->r_info = 5; /* COPY without a symbol */
	CHECK_REFUSED(&o, "copy relocation without a symbol");
	tls_dynamic = true; /* initial-exec TLS into a dlopen'ed module */
	ldb_build(&o, false);
	CHECK_REFUSED(&o, "without static TLS");
	tls_dynamic = false;
}
