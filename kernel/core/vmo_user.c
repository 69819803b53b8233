// SPDX-License-Identifier: BSD-2-Clause
// vmo_read and vmo_write with a user buffer (sys_vmo_read, sys_vmo_write):
// the bulk file data path (tmpfs files, docs/ARCHITECTURE.md section 17),
// so each page is copied once, straight between it and the caller. Never
// under the VMO lock: the user side may fault a page in, which takes it.
// A page the write covers whole and that was not committed yet is filled
// from the caller before anyone can see it, so it is not zeroed first; a
// hole read gives zeros without committing a page.
#include <kernel/pmm.h>
#include <kernel/string.h>
#include <kernel/usercopy.h>
#include <kernel/vmo.h>
#include <verdigris/errors.h>

#define CHUNK 512

static const char zeros[PAGE_SIZE];

/* A new page for index, filled from the caller; 1 when it went in, 0 when
 * the slot is no longer free (the caller takes the general way), or an
 * error. */
static int fill_new_page(struct vmo *v, size_t index, const char *ubuf)
{
	paddr_t np = pmm_alloc_page();
	if (!np)
		return ERR_NO_MEMORY;
	if (copy_from_user(phys_to_virt(np), ubuf, PAGE_SIZE)) {
		pmm_free(np, 1);
		return ERR_BAD_ADDRESS;
	}
	irqflags_t f = vmo_lock();
	bool free_slot = index < v->npages && !v->pages[index];
	if (free_slot) {
		vmo_page_set(v, index, np);
		v->committed++;
	}
	vmo_unlock(f);
	if (!free_slot)
		pmm_free(np, 1);
	return free_slot;
}

/* Whether page index is committed (or past the end): a write to it takes
 * the general way. */
static bool committed(struct vmo *v, size_t index)
{
	irqflags_t f = vmo_lock();
	bool c = index >= v->npages || v->pages[index];
	vmo_unlock(f);
	return c;
}

/* [offset, offset + n) between the caller and the VMO through a kernel
 * buffer: vmo_write commits a page (copying it first if it is shared);
 * also the way for VMOs without a page array (contiguous memory). */
static int through_buffer(struct vmo *v, uint64_t offset, char *ubuf, size_t n, bool write)
{
	char chunk[CHUNK];
	for (size_t done = 0; done < n;) {
		size_t k = MIN(n - done, sizeof(chunk));
		int err = write ? copy_from_user(chunk, ubuf + done, k) : 0;
		if (!err)
			err = write ? vmo_write(v, offset + done, chunk, k)
				    : vmo_read(v, offset + done, chunk, k);
		if (!err && !write)
			err = copy_to_user(ubuf + done, chunk, k);
		if (err)
			return err;
		done += k;
	}
	return 0;
}

/* Bytes [offset, offset + n) of one page to the caller: the page held
 * (a holder more) while it is copied, so that it cannot be freed under
 * the copy; zeros for a page not committed. */
static int read_page(struct vmo *v, uint64_t offset, char *ubuf, size_t n)
{
	size_t index = (size_t)(offset / PAGE_SIZE);
	irqflags_t f = vmo_lock();
	if (index >= v->npages) {
		vmo_unlock(f);
		return ERR_OUT_OF_RANGE;
	}
	paddr_t pa = v->pages[index];
	if (pa)
		pmm_page_share(pa);
	vmo_unlock(f);
	const char *src = pa ? (const char *)phys_to_virt(pa) + offset % PAGE_SIZE : zeros;
	int err = copy_to_user(ubuf, src, n);
	if (pa)
		pmm_page_release(pa);
	return err;
}

/* One page's part [offset, offset + n) from the caller. */
static int write_page(struct vmo *v, uint64_t offset, char *ubuf, size_t n)
{
	size_t index = (size_t)(offset / PAGE_SIZE);
	int got = n == PAGE_SIZE && !committed(v, index) ? fill_new_page(v, index, ubuf) : 0;
	if (got == 0)
		return through_buffer(v, offset, ubuf, n, true);
	return got == 1 ? 0 : got;
}

int vmo_user_io(struct vmo *v, uint64_t offset, char *ubuf, size_t len, bool write)
{
	if (offset > v->size || len > v->size - offset)
		return ERR_OUT_OF_RANGE;
	if (v->kind != VMO_ANON)
		return through_buffer(v, offset, ubuf, len, write);
	while (len) {
		size_t n = MIN(len, PAGE_SIZE - (size_t)(offset % PAGE_SIZE));
		int err = write ? write_page(v, offset, ubuf, n) : read_page(v, offset, ubuf, n);
		if (err)
			return err;
		offset += n;
		ubuf += n;
		len -= n;
	}
	return 0;
}
