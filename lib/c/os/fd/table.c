// SPDX-License-Identifier: BSD-2-Clause
// The descriptor table, descriptors inherited at start-up and exported to
// children, dup, dup2, dup3, close and fcntl.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>
#include <vg_fd.h>

#include "../internal/fd.h"
#include "../internal/lock.h"

struct fd_slot {
	struct fd_desc *d;
	bool cloexec;
};

static struct fd_slot table[FD_MAX];
static int table_lock;
static vg_handle_t vfs_handle;
vg_handle_t (*__fs_exec_vfs_hook)(void);
unsigned __fs_vfs_generation;

vg_handle_t __fs_vfs(void)
{
	return vfs_handle;
}

/* Tells the C library which VFS to use: for programs that start one (the
 * root task's tests) rather than inherit it. Takes the handle. */
void __vg_fs_set_root(vg_handle_t vfs);
void __vg_fs_set_root(vg_handle_t vfs)
{
	if (vfs_handle)
		vg_handle_close(vfs_handle);
	vfs_handle = vfs;
	__atomic_add_fetch(&__fs_vfs_generation, 1, __ATOMIC_RELEASE);
}

struct fd_desc *__fd_desc_new(enum fd_kind kind, vg_handle_t h, int flags)
{
	struct fd_desc *d = calloc(1, sizeof(*d));
	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	d->refs = 1;
	d->kind = kind;
	d->h = h;
	d->flags = flags;
	return d;
}

/* The last reference: the server forgets the open file. */
static void desc_free(struct fd_desc *d)
{
	__fd_window_drop(d, false);
	fs_file_close(d->h);
	vg_handle_close(d->h);
	free(d->path);
	free(d);
}

/* What an open file is, from its server (FD_FILE when it cannot say:
 * its calls will fail as they would have). */
static enum fd_kind kind_of(vg_handle_t h)
{
	struct fs_attr a;
	if (fs_file_stat(h, &a))
		return FD_FILE;
	/* A socket pair's end is two pipes. */
	return a.kind == FS_KIND_DIR				     ? FD_DIR
		: a.kind == FS_KIND_FIFO || a.kind == FS_KIND_SOCKET ? FD_PIPE
								     : FD_FILE;
}

/* fd's description with a reference more, whatever its kind; NULL. */
static struct fd_desc *hold(int fd)
{
	struct fd_desc *d = NULL;
	if (fd >= 0 && fd < FD_MAX) {
		__libc_lock(&table_lock);
		d = table[fd].d;
		if (d)
			d->refs++;
		__libc_unlock(&table_lock);
	}
	return d;
}

struct fd_desc *__fd_get(int fd)
{
	struct fd_desc *d = hold(fd);
	if (!d)
		errno = EBADF;
	else if (__atomic_load_n(&d->kind, __ATOMIC_ACQUIRE) == FD_UNKNOWN)
		/* Two threads may both ask: they store the same answer. */
		__atomic_store_n(&d->kind, kind_of(d->h), __ATOMIC_RELEASE);
	return d;
}

void __fd_put(struct fd_desc *d)
{
	__libc_lock(&table_lock);
	bool last = --d->refs == 0;
	__libc_unlock(&table_lock);
	if (last)
		desc_free(d);
}

static int fd_limit = -1; /* not asked yet */
uint64_t (*__fd_limit_source)(void);

void __fd_set_limit(uint64_t n)
{
	__atomic_store_n(&fd_limit, n > FD_MAX ? FD_MAX : (int)n, __ATOMIC_RELAXED);
}

static int limit(void)
{
	int n = __atomic_load_n(&fd_limit, __ATOMIC_RELAXED);
	if (n >= 0)
		return n;
	uint64_t asked = __fd_limit_source ? __fd_limit_source() : FD_MAX;
	n = asked > FD_MAX ? FD_MAX : (int)asked;
	int unset = -1; /* a setrlimit meanwhile wins */
	__atomic_compare_exchange_n(&fd_limit, &unset, n, false, __ATOMIC_RELAXED,
				    __ATOMIC_RELAXED);
	return __atomic_load_n(&fd_limit, __ATOMIC_RELAXED);
}

int __fd_install(struct fd_desc *d, int min, bool cloexec)
{
	int max = limit();
	__libc_lock(&table_lock);
	for (int fd = min < 0 ? 0 : min; fd < max; fd++)
		if (!table[fd].d) {
			table[fd] = (struct fd_slot){ d, cloexec };
			__libc_unlock(&table_lock);
			return fd;
		}
	__libc_unlock(&table_lock);
	errno = EMFILE;
	return -1;
}

int close(int fd)
{
	pthread_testcancel(); /* a cancellation point */
	if (fd < 0 || fd >= FD_MAX) {
		errno = EBADF;
		return -1;
	}
	__libc_lock(&table_lock);
	struct fd_desc *d = table[fd].d;
	table[fd].d = NULL;
	__libc_unlock(&table_lock);
	if (!d) {
		errno = EBADF;
		return -1;
	}
	__fd_put(d);
	return 0;
}

/* fd's description at `to` (replacing what was there), or at the lowest
 * free descriptor >= to when !exact. */
static int dup_to(int fd, int to, bool exact, bool cloexec)
{
	if (to < 0 || to >= FD_MAX) {
		errno = exact ? EBADF : EINVAL;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	if (!exact) {
		int n = __fd_install(d, to, cloexec);
		if (n < 0)
			__fd_put(d);
		return n;
	}
	__libc_lock(&table_lock);
	struct fd_desc *old = table[to].d;
	table[to] = (struct fd_slot){ d, cloexec };
	__libc_unlock(&table_lock);
	if (old)
		__fd_put(old);
	return to;
}

int dup(int fd)
{
	return dup_to(fd, 0, false, false);
}

int dup2(int fd, int to)
{
	if (fd == to) {
		struct fd_desc *d = __fd_get(fd);
		if (!d)
			return -1;
		__fd_put(d);
		return to;
	}
	return dup_to(fd, to, true, false);
}

int dup3(int fd, int to, int flags)
{
	if (fd == to || (flags & ~O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	return dup_to(fd, to, true, flags & O_CLOEXEC);
}

int __fd_lock(int fd, int cmd, struct flock *fl);

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	if (cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW) {
		struct flock *fl = va_arg(ap, struct flock *);
		va_end(ap);
		return __fd_lock(fd, cmd, fl);
	}
	int arg = va_arg(ap, int);
	va_end(ap);
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		return dup_to(fd, arg, false, cmd == F_DUPFD_CLOEXEC);
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	int r = 0;
	switch (cmd) {
	case F_GETFD: r = table[fd].cloexec ? FD_CLOEXEC : 0; break;
	case F_SETFD: table[fd].cloexec = arg & FD_CLOEXEC; break;
	case F_GETFL: r = d->flags; break;
	case F_SETFL: {
		/* Only O_APPEND and O_NONBLOCK change; the server keeps O_APPEND
		 * (appends are decided where every writer meets). */
		int flags = (d->flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
		long st = d->kind == FD_FILE ? fs_file_setflags(d->h, (uint32_t)flags) : 0;
		if (st)
			r = __fs_error(st);
		else
			d->flags = flags;
		break;
	}
	default: errno = EINVAL; r = -1;
	}
	__fd_put(d);
	return r;
}

/* What a child started with posix_spawn or exec gets of the file system:
 * a handle to the VFS (VG_HTAG_FS_ROOT; with the saved ids set to the
 * effective ones, as exec does), the working directory
 * (VG_HTAG_FS_CWD, __fs_cwd_export; arg: the file creation mask) and every
 * descriptor without
 * FD_CLOEXEC, as a handle of its own to the same open file (shared
 * position), tagged VG_HTAG_FD with its number. Returns how many entries
 * were written; descriptors that do not fit in max, or whose server cannot
 * give another handle, are not passed.
 *
 * replacing (exec): the new program takes this process's place, so it
 * gets duplicates of our handles, the same badge, rather than handles of
 * its own from each file's server (a call each): the open files, and what
 * the servers keep per handle (record locks), stay this process's, as
 * POSIX's exec keeps them. Our copies go with this process; until then
 * nothing here may close those files (fs_file_close would end the new
 * program's too): a failed exec closes only the duplicates. */
size_t __vg_fd_export(struct vg_startup_handle *out, size_t max, bool replacing)
{
	size_t n = 0;
	struct vg_handle_info info;
	vg_handle_t h;
	if (vfs_handle && n < max &&
	    ((__fs_exec_vfs_hook && (h = __fs_exec_vfs_hook()) != VG_HANDLE_INVALID) ||
	     (!vg_handle_info(vfs_handle, &info) &&
	      !vg_handle_duplicate(vfs_handle, info.rights, &h))))
		out[n++] = (struct vg_startup_handle){ VG_HTAG_FS_ROOT, 0, h, 0 };
	mode_t mask = umask(0); /* and the creation mask, as arg */
	umask(mask);
	/* A program starts in "/" with the default mask: a child that would
	 * have those anyway is given nothing (a memory object less to make,
	 * stage and read). */
	if (vfs_handle && n < max && (mask != FS_UMASK_DEFAULT || !__fs_cwd_is_root()) &&
	    !__fs_cwd_export(&h))
		out[n++] = (struct vg_startup_handle){ VG_HTAG_FS_CWD, (uint32_t)mask, h, 0 };
	for (int fd = 0; fd < FD_MAX && n < max; fd++) {
		if (!table[fd].d || table[fd].cloexec)
			continue;
		struct fd_desc *d = hold(fd);
		if (!d)
			continue;
		if ((replacing ? !vg_handle_info(d->h, &info) &&
				     !vg_handle_duplicate(d->h, info.rights, &h)
			       : !fs_file_clone(d->h, &h)))
			out[n++] = (struct vg_startup_handle){ VG_HTAG_FD, (uint32_t)fd, h, 0 };
		__fd_put(d);
	}
	return n;
}

static vg_handle_t vfs_fork_h;

/* h (or another handle to its open file, from its server) moved into
 * child: its value there, or 0. */
static vg_handle_t give_child(vg_handle_t h, vg_handle_t child, bool file)
{
	struct vg_handle_info info;
	vg_handle_t mine, there;
	if (!h ||
	    (file ? fs_file_clone(h, &mine) != 0
		  : vg_handle_info(h, &info) || vg_handle_duplicate(h, info.rights, &mine)))
		return VG_HANDLE_INVALID;
	if (vg_handle_transfer(mine, child, &there)) {
		vg_handle_close(mine);
		return VG_HANDLE_INVALID;
	}
	return there;
}

void __vg_fd_fork_prepare(vg_handle_t child)
{
	__libc_lock(&table_lock);
	vfs_fork_h = give_child(vfs_handle, child, false);
	for (int fd = 0; fd < FD_MAX; fd++) {
		struct fd_desc *d = table[fd].d;
		if (d && !d->fork_h) /* descriptions shared by dup() once */
			d->fork_h = give_child(d->h, child, true);
	}
}

/* In the child: the handles are its own now (the table lock, held when the
 * snapshot was made, is let go here too). A description whose handle could
 * not be given stays, with no handle (its calls fail). */
void __vg_fd_forked(void)
{
	vfs_handle = vfs_fork_h;
	for (int fd = 0; fd < FD_MAX; fd++)
		if (table[fd].d) { /* a description dup()ed is visited again: same value */
			table[fd].d->h = table[fd].d->fork_h;
			__fd_window_drop(table[fd].d, true);
		}
	__vg_fd_fork_done();
}

void __vg_fd_fork_done(void)
{
	for (int fd = 0; fd < FD_MAX; fd++)
		if (table[fd].d)
			table[fd].d->fork_h = VG_HANDLE_INVALID;
	vfs_fork_h = VG_HANDLE_INVALID;
	__libc_unlock(&table_lock);
}

/* Descriptors and the VFS the program was started with. */
__attribute__((constructor)) static void fd_import(void)
{
	const struct vg_startup *su = vg_startup();
	const struct vg_startup_handle *hs = (const void *)(uintptr_t)su->handles;
	for (uint64_t i = 0; i < su->nhandles; i++) {
		if (hs[i].tag == VG_HTAG_FS_ROOT && !vfs_handle) {
			vfs_handle = hs[i].handle;
		} else if (hs[i].tag == VG_HTAG_FS_CWD) {
			__fs_cwd_import(hs[i].handle);
			umask((mode_t)hs[i].arg);
		} else if (hs[i].tag == VG_HTAG_FD && hs[i].arg < FD_MAX) {
			/* What it is, the server tells on first use (__fd_get). */
			struct fd_desc *d = __fd_desc_new(FD_UNKNOWN, hs[i].handle, O_RDWR);
			if (d)
				table[hs[i].arg].d = d;
		}
	}
}
