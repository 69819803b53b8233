// SPDX-License-Identifier: BSD-2-Clause
// Finding a shared object's file and mapping it into this process, and
// taking over the executable vg_spawn already mapped.
#include <kernel/string.h>
#include <vg/elfmap.h>

#include "ld.h"

/* dir (n bytes) and name joined into path, without the leading slashes
 * the boot archive's paths do not have; false when too long. */
static bool join(char *path, size_t size, const char *dir, size_t n, const char *name)
{
	while (n && *dir == '/')
		dir++, n--;
	size_t k = strlen(name);
	if (n + 1 + k >= size)
		return false;
	memcpy(path, dir, n);
	path[n] = '/';
	memcpy(path + n + 1, name, k + 1);
	return true;
}

long ld_find_file(const char *name, const void **data, size_t *len)
{
	/* Names without a slash are libraries in LD_LIBRARY_PATH's
	 * directories, then /lib; paths are taken as they are. The boot
	 * archive's paths have no leading slash. */
	char path[LD_PATH_MAX];
	if (strchr(name, '/')) {
		while (*name == '/')
			name++;
		return vg_initrd_find(name, data, len);
	}
	if (strlen(name) >= LD_NAME_MAX)
		return ERR_NOT_FOUND;
	for (const char *dirs = ld_library_path(); dirs && *dirs;) {
		size_t n = 0;
		while (dirs[n] && dirs[n] != ':')
			n++;
		if (n && join(path, sizeof(path), dirs, n, name) &&
		    !vg_initrd_find(path, data, len))
			return 0;
		dirs += n + (dirs[n] == ':');
	}
	join(path, sizeof(path), "lib", 3, name);
	return vg_initrd_find(path, data, len);
}

/* The view of an object whose PT_LOADs are at base + their addresses. */
static void make_view(struct ld_module *m, const struct elf_segment *load, int n)
{
	m->view.n = n;
	for (int i = 0; i < n; i++) {
		m->view.seg[i].vaddr = load[i].vaddr;
		m->view.seg[i].memsz = load[i].memsz;
		m->view.seg[i].mem = (uint8_t *)(uintptr_t)(m->base + load[i].vaddr);
		m->view.seg[i].writable = (load[i].flags & PF_W) != 0;
	}
}

static bool parse_dynamic(struct ld_module *m, uint64_t vaddr, uint64_t size)
{
	const char *err = ld_dyn_parse(&m->view, vaddr, size, &m->dyn);
	if (err)
		ld_fail(m->name, err, NULL);
	return !err;
}

/* A free range of span bytes for the object: its address, or 0. */
static uintptr_t free_range(vg_handle_t vmo, uint64_t span)
{
	uintptr_t at = 0;
	if (vg_vm_map(vg_self(), vmo, 0, span, VG_VM_READ | VG_VM_PAST_END, &at))
		return 0;
	vg_vm_unmap(vg_self(), at, span);
	return at;
}

/* Segment s's page range [lo, hi), relative to the object's vaddr 0. */
static void page_range(const struct elf_segment *s, uint64_t *lo, uint64_t *hi)
{
	*lo = s->vaddr & ~(uint64_t)4095;
	*hi = (s->vaddr + s->memsz + 4095) & ~(uint64_t)4095;
}

/* The file's bytes into one VMO mapped at a free range (written through a
 * writable mapping of the whole, then each segment mapped again there
 * with its own protection). */
static long copy_segments(struct ld_module *m, const struct elf_image *img, const uint8_t *file)
{
	uint64_t span = img->vaddr_hi - img->vaddr_lo;
	vg_handle_t vmo;
	long st = vg_vmo_create(span, 0, &vmo);
	if (st)
		return st;
	uintptr_t at = 0;
	st = vg_vm_map(vg_self(), vmo, 0, span, VG_VM_READ | VG_VM_WRITE, &at);
	if (!st) {
		for (int i = 0; i < img->n_load; i++) {
			const struct elf_segment *s = &img->load[i];
			memcpy((uint8_t *)at + (s->vaddr - img->vaddr_lo), file + s->offset,
			       s->filesz);
		}
		vg_vm_unmap(vg_self(), at, span);
		m->map_lo = at;
		m->map_len = span;
		m->base = at - img->vaddr_lo;
	}
	for (int i = 0; !st && i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		uint64_t lo, hi;
		page_range(s, &lo, &hi);
		uintptr_t to = m->base + lo;
		st = vg_vm_map(vg_self(), vmo, lo - img->vaddr_lo, hi - lo,
			       elf_segment_prot(s->flags) | VG_VM_FIXED, &to);
		if (st) { /* what is mapped so far goes */
			vg_vm_unmap(vg_self(), m->map_lo, lo - img->vaddr_lo);
			m->map_len = 0;
		}
	}
	vg_handle_close(vmo);
	return st;
}

/* The segments mapped from the boot archive's pages (vg/elfmap.h), where
 * the file lies at a page boundary of the archive (tools/cpio_align.py
 * puts every ELF file there): nothing is copied, the read-only pages are
 * shared by every process and cannot be made writable, the writable ones
 * are copy-on-write. ERR_NOT_SUPPORTED when the file is not in the
 * archive or not aligned. */
static long map_from_archive(struct ld_module *m, const struct elf_image *img, const void *file,
			     size_t len)
{
	vg_handle_t archive = vg_startup()->initrd;
	uint64_t at;
	if (!vg_elf_in_archive(img, file, len, &at))
		return ERR_NOT_SUPPORTED;
	uint64_t span = img->vaddr_hi - img->vaddr_lo;
	uintptr_t range = free_range(archive, span);
	if (!range)
		return ERR_NO_MEMORY;
	m->map_lo = range;
	m->map_len = span;
	m->base = range - img->vaddr_lo;
	long st = 0;
	for (int i = 0; !st && i < img->n_load; i++)
		st = vg_elf_map_segment(vg_self(), archive, at, m->base, &img->load[i], NULL);
	if (st)
		ld_unmap_object(m);
	return st;
}

bool ld_map_object(struct ld_module *m, const void *file, size_t len)
{
	struct elf_image img;
	const char *why = "";
	if (elf_parse(file, len, VG_ELF_MACHINE, VG_USER_TOP, &img, &why)) {
		ld_fail(m->name, why, NULL);
		return false;
	}
	if (img.type != ET_DYN || img.has_interp || !img.has_dynamic) {
		ld_fail(m->name, "not a shared object (ET_DYN with a dynamic section)", NULL);
		return false;
	}
	m->file = file;
	m->file_len = len;
	long st = map_from_archive(m, &img, file, len);
	if (st == ERR_NOT_SUPPORTED)
		st = copy_segments(m, &img, file);
	if (st) {
		ld_fail(m->name, "could not map its segments", NULL);
		return false;
	}
	make_view(m, img.load, img.n_load);
	m->has_tls = img.has_tls && img.tls.memsz;
	m->tls = img.tls;
	if (!parse_dynamic(m, img.dynamic_vaddr, img.dynamic_size)) {
		ld_unmap_object(m);
		return false;
	}
	return true;
}

void ld_unmap_object(struct ld_module *m)
{
	if (m->map_len)
		vg_vm_unmap(vg_self(), m->map_lo, m->map_len);
	m->map_len = 0;
}

bool ld_adopt_exe(struct ld_module *m, const struct vg_startup *su)
{
	/* vg_spawn checked these headers (kernel/lib/elf.c) before loading
	 * them; their PT_LOADs are at most ELF_MAX_LOAD. */
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(uintptr_t)su->prog_phdr;
	struct elf_segment load[ELF_MAX_LOAD];
	int n = 0;
	uint64_t dyn = 0, dynsz = 0;
	m->is_exe = true;
	m->base = su->prog_base;
	for (uint64_t i = 0; i < su->prog_phnum; i++) {
		struct elf_segment s = { .vaddr = ph[i].p_vaddr,
					 .memsz = ph[i].p_memsz,
					 .offset = ph[i].p_offset,
					 .filesz = ph[i].p_filesz,
					 .align = ph[i].p_align,
					 .flags = ph[i].p_flags };
		if (ph[i].p_type == PT_LOAD && n < ELF_MAX_LOAD)
			load[n++] = s;
		else if (ph[i].p_type == PT_DYNAMIC)
			dyn = s.vaddr, dynsz = s.memsz;
		else if (ph[i].p_type == PT_TLS && s.memsz)
			m->has_tls = true, m->tls = s;
	}
	make_view(m, load, n);
	if (!dynsz) {
		ld_fail(m->name, "a program with an interpreter but no dynamic section", NULL);
		return false;
	}
	return parse_dynamic(m, dyn, dynsz);
}
