// SPDX-License-Identifier: BSD-2-Clause
// A program stored in the file system (not in the boot archive, where the
// process server finds programs by path): the caller opens it, checks that
// it may be executed, and hands the server its pages (the file's VMO,
// which the server snapshots before reading it). Opened here, in the
// caller, so that relative paths and permissions are the caller's. A
// set-user-ID or set-group-ID file is only reported: its pages and
// credentials come to the server from the VFS (spawn.c, stage_setid).
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vg/vg.h>

#include "../internal/fd.h"
#include "../internal/proc.h"

int __libc_exec_image(const char *path, vg_handle_t *vmo, uint32_t *size, bool *setid)
{
	*setid = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	int err = 0;
	/* POSIX: execute permission, and a regular file (EACCES otherwise);
	 * even for a privileged caller, some execute bit must be set. */
	if (fstat(fd, &st))
		err = errno;
	else if (!S_ISREG(st.st_mode) || !(st.st_mode & 0111))
		err = EACCES;
	else if (access(path, X_OK))
		err = errno;
	else if (st.st_size == 0 || (uint64_t)st.st_size > PROC_EXEC_IMAGE_MAX)
		err = ENOEXEC; /* nothing to load; or more than any program */
	struct fd_desc *d = err ? NULL : __fd_get(fd);
	if (d) {
		long r = fs_file_map(d->h, (uint64_t)st.st_size, false, vmo);
		err = r ? (__fs_error(r), errno) : 0;
		__fd_put(d);
		*size = (uint32_t)st.st_size;
		*setid = (st.st_mode & (S_ISUID | S_ISGID)) != 0;
	} else if (!err) {
		err = EBADF;
	}
	close(fd);
	return err;
}
