// SPDX-License-Identifier: BSD-2-Clause
// The direct data path of regular files (docs/ARCHITECTURE.md, section 17):
// a transfer of DIRECT_MIN bytes or more asks the server to do all of it
// but the copy (file.span: the position, O_APPEND's end, the size, the
// space limit, the times), then copies between the caller's buffer and
// the file's own pages with vmo_read / vmo_write on the handle file.pages
// gave: one copy, made by the kernel, with no page fault and no zeroing of
// a page about to be filled. Smaller transfers keep the window (window.c):
// a small file stays in the server's heap, which is cheaper for it.
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <verdigris/errors.h>

#include "../internal/fd.h"
#include "../internal/lock.h"

#define DIRECT_MIN (64u << 10)

/* The file's pages, asked for on first use; false when the server has
 * none to give (a device, a pipe, another filesystem). */
static bool pages_ready(struct fd_desc *d)
{
	__libc_lock(&d->window_lock);
	if (!d->pages && !d->pages_refused) {
		vg_handle_t h;
		if (fs_file_pages(d->h, &h) == 0)
			d->pages = h;
		else
			d->pages_refused = true;
	}
	bool ready = d->pages != VG_HANDLE_INVALID;
	__libc_unlock(&d->window_lock);
	return ready;
}

ssize_t __fd_direct_io(struct fd_desc *d, void *buf, size_t n, uint64_t off, bool writing)
{
	if (n < DIRECT_MIN || !pages_ready(d))
		return -2;
	unsigned char *p = buf;
	size_t done = 0;
	long st = 0;
	int fail = 0; /* an errno: the copy failed */
	while (done < n) {
		uint64_t at, count, want = n - done;
		st = fs_file_span(d->h, off == UINT64_MAX ? off : off + done, want, writing, &at,
				  &count);
		if (st)
			break;
		if (count > want)
			count = want; /* a server giving more than asked is cut */
		long e = writing ? vg_vmo_write(d->pages, at, p + done, count)
				 : vg_vmo_read(d->pages, at, p + done, count);
		/* Out of range is the file shrinking under the copy (a
		 * truncate from elsewhere): a write went before it, a read
		 * ends where the file does now. */
		if (e == ERR_OUT_OF_RANGE && !writing)
			break;
		if (e && e != ERR_OUT_OF_RANGE) {
			/* A bad buffer, or no memory for the file's pages (the
			 * file system is full: ENOSPC, as Linux's tmpfs says).
			 * The position goes back to where this piece started;
			 * a write has grown the file by zeros already
			 * (docs/ARCHITECTURE.md, section 17). */
			fail = e == ERR_BAD_ADDRESS ? EFAULT : e == ERR_NO_MEMORY ? ENOSPC : EIO;
			if (off == UINT64_MAX && !(d->flags & O_APPEND))
				fs_file_seek(d->h, (int64_t)at, SEEK_SET, &(uint64_t){ 0 });
			break;
		}
		done += count;
		if (count < want)
			break; /* the end of the file, or the space limit */
	}
	if (st == FS_FS_ERROR_NOT_SUPPORTED && !done)
		return -2; /* not in its pages: the window */
	if (fail && !done) {
		errno = fail;
		return -1;
	}
	if (st && !done)
		return __fs_error(st);
	return (ssize_t)done;
}

void __fd_direct_drop(struct fd_desc *d, bool forked)
{
	/* A forked child's handle numbers are not the parent's. */
	if (d->pages && !forked)
		vg_handle_close(d->pages);
	d->pages = VG_HANDLE_INVALID;
	d->pages_refused = false;
}
