// SPDX-License-Identifier: BSD-2-Clause
// Where shm_open's objects and sem_open's semaphores live: files of the
// tmpfs on /run, in the directory SHM_DIR, made on first use.
#ifndef LIBC_SHM_PATH_H
#define LIBC_SHM_PATH_H

#include <limits.h>

#define SHM_DIR "/run/shm"

/* SHM_DIR, '/', the prefix and the name without its leading slashes, into
 * path (PATH_MAX bytes). 0, or -1 with errno: EINVAL for an empty name, one
 * with a '/' after its leading ones, "." or ".."; ENAMETOOLONG when the
 * file's name would be longer than NAME_MAX. */
int __libc_shm_path(const char *name, const char *prefix, char path[PATH_MAX]);

/* Makes SHM_DIR (mode 01777) if it is missing; errors are left to the
 * open that follows. */
void __libc_shm_dir(void);

#endif
