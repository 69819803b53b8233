// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/ld/dyn.c. The input patches a good crafted
// object (tests/host/lddyn_build.h): byte 0 picks the hash table (GNU or
// SysV) and the machine whose relocation numbers apply, then each three
// bytes write one byte at a 16-bit offset into its writable or read-only
// segment. The segments are copied into heap buffers of exactly their
// size, so ASan catches any access outside them. An accepted object's
// tables must lie inside the view, every name ld_lookup answers for must
// be that symbol's, and relocation must leave the read-only segment as it
// was. A refusal must come with a reason.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lddyn_build.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static const char *resolve(void *ctx, uint64_t sym, enum ld_rkind kind, struct ld_def *def,
			   const char **name)
{
	static const uint8_t src[64];
	(void)ctx, (void)kind;
	if (sym % 7 == 6) {
		*name = "unlucky";
		return "undefined symbol";
	}
	def->value = 0x1000 * sym;
	def->size = sym % 3 ? 8 : 64;
	def->copy_from = src;
	def->tls_module = 1;
	def->tls_static = sym % 2;
	def->tls_tpoff = -0x40;
	return NULL;
}

static const char *tlsdesc(void *ctx, const struct ld_def *def, int64_t addend, uint64_t desc[2])
{
	(void)ctx;
	desc[0] = 0x1234;
	desc[1] = def->value + (uint64_t)addend;
	return NULL;
}

static bool in_view(const struct ld_view *v, const void *p, uint64_t n)
{
	for (int i = 0; i < v->n; i++) {
		const uint8_t *lo = v->seg[i].mem;
		if ((const uint8_t *)p >= lo &&
		    (uint64_t)((const uint8_t *)p - lo) <= v->seg[i].memsz &&
		    n <= v->seg[i].memsz - (uint64_t)((const uint8_t *)p - lo))
			return true;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ldb o;
	static const uint16_t machines[] = { EM_X86_64, EM_AARCH64, EM_RISCV, 0 };
	if (size < 1)
		return 0;
	ldb_build(&o, data[0] & 1);
	uint16_t machine = machines[(data[0] >> 1) & 3];
	for (size_t i = 1; i + 3 <= size; i += 3) {
		uint32_t off = (data[i] | data[i + 1] << 8) % (2 * LDB_SIZE);
		(off < LDB_SIZE ? o.mem : o.ro)[off % LDB_SIZE] = data[i + 2];
	}
	uint8_t *rw = malloc(LDB_SIZE), *ro = malloc(LDB_SIZE);
	memcpy(rw, o.mem, LDB_SIZE);
	memcpy(ro, o.ro, LDB_SIZE);
	struct ld_view v = o.v;
	v.seg[0].mem = rw;
	v.seg[1].mem = ro;
	struct ld_dyn d;
	const char *err = ld_dyn_parse(&v, LDB_VA + LDB_DYN, 64 * sizeof(Elf64_Dyn), &d);
	if (err && !*err)
		die("refusal without a reason");
	if (!err) {
		if (!in_view(&v, d.strtab, d.strsz) || d.strtab[d.strsz - 1] != 0)
			die("string table outside the view");
		if (!in_view(&v, d.symtab, d.nsyms * sizeof(Elf64_Sym)))
			die("symbol table outside the view");
		for (uint64_t i = 1; i < d.nsyms && i < 32; i++) {
			const char *name = ld_str(&d, d.symtab[i].st_name);
			if (!name)
				die("a symbol's name outside the string table");
			const Elf64_Sym *s = ld_lookup(&d, name, i & 1);
			if (s && strcmp(ld_str(&d, s->st_name), name))
				die("lookup answered with another name");
		}
		struct ld_reloc_ctx rc = { .machine = machine,
					   .base = 0x700000,
					   .resolve = data[0] & 8 ? NULL : resolve,
					   .tlsdesc = tlsdesc };
		err = ld_relocate(&v, &d, &rc);
		if (err && !*err)
			die("relocation refused without a reason");
		if (memcmp(ro, o.ro, LDB_SIZE))
			die("relocation wrote into the read-only segment");
	}
	free(rw);
	free(ro);
	return 0;
}
