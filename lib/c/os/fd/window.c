// SPDX-License-Identifier: BSD-2-Clause
// The bulk data path of regular files (docs/ARCHITECTURE.md, section 17):
// a memory window shared with the filesystem server (idl/fs.idl,
// file.window), so that one call moves up to the window's size (256 KiB
// on tmpfs) instead of 4 KiB in the message. The data is copied once on
// each side: the caller's buffer to the window here, the window to the
// file's pages in the server (or back for reads).
#include <errno.h>
#include <string.h>

#include "../internal/fd.h"
#include "../internal/lock.h"
#include "../internal/pages.h"

/* The window, asked for on first use; false when the server has none. */
static bool window_ready(struct fd_desc *d)
{
	if (d->window)
		return true;
	if (d->window_refused)
		return false;
	vg_handle_t mem;
	uint32_t size;
	void *at = NULL;
	if (fs_file_window(d->h, &mem, &size) == 0) {
		at = __libc_vm_map(mem, 0, size, VG_VM_READ | VG_VM_WRITE);
		vg_handle_close(mem);
	}
	if (!at) {
		/* Any failure (not offered, out of memory) leaves messages,
		 * which always work. */
		d->window_refused = true;
		return false;
	}
	d->window = at;
	d->window_size = size;
	return true;
}

ssize_t __fd_window_io(struct fd_desc *d, void *buf, size_t n, uint64_t off, bool writing)
{
	ssize_t direct = __fd_direct_io(d, buf, n, off, writing);
	if (direct != -2)
		return direct;
	unsigned char *p = buf;
	size_t done = 0;
	__libc_lock(&d->window_lock);
	if (!window_ready(d)) {
		__libc_unlock(&d->window_lock);
		return -2;
	}
	long st = 0;
	while (done < n) {
		size_t want = n - done < d->window_size ? n - done : d->window_size;
		uint64_t at = off == UINT64_MAX ? off : off + done;
		uint32_t got = 0;
		uint64_t pos;
		if (writing) {
			memcpy(d->window, p + done, want);
			st = fs_file_wwrite(d->h, at, (uint32_t)want, &got, &pos);
		} else {
			st = fs_file_wread(d->h, at, (uint32_t)want, &got);
			if (!st && got > want)
				got = (uint32_t)want; /* a server sending more than asked is cut */
			if (!st)
				memcpy(p + done, d->window, got);
		}
		if (st)
			break;
		done += got;
		if (got < want)
			break;
	}
	__libc_unlock(&d->window_lock);
	if (st && !done)
		return __fs_error(st);
	return (ssize_t)done;
}

void __fd_window_drop(struct fd_desc *d, bool forked)
{
	/* Not unmapped in a forked child: the allocator's lock may have been
	 * held by another thread of the parent at the fork. */
	if (d->window && !forked)
		__libc_pages_unmap(d->window, d->window_size);
	__fd_direct_drop(d, forked);
	d->window = NULL;
	d->window_size = 0;
	d->window_refused = false;
}
