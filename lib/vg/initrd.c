// SPDX-License-Identifier: BSD-2-Clause
// The boot archive: the root task gets it as a read-only VMO (struct
// vg_startup.initrd); it is mapped on first use and searched with the
// kernel's own validating cpio parser (kernel/lib/cpio.c). Validated
// once when mapped, then indexed: a hash table of its names, built in the
// same pass, so that a lookup reads one record instead of walking (and
// validating again) a thousand (every spawn from the archive looks up).
// The index is passed on to the programs this one starts (struct
// vg_startup.initrd_index), which then neither validate nor index: a new
// dynamic program's ld.so looks up one file, and validating and indexing
// a 38 MB archive of 1,246 records cost it about 6 million instructions,
// most of them faults on the pages of the record headers. The index is a
// hint: each record it names is read with cpio_next's checks and its name
// compared, so a wrong one can only miss a file or find none.
#include <kernel/cpio.h>
#include <kernel/string.h>
#include <vg/vg.h>

/* One slot per name: its hash and its record's offset + 1 (0: empty). */
struct slot {
	uint32_t hash, record;
};

static const void *archive;
static size_t archive_len;
static struct slot *index; /* NULL: no index, cpio_find does the work */
static size_t index_mask;
/* The read-only handle to the index this process built, and the startup
 * block it was built under: a forked child has its own block, and its
 * handle to the index there (lib/c's fork), not this number. */
static vg_handle_t built_index;
static const struct vg_startup *built_for;
/* An adopted index larger than this is refused (an archive of 8 million
 * records). */
#define INDEX_SLOTS_MAX (1u << 24)

/* The slot for name: its own, or the empty one where it would go; NULL
 * when every slot is taken (only an index not built here can be full). */
static struct slot *slot_for(const char *name, size_t len, uint32_t hash, const void *base,
			     size_t size)
{
	for (size_t i = hash & index_mask, n = 0; n <= index_mask; i = (i + 1) & index_mask, n++) {
		struct slot *s = &index[i];
		if (!s->record)
			return s;
		size_t off = s->record - 1;
		struct cpio_entry e;
		if (s->hash == hash && cpio_next(base, size, &off, &e, NULL) == 1 &&
		    cpio_same_name(e.name, e.name_len, name, len))
			return s;
	}
	return NULL;
}

/* The index of a validated archive of count entries; without one (no
 * memory, offsets beyond 32 bits) lookups walk the archive. */
static void build_index(const void *base, size_t size, int count)
{
	size_t slots = 64;
	while (slots < 2 * (size_t)count)
		slots *= 2;
	vg_handle_t vmo;
	uintptr_t at = 0;
	size_t bytes = (slots * sizeof(struct slot) + 4095) & ~(size_t)4095;
	if (size > UINT32_MAX || vg_vmo_create(bytes, 0, &vmo))
		return;
	long st = vg_vm_map(vg_self(), vmo, 0, bytes, VG_VM_READ | VG_VM_WRITE, &at);
	vg_handle_t shared = VG_HANDLE_INVALID;
	if (!st &&
	    vg_handle_duplicate(
		    vmo, VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
		    &shared))
		shared = VG_HANDLE_INVALID;
	vg_handle_close(vmo);
	if (st)
		return;
	built_index = shared;
	built_for = vg_startup();
	index = (struct slot *)at;
	index_mask = slots - 1;
	size_t off = 0, here = 0;
	struct cpio_entry e;
	/* Later records win, as cpio_find has it: a repeated name takes the
	 * slot over. */
	while (cpio_next(base, size, &off, &e, NULL) == 1) {
		uint32_t h = cpio_name_hash(e.name, e.name_len);
		struct slot *s = slot_for(e.name, e.name_len, h, base, size);
		s->hash = h;
		s->record = (uint32_t)here + 1;
		here = off;
	}
}

/* The index the spawner passed (struct vg_startup.initrd_index), mapped
 * read-only: false when there is none or it cannot be used. */
static bool adopt_index(const struct vg_startup *su)
{
	uint64_t slots = su->initrd_index_slots;
	if (!su->initrd_index || slots < 2 || slots > INDEX_SLOTS_MAX || (slots & (slots - 1)))
		return false;
	size_t bytes = (slots * sizeof(struct slot) + 4095) & ~(size_t)4095;
	uintptr_t at = 0;
	if (vg_vm_map(vg_self(), su->initrd_index, 0, bytes, VG_VM_READ, &at))
		return false;
	index = (struct slot *)at;
	index_mask = slots - 1;
	return true;
}

bool vg_initrd_index(vg_handle_t *vmo, uint64_t *slots)
{
	const struct vg_startup *su = vg_startup();
	if (!index || !su)
		return false;
	if (su->initrd_index)
		*vmo = su->initrd_index;
	else if (built_index && built_for == su)
		*vmo = built_index;
	else
		return false;
	*slots = index_mask + 1;
	return true;
}

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
		if (!adopt_index(su)) {
			const char *why;
			int count = cpio_validate((const void *)at, su->initrd_size, &why);
			if (count < 0) {
				vg_vm_unmap(vg_self(), at, size);
				return ERR_BAD_FORMAT;
			}
			build_index((const void *)at, su->initrd_size, count);
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
	size_t n = strlen(path), off;
	struct slot *s = index ? slot_for(path, n, cpio_name_hash(path, n), base, size) : NULL;
	if (s && !s->record)
		return ERR_NOT_FOUND;
	/* A hard link whose data sits with another link: cpio_find knows. */
	bool read = s && (off = s->record - 1, cpio_next(base, size, &off, &e, NULL) == 1) &&
		!(CPIO_TYPE(e.mode) == CPIO_S_IFREG && e.nlink > 1 && e.size == 0);
	if (!read && cpio_find(base, size, path, &e))
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
