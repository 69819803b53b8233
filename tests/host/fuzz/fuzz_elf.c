// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for kernel/lib/elf.c. The input is an ELF file (the
// seeds are the clang/lld samples of tests/host/elf-samples for the three
// targets), parsed once for each machine. An accepted image must keep every
// promise of struct elf_image, checked here independently of the parser
// (file ranges inside the input, sorted page-disjoint W^X segments below
// the limit, a terminated interpreter path, an entry in executable file
// bytes); at most one machine can accept a file; a refusal must come with
// a reason and a zeroed image. The buffer is exactly the input's size, so
// ASan catches any read outside it.
#define _DEFAULT_SOURCE
#include <kernel/elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <verdigris/errors.h>

#define USER_TOP 0x0000800000000000ull
#define PAGE 4096ull

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what)
{
	fprintf(stderr, "FUZZ FAIL: %s\n", what);
	abort();
}

static bool in_file(uint64_t off, uint64_t n, size_t size)
{
	return off <= size && n <= size - off;
}

static bool inside_load(const struct elf_image *img, uint64_t vaddr, uint64_t n, bool file_part,
			bool exec)
{
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		uint64_t span = file_part ? s->filesz : s->memsz;
		if (exec && !(s->flags & PF_X))
			continue;
		if (vaddr >= s->vaddr && vaddr - s->vaddr <= span && n <= span - (vaddr - s->vaddr))
			return true;
	}
	return false;
}

static void check_image(const uint8_t *f, size_t size, const struct elf_image *img,
			uint64_t max_vaddr)
{
	if (img->n_load < 1 || img->n_load > ELF_MAX_LOAD)
		die("PT_LOAD count out of range");
	if (img->type != ET_EXEC && img->type != ET_DYN)
		die("bad type accepted");
	volatile uint8_t sink = 0;
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		if (s->filesz > s->memsz || !in_file(s->offset, s->filesz, size))
			die("PT_LOAD outside the file");
		if (!s->memsz || s->vaddr + s->memsz < s->vaddr ||
		    s->vaddr + s->memsz > max_vaddr - (max_vaddr % PAGE))
			die("PT_LOAD outside the address space");
		if ((s->flags & PF_W) && (s->flags & PF_X))
			die("W+X segment accepted");
		if (s->flags & ~(PF_R | PF_W | PF_X))
			die("stray flag bits kept");
		if (s->vaddr % PAGE != s->offset % PAGE)
			die("PT_LOAD not page-congruent");
		if (i) {
			const struct elf_segment *p = &img->load[i - 1];
			if (((p->vaddr + p->memsz + PAGE - 1) & ~(PAGE - 1)) >
			    (s->vaddr & ~(PAGE - 1)))
				die("PT_LOADs unsorted or sharing a page");
		}
		for (uint64_t k = 0; k < s->filesz; k++)
			sink ^= f[s->offset + k];
	}
	(void)sink;
	if (img->vaddr_lo >= img->vaddr_hi || img->vaddr_hi > max_vaddr)
		die("bad span");
	if (img->has_entry ? !inside_load(img, img->entry, 1, true, true)
			   : img->type != ET_DYN || img->entry != 0)
		die("entry point not in executable file bytes");
	if (img->has_interp) {
		if (!in_file(img->interp_offset, img->interp_size, size) || img->interp_size < 2 ||
		    strlen((const char *)f + img->interp_offset) + 1 != img->interp_size)
			die("bad interpreter path accepted");
	}
	if (img->has_tls) {
		const struct elf_segment *t = &img->tls;
		if (t->filesz > t->memsz || !in_file(t->offset, t->filesz, size) ||
		    (t->align > 1 && (t->align & (t->align - 1))) ||
		    (t->filesz && !inside_load(img, t->vaddr, t->filesz, true, false)))
			die("bad PT_TLS accepted");
	}
	if (img->has_dynamic &&
	    (!img->dynamic_size || img->dynamic_size % sizeof(Elf64_Dyn) ||
	     !inside_load(img, img->dynamic_vaddr, img->dynamic_size, false, false)))
		die("bad PT_DYNAMIC accepted");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint16_t machines[] = { EM_X86_64, EM_AARCH64, EM_RISCV };
	uint8_t *f = malloc(size ? size : 1);
	if (!f)
		return 0;
	memcpy(f, data, size);
	int accepted = 0;
	for (int m = 0; m < 3; m++) {
		struct elf_image img, zero;
		memset(&zero, 0, sizeof(zero));
		const char *why = NULL;
		int rc = elf_parse(f, size, machines[m], USER_TOP, &img, &why);
		if (rc) {
			if (rc != ERR_BAD_FORMAT || !why || !*why)
				die("refused without ERR_BAD_FORMAT and a reason");
			if (memcmp(&img, &zero, sizeof(img)))
				die("refused image not zeroed");
			continue;
		}
		accepted++;
		check_image(f, size, &img, USER_TOP);
		/* The limit is exact: the image's own end passes, one less not. */
		uint64_t hi = img.vaddr_hi;
		if (elf_parse(f, size, machines[m], hi, &img, &why))
			die("refused at its own vaddr_hi");
		check_image(f, size, &img, hi);
		if (!elf_parse(f, size, machines[m], hi - 1, &img, &why))
			die("accepted below its vaddr_hi");
	}
	if (accepted > 1)
		die("one file accepted for two machines");
	free(f);
	return 0;
}
