// SPDX-License-Identifier: BSD-2-Clause
// The boot archive: the root task gets it as a read-only VMO (struct
// vg_startup.initrd); it is mapped on first use and searched with the
// kernel's own validating cpio parser (kernel/lib/cpio.c).
#include <kernel/cpio.h>
#include <vg/vg.h>

static const void *archive;
static size_t archive_len;

long vg_initrd_map(const void **base, size_t *len)
{
	const struct vg_startup *su = vg_startup();
	if (!archive) {
		if (!su || !su->initrd)
			return ERR_NOT_FOUND;
		uintptr_t at = 0;
		size_t size = (su->initrd_size + 4095) & ~(size_t)4095;
		long st = vg_vm_map(vg_self(), su->initrd, 0, size, VG_VM_READ, &at);
		if (st)
			return st;
		const char *why;
		if (cpio_validate((const void *)at, su->initrd_size, &why) < 0) {
			vg_vm_unmap(vg_self(), at, size);
			return ERR_BAD_FORMAT;
		}
		archive = (const void *)at;
		archive_len = su->initrd_size;
	}
	*base = archive;
	*len = archive_len;
	return 0;
}

long vg_initrd_find(const char *path, const void **data, size_t *len)
{
	const void *base;
	size_t size;
	long st = vg_initrd_map(&base, &size);
	if (st)
		return st;
	struct cpio_entry e;
	if (cpio_find(base, size, path, &e))
		return ERR_NOT_FOUND;
	*data = e.data;
	*len = e.size;
	return 0;
}

bool vg_initrd_holds(const void *data, size_t len, uint64_t *offset)
{
	uintptr_t p = (uintptr_t)data, base = (uintptr_t)archive;
	if (!archive || p < base || p - base > archive_len || len > archive_len - (p - base))
		return false;
	*offset = p - base;
	return true;
}
