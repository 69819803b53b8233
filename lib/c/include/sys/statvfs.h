// SPDX-License-Identifier: BSD-2-Clause
// <sys/statvfs.h>: filesystem statistics.
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H
#include <sys/types.h>

typedef unsigned long fsblkcnt_t;
typedef unsigned long fsfilcnt_t;

struct statvfs {
	unsigned long f_bsize, f_frsize;
	fsblkcnt_t f_blocks, f_bfree, f_bavail;
	fsfilcnt_t f_files, f_ffree, f_favail;
	unsigned long f_fsid, f_flag, f_namemax;
};
#define ST_RDONLY 1
#define ST_NOSUID 2

int statvfs(const char *restrict path, struct statvfs *restrict st);
int fstatvfs(int fd, struct statvfs *st);

#endif
