// SPDX-License-Identifier: BSD-2-Clause
// <sys/mman.h>: mmap, munmap, mprotect, msync (lib/c/os/fd/mmap.c). Regular files
// of filesystems that hand out their pages (tmpfs, the boot archive) map
// shared or private; anonymous mappings are fresh zeroed memory.
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);
/* Shared memory objects: files under /run/shm (lib/c/os/shm). */
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);

#endif
