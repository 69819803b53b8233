// SPDX-License-Identifier: BSD-2-Clause
// mmap, munmap, mprotect and msync (docs/ARCHITECTURE.md, section 17). A
// file's pages come from its server (idl/fs.idl, file.map) as a VMO:
// MAP_SHARED maps it, so writes are the file's and read() and other mappers
// see them; MAP_PRIVATE maps a copy-on-write child of it. Anonymous
// mappings are a new VMO. A MAP_SHARED mapping is mapped VG_VM_SHARED, so
// that a fork's child shares it too (a private one becomes the child's
// copy-on-write copy). The kernel picks no addresses the allocator would reuse: the
// placement is the allocator's (internal/pages.h).
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>

#include "../internal/fd.h"
#include "../internal/lock.h"
#include "../internal/pages.h"

#define PAGE 4096u

extern int __libc_vm_lock;

/* place's own bit beside the PROT_* ones: the mapping is MAP_SHARED. */
#define SHARED 0x100
/* Also ours: a file's pages, which may end before the mapping does (an
 * access there is SIGBUS, as past the end of a file anywhere). */
#define FILE_PAGES 0x200

static uint32_t vm_prot(int prot)
{
	return (prot & PROT_READ ? VG_VM_READ : 0) | (prot & PROT_WRITE ? VG_VM_WRITE : 0) |
		(prot & PROT_EXEC ? VG_VM_EXEC : 0) | (prot & SHARED ? VG_VM_SHARED : 0) |
		(prot & FILE_PAGES ? VG_VM_PAST_END : 0);
}

/* Maps vmo at addr (MAP_FIXED) or where the allocator places it. */
static void *place(vg_handle_t vmo, uint64_t off, size_t len, int prot, void *addr, bool fixed)
{
	if (!fixed)
		return __libc_vm_map(vmo, off, len, vm_prot(prot));
	uintptr_t at = (uintptr_t)addr;
	__libc_lock(&__libc_vm_lock);
	/* MAP_FIXED replaces what was there. */
	vg_vm_unmap(vg_self(), at, len);
	long st = vg_vm_map(vg_self(), vmo, off, len, vm_prot(prot) | VG_VM_FIXED, &at);
	__libc_unlock(&__libc_vm_lock);
	return st ? NULL : (void *)at;
}

/* The VMO to map for fd: the file's pages (shared), or a copy-on-write
 * child of [off, off + len) (private, then mapped from 0). */
static long file_vmo(int fd, uint64_t off, size_t len, int prot, int flags, vg_handle_t *out,
		     uint64_t *map_off)
{
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	int acc = d->flags & O_ACCMODE;
	bool shared = flags & MAP_SHARED, writable = shared && (prot & PROT_WRITE);
	long r = -1;
	vg_handle_t vmo;
	if (d->kind != FD_FILE)
		errno = ENODEV;
	else if (acc == O_WRONLY || (writable && acc != O_RDWR))
		errno = EACCES;
	else if ((r = fs_file_map(d->h, off + len, writable, &vmo)) == FS_FS_ERROR_NOT_SUPPORTED ||
		 r == ERR_NOT_SUPPORTED)
		errno = ENODEV;
	else if (r == FS_FS_ERROR_TOO_BIG) /* past the file's largest offset */
		errno = EOVERFLOW;
	else if (r)
		__fs_error(r);
	__fd_put(d);
	if (r)
		return -1;
	*out = vmo;
	*map_off = off;
	if (shared)
		return 0;
	vg_handle_t child;
	/* What of the range the file has: the rest of the mapping is past
	 * its end (all of it, for a mapping that starts past the file's last
	 * page: the child is empty). */
	long st = vg_vmo_create_child(vmo, off, len, VG_CHILD_UP_TO_END, &child);
	vg_handle_close(vmo);
	if (st) {
		errno = ENOMEM;
		return -1;
	}
	*out = child;
	*map_off = 0;
	return 0;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	int kind = flags & (MAP_SHARED | MAP_PRIVATE);
	bool fixed = flags & MAP_FIXED;
	if (len == 0 || len > SIZE_MAX - PAGE || (kind != MAP_SHARED && kind != MAP_PRIVATE) ||
	    (flags & ~(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS)) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) || off < 0 || off % PAGE ||
	    (fixed && (uintptr_t)addr % PAGE)) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	len = (len + PAGE - 1) & ~(size_t)(PAGE - 1);
	if ((uint64_t)off > UINT64_MAX - len) {
		errno = EOVERFLOW;
		return MAP_FAILED;
	}
	vg_handle_t vmo;
	uint64_t map_off = 0;
	if (flags & MAP_ANONYMOUS) {
		if (vg_vmo_create(len, 0, &vmo)) {
			errno = ENOMEM;
			return MAP_FAILED;
		}
	} else if (file_vmo(fd, (uint64_t)off, len, prot, flags, &vmo, &map_off)) {
		return MAP_FAILED;
	}
	void *p = place(vmo, map_off, len,
			prot | (kind == MAP_SHARED ? SHARED : 0) |
				(flags & MAP_ANONYMOUS ? 0 : FILE_PAGES),
			addr, fixed);
	/* The mapping holds the VMO. */
	vg_handle_close(vmo);
	if (!p) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	return p;
}

int munmap(void *addr, size_t len)
{
	if ((uintptr_t)addr % PAGE || len == 0) {
		errno = EINVAL;
		return -1;
	}
	__libc_pages_unmap(addr, (len + PAGE - 1) & ~(size_t)(PAGE - 1));
	return 0;
}

int mprotect(void *addr, size_t len, int prot)
{
	if ((uintptr_t)addr % PAGE || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))) {
		errno = EINVAL;
		return -1;
	}
	if (len == 0)
		return 0;
	if (len > SIZE_MAX - PAGE) {
		errno = ENOMEM;
		return -1;
	}
	__libc_lock(&__libc_vm_lock);
	long st = vg_vm_protect(vg_self(), (uintptr_t)addr, (len + PAGE - 1) & ~(size_t)(PAGE - 1),
				vm_prot(prot));
	__libc_unlock(&__libc_vm_lock);
	switch (st) {
	case 0: return 0;
	/* Not all mapped: POSIX's ENOMEM. More than the mapping may have
	 * (a read-only file's pages writable, W+X): EACCES. */
	case ERR_NOT_FOUND: errno = ENOMEM; break;
	case ERR_ACCESS_DENIED: errno = EACCES; break;
	case ERR_NO_MEMORY: errno = EAGAIN; break;
	default: errno = EINVAL; break;
	}
	return -1;
}

int msync(void *addr, size_t len, int flags)
{
	pthread_testcancel(); /* a cancellation point */
	(void)len;
	int kind = flags & (MS_ASYNC | MS_SYNC);
	if ((uintptr_t)addr % PAGE || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
	    kind == (MS_ASYNC | MS_SYNC)) {
		errno = EINVAL;
		return -1;
	}
	/* A shared mapping is the file's pages themselves (memory-only
	 * filesystems: nothing to write back), so there is nothing to do. */
	return 0;
}
