// SPDX-License-Identifier: BSD-2-Clause
// ELF segments mapped from the boot archive's pages (vg/elfmap.h).
#include <kernel/string.h>
#include <vg/elfmap.h>

#define PAGE 4096ull
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))

bool vg_elf_in_archive(const struct elf_image *img, const void *file, size_t len, uint64_t *at)
{
	if (!vg_initrd_holds(file, len, at) || (*at & (PAGE - 1)))
		return false;
	for (int i = 0; i < img->n_load; i++)
		if (!(img->load[i].flags & PF_W) && img->load[i].memsz != img->load[i].filesz)
			return false;
	return true;
}

uint64_t vg_elf_file_pages(const struct elf_segment *s)
{
	return s->filesz ? PAGE_UP(s->vaddr + s->filesz) - PAGE_DOWN(s->vaddr) : 0;
}

/* Writable segment s's file pages [lo, lo + n) from the archive's page
 * page: a copy-on-write child, mapped into process at base + lo and, when
 * it is another process and they must be written here (to clear their
 * end, or for the caller), here too at *here. */
static long map_file_pages(vg_handle_t process, vg_handle_t archive, uint64_t page, uint64_t base,
			   const struct elf_segment *s, uintptr_t *here)
{
	uint64_t lo = PAGE_DOWN(s->vaddr), n = vg_elf_file_pages(s);
	uint64_t file_end = s->vaddr + s->filesz;
	uint32_t prot = elf_segment_prot(s->flags) | VG_VM_FIXED;
	bool self = process == vg_self(), clear = s->memsz > s->filesz;
	vg_handle_t vmo;
	long st = vg_vmo_create_child(archive, page, n, 0, &vmo);
	if (st)
		return st;
	uintptr_t to = base + lo, local = 0;
	if (self || clear || here)
		st = self ? vg_vm_map(process, vmo, 0, n, prot, &to)
			  : vg_vm_map(vg_self(), vmo, 0, n, VG_VM_READ | VG_VM_WRITE, &local);
	uintptr_t mine = self ? to : local;
	if (!st && clear)
		memset((uint8_t *)mine + (file_end - lo), 0, lo + n - file_end);
	if (!st && !self)
		st = vg_vm_map(process, vmo, 0, n, prot, &to);
	vg_handle_close(vmo);
	if (local && (st || !here)) {
		vg_vm_unmap(vg_self(), local, n);
		local = 0;
	}
	if (here)
		*here = local;
	return st;
}

long vg_elf_map_segment(vg_handle_t process, vg_handle_t archive, uint64_t at, uint64_t base,
			const struct elf_segment *s, uintptr_t *here)
{
	uint64_t lo = PAGE_DOWN(s->vaddr), hi = PAGE_UP(s->vaddr + s->memsz);
	/* elf_parse checked offset and vaddr agree modulo the page. */
	uint64_t page = at + PAGE_DOWN(s->offset);
	uint32_t prot = elf_segment_prot(s->flags) | VG_VM_FIXED;
	uintptr_t to = base + lo;
	if (here)
		*here = 0;
	if (!(s->flags & PF_W))
		return vg_vm_map(process, archive, page, hi - lo, prot | VG_VM_POPULATE, &to);
	uint64_t mid = lo + vg_elf_file_pages(s);
	long st = mid > lo ? map_file_pages(process, archive, page, base, s, here) : 0;
	vg_handle_t vmo;
	if (!st && hi > mid && !(st = vg_vmo_create(hi - mid, 0, &vmo))) {
		to = base + mid;
		st = vg_vm_map(process, vmo, 0, hi - mid, prot, &to);
		vg_handle_close(vmo);
	}
	if (st && here && *here) {
		vg_vm_unmap(vg_self(), *here, mid - lo);
		*here = 0;
	}
	return st;
}
