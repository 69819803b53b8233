// SPDX-License-Identifier: BSD-2-Clause
// kernel/lib/elf.c against llvm-readelf: small programs linked by clang and
// lld for x86-64, AArch64 and RISC-V (static, static PIE, PIE with an
// interpreter, TLS, executable stack, other layouts; tests/host/elf-samples)
// parsed by elf_parse and compared with what `llvm-readelf -lh --wide` says
// about the same file. Then the refusals: a linked W+X sample, the wrong
// machine, truncation, and hostile edits of every header and program header
// field elf_parse checks, on the samples and on images built here. Every
// file sits in a heap buffer of exactly its size, so ASan reports any read
// past it.
#define _DEFAULT_SOURCE
#include <kernel/elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>
#include <vtest.h>

/* The x86-64 user half; every sample fits well below it. */
#define USER_TOP 0x0000800000000000ull

/* ---- helpers ---- */

static const char *data_dir(void)
{
	const char *dir = getenv("HOST_TEST_DATA");
	return dir ? dir : "build/host/data";
}

/* A data file opened for reading, or the test fails. */
static FILE *open_data(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		FAIL("cannot open %s (run the tests through make host-test)", path);
	return f;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#define EH(field) offsetof(Elf64_Ehdr, field)
#define PH(field) offsetof(Elf64_Phdr, field)

struct file {
	uint8_t *buf;
	size_t len;
	uint16_t machine;
};

static uint16_t machine_of(const char *name)
{
	if (!strncmp(name, "x86_64", 6))
		return EM_X86_64;
	if (!strncmp(name, "aarch64", 7))
		return EM_AARCH64;
	return EM_RISCV;
}

static struct file load_sample(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "elf/%s.elf", name);
	struct file f;
	f.buf = vtest_load(path, &f.len);
	f.machine = machine_of(name);
	return f;
}

/* Offset of program header i. */
static size_t ph_at(const struct file *f, int i)
{
	return (size_t)get64(f->buf + EH(e_phoff)) + (size_t)i * sizeof(Elf64_Phdr);
}

static int phnum(const struct file *f)
{
	return f->buf[EH(e_phnum)] | f->buf[EH(e_phnum) + 1] << 8;
}

/* Index of the nth program header of a type (n from 0), or fail. */
static int find_ph(const struct file *f, uint32_t type, int nth)
{
	for (int i = 0; i < phnum(f); i++)
		if (get32(f->buf + ph_at(f, i) + PH(p_type)) == type && nth-- == 0)
			return i;
	FAIL("no program header of type %#x (#%d)", type, nth);
}

/* Index of the last PT_LOAD. */
static int last_load(const struct file *f)
{
	int last = -1;
	for (int i = 0; i < phnum(f); i++)
		if (get32(f->buf + ph_at(f, i) + PH(p_type)) == PT_LOAD)
			last = i;
	CHECK(last >= 0);
	return last;
}

/* Index of the first PT_LOAD with (or without) PF_X. */
static int find_load(const struct file *f, bool exec)
{
	for (int i = 0; i < phnum(f); i++) {
		const uint8_t *p = f->buf + ph_at(f, i);
		if (get32(p + PH(p_type)) == PT_LOAD && !!(get32(p + PH(p_flags)) & PF_X) == exec)
			return i;
	}
	FAIL("no %sexecutable PT_LOAD", exec ? "" : "non-");
}

static uint64_t ph_get(const struct file *f, int i, size_t field)
{
	const uint8_t *p = f->buf + ph_at(f, i) + field;
	return field < PH(p_offset) ? get32(p) : get64(p);
}

static void ph_set(struct file *f, int i, size_t field, uint64_t v)
{
	uint8_t *p = f->buf + ph_at(f, i) + field;
	if (field < PH(p_offset))
		put32(p, (uint32_t)v);
	else
		put64(p, v);
}

static int parse(const void *buf, size_t len, uint16_t machine, uint64_t max_vaddr,
		 struct elf_image *img, const char **why)
{
	uint8_t *copy = vtest_dup(buf, len);
	int rc = elf_parse(copy, len, machine, max_vaddr, img, why);
	free(copy);
	return rc;
}

/* Expects refusal with a reason containing want, and an image left zeroed
 * so that nothing of a refused file can be used by mistake. */
static void expect_refused_at(const char *file, int line, const void *buf, size_t len,
			      uint16_t machine, const char *want)
{
	struct elf_image img, zero;
	memset(&img, 0x5a, sizeof(img));
	memset(&zero, 0, sizeof(zero));
	const char *why = NULL;
	int rc = parse(buf, len, machine, USER_TOP, &img, &why);
	if (rc != ERR_BAD_FORMAT)
		vtest_fail(file, line, "elf_parse returned %d, expected ERR_BAD_FORMAT", rc);
	if (!why || !*why)
		vtest_fail(file, line, "refused without a reason");
	if (want && !strstr(why, want))
		vtest_fail(file, line, "reason \"%s\", expected \"%s\"", why, want);
	if (memcmp(&img, &zero, sizeof(img)))
		vtest_fail(file, line, "a refused image is not zeroed");
}
#define EXPECT_REFUSED(f, want) \
	expect_refused_at(__FILE__, __LINE__, (f)->buf, (f)->len, (f)->machine, want)

static void parse_ok_at(const char *file, int line, const struct file *f, struct elf_image *img)
{
	const char *why = NULL;
	int rc = parse(f->buf, f->len, f->machine, USER_TOP, img, &why);
	if (rc)
		vtest_fail(file, line, "refused (%d): %s", rc, why ? why : "(no reason)");
}
#define PARSE_OK(f, img) parse_ok_at(__FILE__, __LINE__, f, img)

/* Runs one edit on a fresh copy of a sample and expects refusal. */
#define REFUSE_EDITED(name, want, ...)              \
	do {                                        \
		struct file f_ = load_sample(name); \
		struct file *f = &f_;               \
		__VA_ARGS__;                        \
		EXPECT_REFUSED(f, want);            \
		free(f_.buf);                       \
	} while (0)

/* ---- llvm-readelf's view ---- */

#define MAX_PH 32

struct readelf {
	uint16_t type, machine;
	uint64_t entry;
	uint32_t flags;
	int phnum;
	int n;
	struct {
		char type[32];
		uint64_t offset, vaddr, paddr, filesz, memsz, align;
		uint32_t flags;
	} ph[MAX_PH];
	char interp[256];
};

static void parse_readelf(const char *name, struct readelf *r)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/elf/%s.readelf", data_dir(), name);
	FILE *in = open_data(path);
	memset(r, 0, sizeof(*r));
	char line[512];
	bool in_table = false;
	while (fgets(line, sizeof(line), in)) {
		char word[64];
		unsigned long long v;
		if (sscanf(line, " Type: %63s", word) == 1 && !in_table)
			r->type = !strcmp(word, "EXEC") ? ET_EXEC
				: !strcmp(word, "DYN")	? ET_DYN
							: 0;
		if (strstr(line, "  Machine:"))
			r->machine = strstr(line, "X86-64") ? EM_X86_64
				: strstr(line, "AArch64")   ? EM_AARCH64
				: strstr(line, "RISC-V")    ? EM_RISCV
							    : 0;
		if (sscanf(line, " Entry point address: %llx", &v) == 1)
			r->entry = v;
		if (sscanf(line, " Flags: %llx", &v) == 1)
			r->flags = (uint32_t)v;
		if (sscanf(line, " Number of program headers: %llu", &v) == 1)
			r->phnum = (int)v;
		if (strstr(line, "Type           Offset")) {
			in_table = true;
			continue;
		}
		if (!in_table)
			continue;
		if (line[0] == '\n')
			break;
		char *req = strstr(line, "[Requesting program interpreter: ");
		if (req) {
			req += strlen("[Requesting program interpreter: ");
			req[strcspn(req, "]")] = 0;
			snprintf(r->interp, sizeof(r->interp), "%s", req);
			continue;
		}
		CHECK(r->n < MAX_PH);
		unsigned long long o, va, pa, fs, ms;
		int used = 0;
		CHECK_MSG(sscanf(line, " %31s %llx %llx %llx %llx %llx %n", r->ph[r->n].type, &o,
				 &va, &pa, &fs, &ms, &used) == 6,
			  "%s: bad program header line \"%s\"", name, line);
		r->ph[r->n].offset = o;
		r->ph[r->n].vaddr = va;
		r->ph[r->n].paddr = pa;
		r->ph[r->n].filesz = fs;
		r->ph[r->n].memsz = ms;
		/* The flags column: R, W, E letters, then the alignment. */
		char *p = line + used;
		for (; *p && strncmp(p, "0x", 2); p++)
			r->ph[r->n].flags |= *p == 'R' ? PF_R
				: *p == 'W'	       ? PF_W
				: *p == 'E'	       ? PF_X
						       : 0;
		CHECK_MSG(sscanf(p, "%llx", &v) == 1, "%s: no alignment in \"%s\"", name, line);
		r->ph[r->n].align = v;
		r->n++;
	}
	fclose(in);
	CHECK_MSG(r->n == r->phnum && r->n > 0, "%s: %d program headers read, %d announced", name,
		  r->n, r->phnum);
}

static int readelf_find(const struct readelf *r, const char *type)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->ph[i].type, type))
			return i;
	return -1;
}

/* Parses one sample and compares the image with llvm-readelf's reading. */
static void compare_with_readelf(const char *name)
{
	struct readelf r;
	parse_readelf(name, &r);
	struct file f = load_sample(name);
	CHECK_EQ_U(r.machine, f.machine);
	struct elf_image img;
	const char *why = NULL;
	int rc = parse(f.buf, f.len, f.machine, USER_TOP, &img, &why);
	CHECK_MSG(rc == 0, "%s refused: %s", name, why);
	CHECK_EQ_U(img.type, r.type);
	CHECK_EQ_U(img.machine, r.machine);
	CHECK_EQ_U(img.flags, r.flags);
	CHECK(img.has_entry);
	CHECK_EQ_U(img.entry, r.entry);
	CHECK_EQ_U(img.phnum, r.phnum);

	int loads = 0;
	for (int i = 0; i < r.n; i++) {
		if (strcmp(r.ph[i].type, "LOAD"))
			continue;
		CHECK_MSG(loads < img.n_load, "%s: more PT_LOADs than parsed", name);
		const struct elf_segment *s = &img.load[loads++];
		CHECK_EQ_U(s->offset, r.ph[i].offset);
		CHECK_EQ_U(s->vaddr, r.ph[i].vaddr);
		CHECK_EQ_U(s->filesz, r.ph[i].filesz);
		CHECK_EQ_U(s->memsz, r.ph[i].memsz);
		CHECK_EQ_U(s->align, r.ph[i].align);
		CHECK_EQ_U(s->flags, r.ph[i].flags);
	}
	CHECK_EQ_I(img.n_load, loads);
	uint64_t page = 4096;
	CHECK_EQ_U(img.vaddr_lo, img.load[0].vaddr & ~(page - 1));
	const struct elf_segment *last = &img.load[img.n_load - 1];
	CHECK_EQ_U(img.vaddr_hi, (last->vaddr + last->memsz + page - 1) & ~(page - 1));

	int i = readelf_find(&r, "INTERP");
	CHECK_EQ_U(img.has_interp, i >= 0);
	if (i >= 0) {
		CHECK_EQ_U(img.interp_offset, r.ph[i].offset);
		CHECK_EQ_U(img.interp_size, r.ph[i].filesz);
		CHECK_EQ_U(img.interp_size, strlen(r.interp) + 1);
		CHECK_STREQ((const char *)f.buf + img.interp_offset, r.interp);
	}
	i = readelf_find(&r, "TLS");
	CHECK_EQ_U(img.has_tls, i >= 0);
	if (i >= 0) {
		CHECK_EQ_U(img.tls.offset, r.ph[i].offset);
		CHECK_EQ_U(img.tls.vaddr, r.ph[i].vaddr);
		CHECK_EQ_U(img.tls.filesz, r.ph[i].filesz);
		CHECK_EQ_U(img.tls.memsz, r.ph[i].memsz);
		CHECK_EQ_U(img.tls.align, r.ph[i].align);
	}
	i = readelf_find(&r, "DYNAMIC");
	CHECK_EQ_U(img.has_dynamic, i >= 0);
	if (i >= 0) {
		CHECK_EQ_U(img.dynamic_vaddr, r.ph[i].vaddr);
		CHECK_EQ_U(img.dynamic_size, r.ph[i].memsz);
	}
	i = readelf_find(&r, "GNU_STACK");
	CHECK_EQ_U(img.stack_exec, i >= 0 && (r.ph[i].flags & PF_X));
	i = readelf_find(&r, "PHDR");
	if (i >= 0)
		CHECK_EQ_U(img.phdr_vaddr, r.ph[i].vaddr);
	free(f.buf);
}

/* Runs fn for each sample of the list whose name starts with prefix and
 * whose expectation matches; returns how many. */
static int for_samples(const char *prefix, const char *expect, void (*fn)(const char *name))
{
	char path[512];
	snprintf(path, sizeof(path), "%s/elf/samples.list", data_dir());
	FILE *list = open_data(path);
	char name[128], exp[32];
	unsigned machine;
	int n = 0;
	while (fscanf(list, "%127s %u %31s", name, &machine, exp) == 3) {
		if (strncmp(name, prefix, strlen(prefix)) || strcmp(exp, expect))
			continue;
		CHECK_EQ_U(machine, machine_of(name));
		fn(name);
		n++;
	}
	fclose(list);
	return n;
}

/* ---- the samples ---- */

TEST(elf, x86_64_samples_match_readelf)
{
	CHECK(for_samples("x86_64-", "ok", compare_with_readelf) >= 9);
}

TEST(elf, aarch64_samples_match_readelf)
{
	CHECK(for_samples("aarch64-", "ok", compare_with_readelf) >= 9);
}

TEST(elf, riscv64_samples_match_readelf)
{
	CHECK(for_samples("riscv64-", "ok", compare_with_readelf) >= 9);
}

/* What the variants are there for, in case a toolchain change made them
 * all alike. */
TEST(elf, sample_variants_differ)
{
	struct elf_image img;
	struct file f = load_sample("x86_64-static");
	PARSE_OK(&f, &img);
	CHECK(img.type == ET_EXEC && !img.has_interp && !img.has_dynamic && !img.has_tls);
	CHECK(!img.stack_exec && img.phdr_vaddr != 0);
	free(f.buf);
	f = load_sample("aarch64-pie");
	PARSE_OK(&f, &img);
	CHECK(img.type == ET_DYN && !img.has_interp && img.has_dynamic && img.vaddr_lo == 0);
	free(f.buf);
	f = load_sample("riscv64-interp");
	PARSE_OK(&f, &img);
	CHECK(img.type == ET_DYN && img.has_interp && img.has_dynamic);
	CHECK_STREQ((const char *)f.buf + img.interp_offset, "/lib/ld.so");
	free(f.buf);
	f = load_sample("x86_64-tls");
	PARSE_OK(&f, &img);
	CHECK(img.has_tls && img.tls.align == 64 && img.tls.memsz > img.tls.filesz);
	free(f.buf);
	f = load_sample("aarch64-execstack");
	PARSE_OK(&f, &img);
	CHECK(img.stack_exec);
	free(f.buf);
	f = load_sample("riscv64-page64k");
	PARSE_OK(&f, &img);
	CHECK_EQ_U(img.load[0].align, 65536);
	free(f.buf);
}

static void refuse_as_wx(const char *name)
{
	struct file f = load_sample(name);
	EXPECT_REFUSED(&f, "writable and executable (W^X)");
	free(f.buf);
}

TEST(elf, linked_wx_samples_refused)
{
	CHECK_EQ_I(for_samples("", "wx", refuse_as_wx), 3);
}

static void refuse_other_machines(const char *name)
{
	static const uint16_t machines[] = { EM_X86_64, EM_AARCH64, EM_RISCV, 0, 3, 40 };
	struct file f = load_sample(name);
	for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
		if (machines[i] == f.machine)
			continue;
		expect_refused_at(__FILE__, __LINE__, f.buf, f.len, machines[i], "another machine");
	}
	free(f.buf);
}

TEST(elf, wrong_machine_refused)
{
	CHECK(for_samples("", "ok", refuse_other_machines) >= 27);
}

TEST(elf, max_vaddr_bounds_the_image)
{
	static const char *const names[] = { "x86_64-static", "aarch64-pie", "riscv64-tls" };
	for (int i = 0; i < 3; i++) {
		struct file f = load_sample(names[i]);
		struct elf_image img;
		PARSE_OK(&f, &img);
		const char *why = NULL;
		uint64_t hi = img.vaddr_hi;
		CHECK_EQ_I(parse(f.buf, f.len, f.machine, hi, &img, &why), 0);
		CHECK_EQ_I(parse(f.buf, f.len, f.machine, hi - 1, &img, &why), ERR_BAD_FORMAT);
		CHECK(strstr(why, "address space limit"));
		CHECK_EQ_I(parse(f.buf, f.len, f.machine, 0, &img, &why), ERR_BAD_FORMAT);
		free(f.buf);
	}
}

/* The bytes a loader needs: the program headers and the file contents of
 * the segments elf_parse checks. Anything shorter is refused; longer (up
 * to the section headers at the end) is accepted. */
static size_t needed_bytes(const struct file *f)
{
	size_t need = ph_at(f, phnum(f));
	for (int i = 0; i < phnum(f); i++) {
		uint32_t type = (uint32_t)ph_get(f, i, PH(p_type));
		if (type != PT_LOAD && type != PT_INTERP && type != PT_TLS && type != PT_DYNAMIC)
			continue;
		size_t end = (size_t)(ph_get(f, i, PH(p_offset)) + ph_get(f, i, PH(p_filesz)));
		if (end > need)
			need = end;
	}
	return need;
}

static void truncate_everywhere(const char *name)
{
	struct file f = load_sample(name);
	size_t need = needed_bytes(&f);
	CHECK(need > 64 && need <= f.len);
	struct elf_image img;
	for (size_t cut = 0; cut < need; cut++) {
		const char *why = NULL;
		int rc = parse(f.buf, cut, f.machine, USER_TOP, &img, &why);
		CHECK_MSG(rc == ERR_BAD_FORMAT && why && *why, "%s cut at %zu of %zu: returned %d",
			  name, cut, need, rc);
	}
	for (size_t cut = need; cut <= f.len; cut += 7) {
		const char *why = NULL;
		int rc = parse(f.buf, cut, f.machine, USER_TOP, &img, &why);
		CHECK_MSG(rc == 0, "%s cut at %zu (needs %zu): %s", name, cut, need, why);
	}
	free(f.buf);
}

TEST(elf, truncated_at_every_offset)
{
	static const char *const names[] = { "x86_64-static", "x86_64-interp",	"aarch64-pie",
					     "aarch64-tls",   "riscv64-interp", "riscv64-tls-pie" };
	for (int i = 0; i < 6; i++)
		truncate_everywhere(names[i]);
}

/* The parser reads byte by byte: a file at an odd address is fine (UBSan
 * would report a misaligned load). */
TEST(elf, unaligned_buffer)
{
	struct file f = load_sample("riscv64-tls-pie");
	uint8_t *odd = malloc(f.len + 1);
	if (!odd)
		abort();
	memcpy(odd + 1, f.buf, f.len);
	struct elf_image a, b;
	const char *why = NULL;
	CHECK_EQ_I(elf_parse(odd + 1, f.len, EM_RISCV, USER_TOP, &a, &why), 0);
	PARSE_OK(&f, &b);
	CHECK(a.entry == b.entry && a.n_load == b.n_load && a.flags == b.flags);
	for (int i = 0; i < a.n_load; i++)
		CHECK(a.load[i].vaddr == b.load[i].vaddr && a.load[i].memsz == b.load[i].memsz &&
		      a.load[i].offset == b.load[i].offset &&
		      a.load[i].filesz == b.load[i].filesz && a.load[i].flags == b.load[i].flags &&
		      a.load[i].align == b.load[i].align);
	CHECK(a.tls.vaddr == b.tls.vaddr && a.tls.memsz == b.tls.memsz &&
	      a.dynamic_vaddr == b.dynamic_vaddr && a.phdr_vaddr == b.phdr_vaddr);
	free(odd);
	free(f.buf);
}

TEST(elf, segment_prot)
{
	CHECK_EQ_U(elf_segment_prot(0), 0);
	CHECK_EQ_U(elf_segment_prot(PF_R), VM_READ);
	CHECK_EQ_U(elf_segment_prot(PF_R | PF_X), VM_READ | VM_EXEC);
	CHECK_EQ_U(elf_segment_prot(PF_R | PF_W), VM_READ | VM_WRITE);
	CHECK_EQ_U(elf_segment_prot(PF_X), VM_EXEC);
	CHECK_EQ_U(elf_segment_prot(PF_R | PF_W | PF_X | 0xf0000000u),
		   VM_READ | VM_WRITE | VM_EXEC);
	/* ...and loaded segments keep only the three bits. */
	struct file f = load_sample("x86_64-static");
	int i = find_load(&f, true);
	ph_set(&f, i, PH(p_flags), PF_R | PF_X | 0x0ff00000u);
	struct elf_image img;
	PARSE_OK(&f, &img);
	bool found = false;
	for (int k = 0; k < img.n_load; k++)
		found |= img.load[k].flags == (PF_R | PF_X);
	CHECK(found);
	free(f.buf);
}

/* ---- the ELF header ---- */

TEST(elf, refuse_short_file)
{
	struct file f = load_sample("x86_64-static");
	for (size_t n = 0; n < sizeof(Elf64_Ehdr); n++)
		expect_refused_at(__FILE__, __LINE__, f.buf, n, EM_X86_64,
				  "smaller than an ELF header");
	free(f.buf);
}

TEST(elf, refuse_bad_magic)
{
	for (int i = 0; i < 4; i++)
		REFUSE_EDITED("x86_64-static", "bad magic", f->buf[i] ^= 0x20);
	REFUSE_EDITED("x86_64-static", "bad magic",
		      memcpy(f->buf,
			     "\x7f"
			     "ELG",
			     4));
}

TEST(elf, refuse_class_data_version)
{
	REFUSE_EDITED("x86_64-static", "64-bit", f->buf[EI_CLASS] = 1);
	REFUSE_EDITED("x86_64-static", "64-bit", f->buf[EI_CLASS] = 0);
	REFUSE_EDITED("x86_64-static", "64-bit", f->buf[EI_CLASS] = 3);
	REFUSE_EDITED("aarch64-static", "little-endian", f->buf[EI_DATA] = 2);
	REFUSE_EDITED("aarch64-static", "little-endian", f->buf[EI_DATA] = 0);
	REFUSE_EDITED("riscv64-static", "e_ident", f->buf[EI_VERSION] = 0);
	REFUSE_EDITED("riscv64-static", "e_ident", f->buf[EI_VERSION] = 2);
	REFUSE_EDITED("riscv64-static", "(e_version)", put32(f->buf + EH(e_version), 0));
	REFUSE_EDITED("riscv64-static", "(e_version)", put32(f->buf + EH(e_version), 2));
}

TEST(elf, os_abi)
{
	REFUSE_EDITED("x86_64-static", "OS ABI", f->buf[EI_OSABI] = 9); /* FreeBSD */
	REFUSE_EDITED("x86_64-static", "OS ABI", f->buf[EI_OSABI] = 0xff);
	struct file f = load_sample("x86_64-static");
	f.buf[EI_OSABI] = ELFOSABI_GNU;
	struct elf_image img;
	PARSE_OK(&f, &img);
	free(f.buf);
}

TEST(elf, refuse_type)
{
	static const uint16_t types[] = {
		0, 1 /* ET_REL */, 4 /* ET_CORE */, 0xfe00, 0xff00, 0xffff
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		REFUSE_EDITED("aarch64-static", "e_type", put16(f->buf + EH(e_type), types[i]));
	/* An ET_DYN sample relabelled ET_EXEC is still consistent; the reverse
	 * too: the type is what the header says. */
	struct file f = load_sample("aarch64-static");
	put16(f.buf + EH(e_type), ET_DYN);
	struct elf_image img;
	PARSE_OK(&f, &img);
	CHECK_EQ_U(img.type, ET_DYN);
	free(f.buf);
}

TEST(elf, refuse_header_sizes)
{
	static const uint16_t bad[] = { 0, 52, 56, 63, 65, 128, 0xffff };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		REFUSE_EDITED("x86_64-pie", "e_ehsize", put16(f->buf + EH(e_ehsize), bad[i]));
		if (bad[i] != 56)
			REFUSE_EDITED("x86_64-pie", "e_phentsize",
				      put16(f->buf + EH(e_phentsize), bad[i]));
	}
	REFUSE_EDITED("x86_64-pie", "e_phentsize", put16(f->buf + EH(e_phentsize), 64));
}

TEST(elf, refuse_phnum)
{
	REFUSE_EDITED("riscv64-pie", "no program headers", put16(f->buf + EH(e_phnum), 0));
	REFUSE_EDITED("riscv64-pie", "PN_XNUM", put16(f->buf + EH(e_phnum), PN_XNUM));
	REFUSE_EDITED("riscv64-pie", "past the end", put16(f->buf + EH(e_phnum), 0xfffe));
	REFUSE_EDITED("riscv64-pie", "past the end", put16(f->buf + EH(e_phnum), 1000));
}

TEST(elf, refuse_phoff)
{
	REFUSE_EDITED("aarch64-interp", "past the end", put64(f->buf + EH(e_phoff), f->len));
	REFUSE_EDITED("aarch64-interp", "past the end", put64(f->buf + EH(e_phoff), f->len - 56));
	REFUSE_EDITED("aarch64-interp", "past the end", put64(f->buf + EH(e_phoff), UINT64_MAX));
	REFUSE_EDITED("aarch64-interp", "past the end",
		      put64(f->buf + EH(e_phoff), UINT64_MAX - 100));
	REFUSE_EDITED("aarch64-interp", "past the end", put64(f->buf + EH(e_phoff), 1ull << 63));
	REFUSE_EDITED("aarch64-interp", "overlap the ELF header", put64(f->buf + EH(e_phoff), 0));
	REFUSE_EDITED("aarch64-interp", "overlap the ELF header", put64(f->buf + EH(e_phoff), 8));
	REFUSE_EDITED("aarch64-interp", "misaligned", put64(f->buf + EH(e_phoff), 68));
	REFUSE_EDITED("aarch64-interp", "misaligned", put64(f->buf + EH(e_phoff), 65));
}

/* ---- PT_LOAD ---- */

TEST(elf, refuse_load_sizes)
{
	REFUSE_EDITED("x86_64-static", "file size exceeds its memory size", {
		int i = find_load(f, false);
		ph_set(f, i, PH(p_filesz), ph_get(f, i, PH(p_memsz)) + 1);
	});
	REFUSE_EDITED("x86_64-static", "run past the end of the file", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_filesz), f->len);
		ph_set(f, i, PH(p_memsz), f->len);
	});
	REFUSE_EDITED("x86_64-static", "run past the end of the file", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_offset), f->len + 0x1000);
		ph_set(f, i, PH(p_vaddr), ph_get(f, i, PH(p_vaddr)) + f->len + 0x1000);
	});
	/* An offset that wraps the sum back into the file. */
	REFUSE_EDITED("x86_64-static", "run past the end of the file", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_offset),
		       UINT64_MAX - 0xfff + (ph_get(f, i, PH(p_offset)) & 0xfff));
	});
}

TEST(elf, refuse_load_address_range)
{
	REFUSE_EDITED("aarch64-static", "wraps around", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_memsz), UINT64_MAX - ph_get(f, i, PH(p_vaddr)) + 2);
	});
	/* Ends in the last page: the rounded end wraps. */
	REFUSE_EDITED("aarch64-static", "wraps around", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_memsz), UINT64_MAX - ph_get(f, i, PH(p_vaddr)) - 5);
	});
	REFUSE_EDITED("aarch64-static", "address space limit", {
		int i = find_load(f, false);
		ph_set(f, i, PH(p_memsz), USER_TOP);
	});
	/* The last segment moved above the limit (kernel half). */
	REFUSE_EDITED("aarch64-static", "address space limit", {
		int i = last_load(f);
		ph_set(f, i, PH(p_vaddr),
		       0xffff800000000000ull + (ph_get(f, i, PH(p_vaddr)) & 0xffff));
	});
}

TEST(elf, refuse_load_alignment)
{
	static const uint64_t bad[] = { 2, 3, 8, 2048, 0x1800, 0x3000, 0x10001, UINT64_MAX };
	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		REFUSE_EDITED("riscv64-static", "alignment",
			      { ph_set(f, find_load(f, true), PH(p_align), bad[k]); });
	/* Address and offset must agree modulo the alignment... */
	REFUSE_EDITED("riscv64-static", "modulo p_align", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_vaddr), ph_get(f, i, PH(p_vaddr)) + 0x10);
	});
	REFUSE_EDITED("aarch64-static", "modulo p_align", {
		int i = find_load(f, true); /* 64 KiB aligned: off by one page */
		ph_set(f, i, PH(p_vaddr), ph_get(f, i, PH(p_vaddr)) - 0x1000);
	});
	/* ...and modulo the page even when p_align is 0 or 1. */
	REFUSE_EDITED("riscv64-static", "modulo the page size", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_align), 1);
		ph_set(f, i, PH(p_vaddr), ph_get(f, i, PH(p_vaddr)) + 4);
	});
	for (uint64_t align = 0; align < 2; align++) {
		struct file f = load_sample("riscv64-static");
		for (int i = 0; i < phnum(&f); i++)
			if (ph_get(&f, i, PH(p_type)) == PT_LOAD)
				ph_set(&f, i, PH(p_align), align);
		struct elf_image img;
		PARSE_OK(&f, &img);
		free(f.buf);
	}
}

TEST(elf, refuse_load_wx)
{
	REFUSE_EDITED("x86_64-static", "(W^X)", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_flags), PF_R | PF_W | PF_X);
	});
	REFUSE_EDITED("aarch64-pie", "(W^X)", {
		int i = find_ph(f, PT_LOAD, 2); /* the RW one after text */
		ph_set(f, i, PH(p_flags), PF_W | PF_X);
	});
	REFUSE_EDITED("riscv64-interp", "(W^X)", {
		int i = find_ph(f, PT_LOAD, 0);
		ph_set(f, i, PH(p_flags), ph_get(f, i, PH(p_flags)) | PF_W | PF_X);
	});
}

TEST(elf, refuse_load_order)
{
	/* Two PT_LOADs swapped. */
	REFUSE_EDITED("x86_64-static", "not sorted", {
		int a = find_ph(f, PT_LOAD, 1), b = find_ph(f, PT_LOAD, 2);
		uint8_t tmp[sizeof(Elf64_Phdr)];
		memcpy(tmp, f->buf + ph_at(f, a), sizeof(tmp));
		memcpy(f->buf + ph_at(f, a), f->buf + ph_at(f, b), sizeof(tmp));
		memcpy(f->buf + ph_at(f, b), tmp, sizeof(tmp));
	});
	/* The data segment moved one page down, into the page text ends in
	 * (congruence kept, so only the overlap is wrong). */
	REFUSE_EDITED("x86_64-static", "sharing a page", {
		int i = find_ph(f, PT_LOAD, 2);
		ph_set(f, i, PH(p_vaddr), ph_get(f, i, PH(p_vaddr)) - 0x1000);
	});
	/* Text grown into the next segment's first page. */
	REFUSE_EDITED("riscv64-static", "sharing a page", {
		int i = find_load(f, true);
		ph_set(f, i, PH(p_memsz), ph_get(f, i, PH(p_memsz)) + 0x1000);
	});
}

TEST(elf, refuse_no_load)
{
	/* Every PT_LOAD turned into a note. */
	REFUSE_EDITED("x86_64-static", "no PT_LOAD", {
		for (int i = 0; i < phnum(f); i++)
			if (ph_get(f, i, PH(p_type)) == PT_LOAD)
				ph_set(f, i, PH(p_type), PT_NOTE);
	});
}

/* ---- the entry point ---- */

TEST(elf, refuse_entry)
{
	REFUSE_EDITED("x86_64-static", "entry point", put64(f->buf + EH(e_entry), 0x10));
	REFUSE_EDITED("x86_64-static", "entry point", put64(f->buf + EH(e_entry), 0));
	REFUSE_EDITED("x86_64-static", "entry point", put64(f->buf + EH(e_entry), UINT64_MAX));
	/* In the read-only segment that holds the headers. */
	REFUSE_EDITED("aarch64-static", "entry point", {
		put64(f->buf + EH(e_entry), ph_get(f, find_load(f, false), PH(p_vaddr)) + 0x40);
	});
	/* Just past the file-backed end of the text. */
	REFUSE_EDITED("riscv64-static", "entry point", {
		int i = find_load(f, true);
		put64(f->buf + EH(e_entry), ph_get(f, i, PH(p_vaddr)) + ph_get(f, i, PH(p_filesz)));
	});
	/* Text that became data: no executable segment holds the entry. */
	REFUSE_EDITED("riscv64-static", "entry point",
		      { ph_set(f, find_load(f, true), PH(p_flags), PF_R); });
	/* The last byte of text is fine. */
	struct file f = load_sample("riscv64-static");
	int i = find_load(&f, true);
	put64(f.buf + EH(e_entry), ph_get(&f, i, PH(p_vaddr)) + ph_get(&f, i, PH(p_filesz)) - 1);
	struct elf_image img;
	PARSE_OK(&f, &img);
	CHECK(img.has_entry);
	free(f.buf);
}

/* A shared library (ET_DYN) has e_entry 0: no entry point, not an error.
 * An ET_EXEC with entry 0 is refused (above). */
TEST(elf, dyn_without_entry)
{
	struct file f = load_sample("aarch64-pie");
	put64(f.buf + EH(e_entry), 0);
	struct elf_image img;
	PARSE_OK(&f, &img);
	CHECK(!img.has_entry);
	CHECK_EQ_U(img.entry, 0);
	free(f.buf);
}

/* ---- PT_INTERP ---- */

TEST(elf, refuse_interp)
{
	REFUSE_EDITED("x86_64-interp", "not NUL-terminated", {
		int i = find_ph(f, PT_INTERP, 0);
		f->buf[ph_get(f, i, PH(p_offset)) + ph_get(f, i, PH(p_filesz)) - 1] = 'x';
	});
	REFUSE_EDITED("x86_64-interp", "not NUL-terminated", {
		int i = find_ph(f, PT_INTERP, 0);
		ph_set(f, i, PH(p_filesz), ph_get(f, i, PH(p_filesz)) - 1);
	});
	REFUSE_EDITED("x86_64-interp", "NUL before its end", {
		int i = find_ph(f, PT_INTERP, 0);
		f->buf[ph_get(f, i, PH(p_offset)) + 3] = 0;
	});
	REFUSE_EDITED("x86_64-interp", "path is empty",
		      { ph_set(f, find_ph(f, PT_INTERP, 0), PH(p_filesz), 1); });
	REFUSE_EDITED("x86_64-interp", "path is empty",
		      { ph_set(f, find_ph(f, PT_INTERP, 0), PH(p_filesz), 0); });
	REFUSE_EDITED("aarch64-interp", "PT_INTERP runs past the end",
		      { ph_set(f, find_ph(f, PT_INTERP, 0), PH(p_offset), f->len - 3); });
	REFUSE_EDITED("aarch64-interp", "PT_INTERP runs past the end",
		      { ph_set(f, find_ph(f, PT_INTERP, 0), PH(p_offset), UINT64_MAX - 3); });
	REFUSE_EDITED("aarch64-interp", "PT_INTERP runs past the end",
		      { ph_set(f, find_ph(f, PT_INTERP, 0), PH(p_filesz), UINT64_MAX); });
	/* The GNU_STACK header turned into a second PT_INTERP. */
	REFUSE_EDITED("riscv64-interp", "more than one PT_INTERP", {
		int i = find_ph(f, PT_INTERP, 0), s = find_ph(f, PT_GNU_STACK, 0);
		memcpy(f->buf + ph_at(f, s), f->buf + ph_at(f, i), sizeof(Elf64_Phdr));
	});
	/* The gABI puts PT_INTERP before every PT_LOAD. */
	REFUSE_EDITED("riscv64-interp", "PT_INTERP after a PT_LOAD", {
		int i = find_ph(f, PT_INTERP, 0), l = find_ph(f, PT_LOAD, 0);
		uint8_t tmp[sizeof(Elf64_Phdr)];
		memcpy(tmp, f->buf + ph_at(f, i), sizeof(tmp));
		memcpy(f->buf + ph_at(f, i), f->buf + ph_at(f, l), sizeof(tmp));
		memcpy(f->buf + ph_at(f, l), tmp, sizeof(tmp));
	});
}

/* ---- PT_TLS ---- */

TEST(elf, refuse_tls)
{
	REFUSE_EDITED("x86_64-tls", "PT_TLS file size exceeds", {
		int i = find_ph(f, PT_TLS, 0);
		ph_set(f, i, PH(p_memsz), ph_get(f, i, PH(p_filesz)) - 1);
	});
	static const uint64_t bad_align[] = { 3, 6, 0x30, UINT64_MAX };
	for (int k = 0; k < 4; k++)
		REFUSE_EDITED("aarch64-tls", "PT_TLS alignment",
			      { ph_set(f, find_ph(f, PT_TLS, 0), PH(p_align), bad_align[k]); });
	REFUSE_EDITED("riscv64-tls", "PT_TLS runs past the end",
		      { ph_set(f, find_ph(f, PT_TLS, 0), PH(p_offset), f->len); });
	REFUSE_EDITED("riscv64-tls", "PT_TLS address range wraps", {
		int i = find_ph(f, PT_TLS, 0);
		ph_set(f, i, PH(p_memsz), UINT64_MAX - ph_get(f, i, PH(p_vaddr)) + 1);
	});
	/* The template moved out of every segment, or to bss. */
	REFUSE_EDITED("x86_64-tls-pie", "initialization image",
		      { ph_set(f, find_ph(f, PT_TLS, 0), PH(p_vaddr), 0x7000000); });
	REFUSE_EDITED("x86_64-tls", "initialization image", {
		int i = find_ph(f, PT_TLS, 0), last = last_load(f);
		ph_set(f, i, PH(p_vaddr), ph_get(f, last, PH(p_vaddr)));
	});
	REFUSE_EDITED("riscv64-tls-pie", "more than one PT_TLS", {
		int i = find_ph(f, PT_TLS, 0), s = find_ph(f, PT_GNU_STACK, 0);
		memcpy(f->buf + ph_at(f, s), f->buf + ph_at(f, i), sizeof(Elf64_Phdr));
	});
	/* Alignment 0 and 1 mean none. */
	for (uint64_t a = 0; a < 2; a++) {
		struct file f = load_sample("aarch64-tls");
		ph_set(&f, find_ph(&f, PT_TLS, 0), PH(p_align), a);
		struct elf_image img;
		PARSE_OK(&f, &img);
		free(f.buf);
	}
}

/* ---- PT_DYNAMIC ---- */

TEST(elf, refuse_dynamic)
{
	REFUSE_EDITED("x86_64-pie", "not inside a loaded segment",
		      { ph_set(f, find_ph(f, PT_DYNAMIC, 0), PH(p_vaddr), 0x100000); });
	REFUSE_EDITED("x86_64-pie", "not inside a loaded segment", {
		int i = find_ph(f, PT_DYNAMIC, 0);
		ph_set(f, i, PH(p_memsz), ph_get(f, i, PH(p_memsz)) + 0x10000);
	});
	REFUSE_EDITED("aarch64-pie", "whole number of Elf64_Dyn", {
		int i = find_ph(f, PT_DYNAMIC, 0);
		ph_set(f, i, PH(p_memsz), ph_get(f, i, PH(p_memsz)) - 1);
	});
	REFUSE_EDITED("aarch64-pie", "whole number of Elf64_Dyn",
		      { ph_set(f, find_ph(f, PT_DYNAMIC, 0), PH(p_memsz), 0); });
	REFUSE_EDITED("riscv64-pie", "PT_DYNAMIC runs past the end",
		      { ph_set(f, find_ph(f, PT_DYNAMIC, 0), PH(p_offset), f->len - 8); });
	REFUSE_EDITED("riscv64-pie", "PT_DYNAMIC address range wraps",
		      { ph_set(f, find_ph(f, PT_DYNAMIC, 0), PH(p_vaddr), UINT64_MAX - 0x10); });
	REFUSE_EDITED("riscv64-interp", "more than one PT_DYNAMIC", {
		int i = find_ph(f, PT_DYNAMIC, 0), s = find_ph(f, PT_GNU_STACK, 0);
		memcpy(f->buf + ph_at(f, s), f->buf + ph_at(f, i), sizeof(Elf64_Phdr));
	});
}

/* ---- PT_GNU_STACK, PT_PHDR, other types ---- */

TEST(elf, gnu_stack)
{
	struct file f = load_sample("x86_64-static");
	struct elf_image img;
	PARSE_OK(&f, &img);
	CHECK(!img.stack_exec);
	int s = find_ph(&f, PT_GNU_STACK, 0);
	ph_set(&f, s, PH(p_flags), PF_R | PF_W | PF_X);
	PARSE_OK(&f, &img);
	CHECK(img.stack_exec);
	/* Without PT_GNU_STACK the stack is not executable. */
	ph_set(&f, s, PH(p_type), PT_NULL);
	PARSE_OK(&f, &img);
	CHECK(!img.stack_exec);
	free(f.buf);
	REFUSE_EDITED("x86_64-static", "more than one PT_GNU_STACK",
		      { ph_set(f, find_ph(f, PT_NOTE, 0), PH(p_type), PT_GNU_STACK); });
}

TEST(elf, phdr_segment)
{
	/* Without PT_PHDR, the address comes from the PT_LOAD holding the
	 * table. */
	struct file f = load_sample("aarch64-static");
	struct elf_image with, without;
	PARSE_OK(&f, &with);
	ph_set(&f, find_ph(&f, PT_PHDR, 0), PH(p_type), PT_NULL);
	PARSE_OK(&f, &without);
	CHECK(with.phdr_vaddr != 0);
	CHECK_EQ_U(with.phdr_vaddr, without.phdr_vaddr);
	free(f.buf);
	/* The linked W^X sample has no PT_PHDR and its table is not loaded. */
	REFUSE_EDITED("x86_64-static", "PT_PHDR does not describe", {
		int i = find_ph(f, PT_PHDR, 0);
		ph_set(f, i, PH(p_offset), ph_get(f, i, PH(p_offset)) + 8);
	});
	REFUSE_EDITED("x86_64-static", "PT_PHDR does not describe", {
		int i = find_ph(f, PT_PHDR, 0);
		ph_set(f, i, PH(p_filesz), 56);
	});
	REFUSE_EDITED("x86_64-static", "PT_PHDR is not inside a loaded segment",
		      { ph_set(f, find_ph(f, PT_PHDR, 0), PH(p_vaddr), 0x1000); });
	REFUSE_EDITED("riscv64-static", "more than one PT_PHDR", {
		int i = find_ph(f, PT_PHDR, 0), s = find_ph(f, PT_GNU_STACK, 0);
		memcpy(f->buf + ph_at(f, s), f->buf + ph_at(f, i), sizeof(Elf64_Phdr));
	});
	REFUSE_EDITED("riscv64-static", "PT_PHDR after a PT_LOAD", {
		int i = find_ph(f, PT_PHDR, 0), l = find_ph(f, PT_LOAD, 0);
		uint8_t tmp[sizeof(Elf64_Phdr)];
		memcpy(tmp, f->buf + ph_at(f, i), sizeof(tmp));
		memcpy(f->buf + ph_at(f, i), f->buf + ph_at(f, l), sizeof(tmp));
		memcpy(f->buf + ph_at(f, l), tmp, sizeof(tmp));
	});
}

/* Types a loader does not use are not looked at, however odd. */
TEST(elf, unknown_types_ignored)
{
	struct file f = load_sample("x86_64-interp");
	static const uint32_t types[] = { PT_NOTE, PT_GNU_RELRO, 0x6474e550, 0x70000003,
					  0x12345678 };
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
		int i = find_ph(&f, PT_GNU_RELRO, 0);
		uint8_t *p = f.buf + ph_at(&f, i);
		memset(p, 0xff, sizeof(Elf64_Phdr));
		put32(p + PH(p_type), types[k]);
		struct elf_image img;
		PARSE_OK(&f, &img);
		put32(p + PH(p_type), PT_GNU_RELRO);
	}
	free(f.buf);
}

/* ---- images built here ---- */

struct synth {
	uint8_t buf[0x6000];
	int phnum;
};

static void synth_init(struct synth *s, uint16_t type, uint64_t entry)
{
	memset(s, 0, sizeof(*s));
	memcpy(s->buf,
	       "\x7f"
	       "ELF\x02\x01\x01",
	       7);
	put16(s->buf + EH(e_type), type);
	put16(s->buf + EH(e_machine), EM_X86_64);
	put32(s->buf + EH(e_version), EV_CURRENT);
	put64(s->buf + EH(e_entry), entry);
	put64(s->buf + EH(e_phoff), sizeof(Elf64_Ehdr));
	put16(s->buf + EH(e_ehsize), sizeof(Elf64_Ehdr));
	put16(s->buf + EH(e_phentsize), sizeof(Elf64_Phdr));
}

static void synth_add(struct synth *s, uint32_t type, uint32_t flags, uint64_t offset,
		      uint64_t vaddr, uint64_t filesz, uint64_t memsz, uint64_t align)
{
	CHECK(64 + (s->phnum + 1) * sizeof(Elf64_Phdr) <= 0x1000);
	uint8_t *p = s->buf + 64 + s->phnum * sizeof(Elf64_Phdr);
	put32(p + PH(p_type), type);
	put32(p + PH(p_flags), flags);
	put64(p + PH(p_offset), offset);
	put64(p + PH(p_vaddr), vaddr);
	put64(p + PH(p_paddr), vaddr);
	put64(p + PH(p_filesz), filesz);
	put64(p + PH(p_memsz), memsz);
	put64(p + PH(p_align), align);
	put16(s->buf + EH(e_phnum), (uint16_t)++s->phnum);
}

TEST(elf, synthetic_minimal)
{
	static struct synth s;
	synth_init(&s, ET_EXEC, 0x401000);
	synth_add(&s, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x10, 0x10, 0x1000);
	struct elf_image img;
	const char *why = NULL;
	CHECK_EQ_I(parse(s.buf, 0x1010, EM_X86_64, USER_TOP, &img, &why), 0);
	CHECK_EQ_I(img.n_load, 1);
	CHECK_EQ_U(img.vaddr_lo, 0x401000);
	CHECK_EQ_U(img.vaddr_hi, 0x402000);
	/* The table is not in any segment: nothing to tell AT_PHDR. */
	CHECK_EQ_U(img.phdr_vaddr, 0);
	CHECK(!img.has_interp && !img.has_tls && !img.has_dynamic && !img.stack_exec);
	/* One byte short of the segment's contents. */
	expect_refused_at(__FILE__, __LINE__, s.buf, 0x100f, EM_X86_64, "past the end of the file");
}

TEST(elf, synthetic_load_count)
{
	static struct synth s;
	synth_init(&s, ET_EXEC, 0x400000);
	for (int i = 0; i < ELF_MAX_LOAD; i++)
		synth_add(&s, PT_LOAD, i ? PF_R : PF_R | PF_X, 0x1000,
			  0x400000 + 0x10000 * (uint64_t)i, 0x100, 0x100, 0x1000);
	struct elf_image img;
	const char *why = NULL;
	CHECK_EQ_I(parse(s.buf, 0x2000, EM_X86_64, USER_TOP, &img, &why), 0);
	CHECK_EQ_I(img.n_load, ELF_MAX_LOAD);
	CHECK_EQ_U(img.vaddr_hi, 0x400000 + 0x10000 * (ELF_MAX_LOAD - 1) + 0x1000);
	synth_add(&s, PT_LOAD, PF_R, 0x1000, 0x400000 + 0x10000 * ELF_MAX_LOAD, 0x100, 0x100,
		  0x1000);
	expect_refused_at(__FILE__, __LINE__, s.buf, 0x2000, EM_X86_64, "too many PT_LOAD");
}

/* Segments may share a file page while landing on different memory
 * pages; an empty PT_LOAD (memsz 0) is refused. */
TEST(elf, synthetic_shared_file_page)
{
	static struct synth s;
	synth_init(&s, ET_DYN, 0x1000);
	synth_add(&s, PT_LOAD, PF_R | PF_X, 0, 0, 0x1100, 0x1100, 0x1000);
	synth_add(&s, PT_LOAD, PF_R | PF_W, 0x1100, 0x3100, 0x20, 0x5000, 0x1000);
	struct elf_image img;
	const char *why = NULL;
	CHECK_EQ_I(parse(s.buf, 0x1200, EM_X86_64, USER_TOP, &img, &why), 0);
	CHECK_EQ_I(img.n_load, 2);
	CHECK_EQ_U(img.load[1].vaddr, 0x3100);
	CHECK_EQ_U(img.phdr_vaddr, 64);
	CHECK_EQ_U(img.vaddr_hi, 0x9000);
	/* The entry in the zero-filled part of text is refused: text made
	 * longer in memory only. */
	put64(s.buf + 64 + PH(p_memsz), 0x1900);
	put64(s.buf + EH(e_entry), 0x1800);
	expect_refused_at(__FILE__, __LINE__, s.buf, 0x1200, EM_X86_64, "entry point");
	put64(s.buf + EH(e_entry), 0x1000);
	synth_add(&s, PT_LOAD, PF_R, 0x1100, 0x10100, 0, 0, 0x1000);
	expect_refused_at(__FILE__, __LINE__, s.buf, 0x1200, EM_X86_64, "empty PT_LOAD");
}

TEST(elf, synthetic_tls_only_bss)
{
	/* A .tbss-only PT_TLS has no file part; its address need not be
	 * inside any segment (lld puts it past the end). */
	static struct synth s;
	synth_init(&s, ET_EXEC, 0x401000);
	synth_add(&s, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x10, 0x10, 0x1000);
	synth_add(&s, PT_TLS, PF_R, 0x1010, 0x900000, 0, 0x40, 16);
	struct elf_image img;
	const char *why = NULL;
	CHECK_EQ_I(parse(s.buf, 0x1010, EM_X86_64, USER_TOP, &img, &why), 0);
	CHECK(img.has_tls);
	CHECK_EQ_U(img.tls.memsz, 0x40);
}

/* Random damage to the program headers and the header: refused with a
 * reason, or accepted with every promise of struct elf_image kept. */
static void check_image_promises(const uint8_t *buf, size_t len, const struct elf_image *img)
{
	CHECK(img->n_load >= 1 && img->n_load <= ELF_MAX_LOAD);
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		CHECK(s->filesz <= s->memsz && s->offset <= len && s->filesz <= len - s->offset);
		CHECK(s->memsz > 0 && s->vaddr + s->memsz > s->vaddr);
		CHECK(s->vaddr + s->memsz <= USER_TOP);
		CHECK((s->flags & (PF_W | PF_X)) != (PF_W | PF_X));
		CHECK(s->vaddr % 4096 == s->offset % 4096);
		if (i)
			CHECK(((img->load[i - 1].vaddr + img->load[i - 1].memsz + 4095) &
			       ~4095ull) <= (s->vaddr & ~4095ull));
		uint32_t sum = 0;
		for (uint64_t k = 0; k < s->filesz; k++)
			sum += buf[s->offset + k];
		(void)sum;
	}
	if (img->has_interp) {
		CHECK(img->interp_offset + img->interp_size <= len);
		CHECK_EQ_U(strlen((const char *)buf + img->interp_offset) + 1, img->interp_size);
	}
	CHECK(img->vaddr_lo < img->vaddr_hi && img->vaddr_hi <= USER_TOP);
}

TEST(elf, random_mutations)
{
	static const char *const names[] = { "x86_64-interp", "aarch64-tls-pie", "riscv64-static" };
	uint64_t rng = 0xe1f;
	int accepted = 0, refused = 0;
	for (int n = 0; n < 3; n++) {
		struct file seed = load_sample(names[n]);
		size_t hot = ph_at(&seed, phnum(&seed));
		for (int round = 0; round < 6000; round++) {
			uint8_t *buf = vtest_dup(seed.buf, seed.len);
			int changes = 1 + (int)vtest_below(&rng, 3);
			for (int c = 0; c < changes; c++) {
				size_t at = vtest_below(&rng, hot);
				if (vtest_below(&rng, 2))
					buf[at] ^= (uint8_t)(1u << vtest_below(&rng, 8));
				else
					buf[at] = (uint8_t)vtest_rand(&rng);
			}
			struct elf_image img;
			const char *why = NULL;
			int rc = elf_parse(buf, seed.len, seed.machine, USER_TOP, &img, &why);
			if (rc) {
				CHECK_MSG(rc == ERR_BAD_FORMAT && why && *why, "%s round %d",
					  names[n], round);
				refused++;
			} else {
				check_image_promises(buf, seed.len, &img);
				accepted++;
			}
			free(buf);
		}
		free(seed.buf);
	}
	CHECK(refused > 1000 && accepted > 1000);
}
