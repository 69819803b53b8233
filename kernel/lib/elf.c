// SPDX-License-Identifier: BSD-2-Clause
// ELF64 program-header parser; see kernel/include/kernel/elf.h.
#include <kernel/elf.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

/* Loaders map file pages straight into the address space, so every
 * PT_LOAD's address and offset must agree modulo this, whatever p_align
 * says. The smallest page of the three architectures. */
#define ELF_PAGE ((uint64_t)PAGE_SIZE)

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static bool is_pow2(uint64_t x)
{
	return x && !(x & (x - 1));
}

/* [off, off + size) lies inside a file of len bytes. */
static bool in_file(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

/* x rounded up to a page; false if that wraps around. */
static bool page_up(uint64_t x, uint64_t *out)
{
	if (x > UINT64_MAX - (ELF_PAGE - 1))
		return false;
	*out = ALIGN_UP(x, ELF_PAGE);
	return true;
}

/* [lo, lo + size) inside [base, base + span); callers proved that neither
 * end overflows. */
static bool range_inside(uint64_t lo, uint64_t size, uint64_t base, uint64_t span)
{
	return lo >= base && lo - base <= span && size <= span - (lo - base);
}

static void read_phdr(const uint8_t *p, Elf64_Phdr *ph)
{
	ph->p_type = le32(p + offsetof(Elf64_Phdr, p_type));
	ph->p_flags = le32(p + offsetof(Elf64_Phdr, p_flags));
	ph->p_offset = le64(p + offsetof(Elf64_Phdr, p_offset));
	ph->p_vaddr = le64(p + offsetof(Elf64_Phdr, p_vaddr));
	ph->p_paddr = le64(p + offsetof(Elf64_Phdr, p_paddr));
	ph->p_filesz = le64(p + offsetof(Elf64_Phdr, p_filesz));
	ph->p_memsz = le64(p + offsetof(Elf64_Phdr, p_memsz));
	ph->p_align = le64(p + offsetof(Elf64_Phdr, p_align));
}

static struct elf_segment to_segment(const Elf64_Phdr *ph)
{
	return (struct elf_segment){ .vaddr = ph->p_vaddr,
				     .memsz = ph->p_memsz,
				     .offset = ph->p_offset,
				     .filesz = ph->p_filesz,
				     .align = ph->p_align,
				     .flags = ph->p_flags & (PF_R | PF_W | PF_X) };
}

/* Checks the ELF header and records what it says. phoff/phnum are only
 * trusted after this returns NULL. */
static const char *check_header(const uint8_t *f, size_t len, uint16_t machine,
				struct elf_image *img, uint64_t *phoff)
{
	if (len < sizeof(Elf64_Ehdr))
		return "file smaller than an ELF header";
	if (f[0] != 0x7f || f[1] != 'E' || f[2] != 'L' || f[3] != 'F')
		return "bad magic (not an ELF file)";
	if (f[EI_CLASS] != ELFCLASS64)
		return "not a 64-bit ELF file (EI_CLASS)";
	if (f[EI_DATA] != ELFDATA2LSB)
		return "not a little-endian ELF file (EI_DATA)";
	if (f[EI_VERSION] != EV_CURRENT)
		return "unknown ELF version in e_ident";
	/* lld and GNU ld write NONE, or GNU when GNU extensions are used;
	 * another OS's ABI means other conventions than ours. */
	if (f[EI_OSABI] != ELFOSABI_NONE && f[EI_OSABI] != ELFOSABI_GNU)
		return "foreign OS ABI (EI_OSABI)";
	uint16_t type = le16(f + offsetof(Elf64_Ehdr, e_type));
	if (type != ET_EXEC && type != ET_DYN)
		return "not an executable (e_type is neither ET_EXEC nor ET_DYN)";
	if (le16(f + offsetof(Elf64_Ehdr, e_machine)) != machine)
		return "built for another machine (e_machine)";
	if (le32(f + offsetof(Elf64_Ehdr, e_version)) != EV_CURRENT)
		return "unknown ELF version (e_version)";
	if (le16(f + offsetof(Elf64_Ehdr, e_ehsize)) != sizeof(Elf64_Ehdr))
		return "e_ehsize is not the size of an ELF64 header";
	if (le16(f + offsetof(Elf64_Ehdr, e_phentsize)) != sizeof(Elf64_Phdr))
		return "e_phentsize is not the size of an ELF64 program header";
	uint16_t phnum = le16(f + offsetof(Elf64_Ehdr, e_phnum));
	if (phnum == 0)
		return "no program headers";
	if (phnum == PN_XNUM)
		return "program header count in section 0 (PN_XNUM) not supported";
	uint64_t off = le64(f + offsetof(Elf64_Ehdr, e_phoff));
	if (!in_file(off, (uint64_t)phnum * sizeof(Elf64_Phdr), len))
		return "program headers run past the end of the file";
	if (off < sizeof(Elf64_Ehdr))
		return "program headers overlap the ELF header";
	/* Loaded as an Elf64_Phdr array (AT_PHDR), so naturally aligned. */
	if (off % 8)
		return "program headers misaligned";
	img->type = type;
	img->machine = machine;
	img->flags = le32(f + offsetof(Elf64_Ehdr, e_flags));
	img->entry = le64(f + offsetof(Elf64_Ehdr, e_entry));
	img->phnum = phnum;
	*phoff = off;
	return NULL;
}

/* One PT_LOAD on its own, then against the one before it. */
static const char *check_load(const Elf64_Phdr *ph, size_t len, uint64_t max_vaddr,
			      const struct elf_image *img)
{
	uint64_t end, page_end;
	/* Maps nothing; linkers drop such segments, and a kept one would be
	 * a segment no loaded page corresponds to. */
	if (ph->p_memsz == 0)
		return "empty PT_LOAD (p_memsz 0)";
	if (ph->p_filesz > ph->p_memsz)
		return "PT_LOAD file size exceeds its memory size";
	if (!in_file(ph->p_offset, ph->p_filesz, len))
		return "PT_LOAD file contents run past the end of the file";
	if (__builtin_add_overflow(ph->p_vaddr, ph->p_memsz, &end) || !page_up(end, &page_end))
		return "PT_LOAD address range wraps around";
	if (page_end > max_vaddr)
		return "PT_LOAD ends above the address space limit";
	uint64_t align = ph->p_align;
	if (align > 1 && (!is_pow2(align) || align < ELF_PAGE))
		return "PT_LOAD alignment is not a power of two of at least the page size";
	if (align > 1 && ph->p_vaddr % align != ph->p_offset % align)
		return "PT_LOAD address and file offset disagree modulo p_align";
	if (ph->p_vaddr % ELF_PAGE != ph->p_offset % ELF_PAGE)
		return "PT_LOAD address and file offset disagree modulo the page size";
	if ((ph->p_flags & (PF_W | PF_X)) == (PF_W | PF_X))
		return "PT_LOAD is both writable and executable (W^X)";
	if (img->n_load > 0) {
		const struct elf_segment *prev = &img->load[img->n_load - 1];
		/* Proved not to wrap when prev was checked. */
		uint64_t prev_end = ALIGN_UP(prev->vaddr + prev->memsz, ELF_PAGE);
		if (prev_end > ALIGN_DOWN(ph->p_vaddr, ELF_PAGE))
			return "PT_LOADs not sorted by address or sharing a page";
	}
	if (img->n_load == ELF_MAX_LOAD)
		return "too many PT_LOAD segments";
	return NULL;
}

static const char *check_interp(const Elf64_Phdr *ph, const uint8_t *f, size_t len)
{
	if (!in_file(ph->p_offset, ph->p_filesz, len))
		return "PT_INTERP runs past the end of the file";
	if (ph->p_filesz < 2)
		return "PT_INTERP path is empty";
	const char *path = (const char *)f + ph->p_offset;
	uint64_t n = ph->p_filesz - 1;
	if (path[n] != 0)
		return "PT_INTERP path is not NUL-terminated";
	if (strnlen(path, n) != n)
		return "PT_INTERP path contains a NUL before its end";
	return NULL;
}

static const char *check_tls(const Elf64_Phdr *ph, size_t len)
{
	uint64_t end;
	if (ph->p_filesz > ph->p_memsz)
		return "PT_TLS file size exceeds its memory size";
	if (!in_file(ph->p_offset, ph->p_filesz, len))
		return "PT_TLS runs past the end of the file";
	if (__builtin_add_overflow(ph->p_vaddr, ph->p_memsz, &end))
		return "PT_TLS address range wraps around";
	if (ph->p_align > 1 && !is_pow2(ph->p_align))
		return "PT_TLS alignment is not a power of two";
	return NULL;
}

static const char *check_dynamic(const Elf64_Phdr *ph, size_t len)
{
	uint64_t end;
	if (!in_file(ph->p_offset, ph->p_filesz, len))
		return "PT_DYNAMIC runs past the end of the file";
	if (__builtin_add_overflow(ph->p_vaddr, ph->p_memsz, &end))
		return "PT_DYNAMIC address range wraps around";
	if (ph->p_memsz == 0 || ph->p_memsz % sizeof(Elf64_Dyn))
		return "PT_DYNAMIC size is not a whole number of Elf64_Dyn entries";
	return NULL;
}

/* The PT_LOAD whose memory (or, with file_only, its file-backed part) holds
 * [vaddr, vaddr + size), executable if exec_only; NULL if none. */
static const struct elf_segment *find_load(const struct elf_image *img, uint64_t vaddr,
					   uint64_t size, bool file_only, bool exec_only)
{
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		if (exec_only && !(s->flags & PF_X))
			continue;
		if (range_inside(vaddr, size, s->vaddr, file_only ? s->filesz : s->memsz))
			return s;
	}
	return NULL;
}

/* The first PT_LOAD whose file bytes hold [off, off + size). */
static const struct elf_segment *find_load_by_offset(const struct elf_image *img, uint64_t off,
						     uint64_t size)
{
	for (int i = 0; i < img->n_load; i++)
		if (range_inside(off, size, img->load[i].offset, img->load[i].filesz))
			return &img->load[i];
	return NULL;
}

/* Everything one program header at a time can check; records the rest. */
static const char *check_phdrs(const uint8_t *f, size_t len, uint64_t phoff, uint64_t max_vaddr,
			       struct elf_image *img, bool *has_phdr, Elf64_Phdr *phdr_seg)
{
	bool has_stack = false;
	for (uint16_t i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;
		read_phdr(f + phoff + (uint64_t)i * sizeof(Elf64_Phdr), &ph);
		const char *err = NULL;
		switch (ph.p_type) {
		case PT_LOAD:
			err = check_load(&ph, len, max_vaddr, img);
			if (!err)
				img->load[img->n_load++] = to_segment(&ph);
			break;
		case PT_INTERP:
			/* gABI: at most one, before any loadable segment. */
			if (img->has_interp)
				return "more than one PT_INTERP";
			if (img->n_load)
				return "PT_INTERP after a PT_LOAD";
			err = check_interp(&ph, f, len);
			img->has_interp = true;
			img->interp_offset = ph.p_offset;
			img->interp_size = ph.p_filesz;
			break;
		case PT_PHDR:
			if (*has_phdr)
				return "more than one PT_PHDR";
			if (img->n_load)
				return "PT_PHDR after a PT_LOAD";
			if (ph.p_offset != phoff ||
			    ph.p_filesz != (uint64_t)img->phnum * sizeof(Elf64_Phdr) ||
			    ph.p_memsz != ph.p_filesz)
				return "PT_PHDR does not describe the program header table";
			*has_phdr = true;
			*phdr_seg = ph;
			break;
		case PT_TLS:
			if (img->has_tls)
				return "more than one PT_TLS";
			err = check_tls(&ph, len);
			img->has_tls = true;
			img->tls = to_segment(&ph);
			break;
		case PT_DYNAMIC:
			if (img->has_dynamic)
				return "more than one PT_DYNAMIC";
			err = check_dynamic(&ph, len);
			img->has_dynamic = true;
			img->dynamic_vaddr = ph.p_vaddr;
			img->dynamic_size = ph.p_memsz;
			break;
		case PT_GNU_STACK:
			if (has_stack)
				return "more than one PT_GNU_STACK";
			has_stack = true;
			img->stack_exec = (ph.p_flags & PF_X) != 0;
			break;
		default:
			/* Notes, PT_GNU_RELRO, PT_GNU_EH_FRAME, processor and
			 * OS specific types: nothing a loader maps or trusts. */
			break;
		}
		if (err)
			return err;
	}
	return NULL;
}

/* What needs every PT_LOAD: the entry point and the segments that must lie
 * inside loaded memory. */
static const char *check_layout(struct elf_image *img, uint64_t phoff, bool has_phdr,
				const Elf64_Phdr *phdr_seg)
{
	if (img->n_load == 0)
		return "no PT_LOAD segment";
	/* Code runs from file bytes: an entry in the zero-filled tail, or in a
	 * non-executable segment, is a broken or hostile file. */
	if (find_load(img, img->entry, 1, true, true)) {
		img->has_entry = true;
	} else if (img->type != ET_DYN || img->entry != 0) {
		return "entry point is not inside an executable segment's file contents";
	}
	if (img->has_tls && img->tls.filesz &&
	    !find_load(img, img->tls.vaddr, img->tls.filesz, true, false))
		return "PT_TLS initialization image is not inside a loaded segment";
	if (img->has_dynamic &&
	    !find_load(img, img->dynamic_vaddr, img->dynamic_size, false, false))
		return "PT_DYNAMIC is not inside a loaded segment";
	uint64_t phsize = (uint64_t)img->phnum * sizeof(Elf64_Phdr);
	if (has_phdr) {
		if (!find_load(img, phdr_seg->p_vaddr, phsize, true, false))
			return "PT_PHDR is not inside a loaded segment";
		img->phdr_vaddr = phdr_seg->p_vaddr;
	} else {
		const struct elf_segment *s = find_load_by_offset(img, phoff, phsize);
		img->phdr_vaddr = s ? s->vaddr + (phoff - s->offset) : 0;
	}
	const struct elf_segment *last = &img->load[img->n_load - 1];
	img->vaddr_lo = ALIGN_DOWN(img->load[0].vaddr, ELF_PAGE);
	img->vaddr_hi = ALIGN_UP(last->vaddr + last->memsz, ELF_PAGE);
	return NULL;
}

int elf_parse(const void *file, size_t len, uint16_t machine, uint64_t max_vaddr,
	      struct elf_image *img, const char **why)
{
	const uint8_t *f = file;
	uint64_t phoff = 0;
	bool has_phdr = false;
	Elf64_Phdr phdr_seg;
	memset(img, 0, sizeof(*img));
	memset(&phdr_seg, 0, sizeof(phdr_seg));
	const char *err = check_header(f, len, machine, img, &phoff);
	if (!err)
		err = check_phdrs(f, len, phoff, max_vaddr, img, &has_phdr, &phdr_seg);
	if (!err)
		err = check_layout(img, phoff, has_phdr, &phdr_seg);
	if (err) {
		if (why)
			*why = err;
		memset(img, 0, sizeof(*img));
		return ERR_BAD_FORMAT;
	}
	return 0;
}

uint32_t elf_segment_prot(uint32_t flags)
{
	uint32_t prot = 0;
	if (flags & PF_R)
		prot |= VM_READ;
	if (flags & PF_W)
		prot |= VM_WRITE;
	if (flags & PF_X)
		prot |= VM_EXEC;
	return prot;
}
