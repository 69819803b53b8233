// SPDX-License-Identifier: BSD-2-Clause
// shm_open and shm_unlink: a shared memory object is a tmpfs file under
// SHM_DIR (shm_path.h), which mmap(MAP_SHARED) maps in every process that
// opens it (docs/ARCHITECTURE.md section 17, mmap).
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "shm_path.h"

int shm_open(const char *name, int oflag, mode_t mode)
{
	char path[PATH_MAX];
	if (__libc_shm_path(name, "", path))
		return -1;
	int acc = oflag & O_ACCMODE;
	if ((acc != O_RDONLY && acc != O_RDWR) ||
	    (oflag & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC))) {
		errno = EINVAL;
		return -1;
	}
	if (oflag & O_CREAT)
		__libc_shm_dir();
	return open(path, oflag | O_NOFOLLOW | O_CLOEXEC, mode);
}

int shm_unlink(const char *name)
{
	char path[PATH_MAX];
	if (__libc_shm_path(name, "", path))
		return -1;
	return unlink(path);
}
