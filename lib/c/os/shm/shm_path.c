// SPDX-License-Identifier: BSD-2-Clause
// Names of shared memory objects and named semaphores (POSIX: "/name") as
// files under SHM_DIR. Leading slashes are dropped, as glibc does; any
// other slash would name a subdirectory, which POSIX leaves undefined and
// we refuse.
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "shm_path.h"

int __libc_shm_path(const char *name, const char *prefix, char path[PATH_MAX])
{
	while (*name == '/')
		name++;
	size_t n = strlen(name);
	if (!n || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, "..")) {
		errno = EINVAL;
		return -1;
	}
	size_t p = strlen(prefix);
	if (n + p > NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	size_t d = sizeof(SHM_DIR) - 1;
	memcpy(path, SHM_DIR, d);
	path[d] = '/';
	memcpy(path + d + 1, prefix, p);
	memcpy(path + d + 1 + p, name, n + 1);
	return 0;
}

void __libc_shm_dir(void)
{
	int saved = errno;
	/* Everyone may make objects there, and only remove their own. */
	if (mkdir(SHM_DIR, 0777) == 0)
		chmod(SHM_DIR, 01777);
	errno = saved;
}
