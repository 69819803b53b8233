// SPDX-License-Identifier: BSD-2-Clause
// <sys/statfs.h>: filesystem statistics, Linux's struct statfs.
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H
#include <sys/statvfs.h>
#include <sys/types.h>

typedef struct {
	int __val[2];
} fsid_t;

/* f_type is 0: the filesystem protocol does not carry a type's magic
 * number (getmntent has the type's name). */
struct statfs {
	unsigned long f_type, f_bsize;
	fsblkcnt_t f_blocks, f_bfree, f_bavail;
	fsfilcnt_t f_files, f_ffree;
	fsid_t f_fsid;
	unsigned long f_namelen, f_frsize, f_flags, f_spare[4];
};

int statfs(const char *path, struct statfs *st);
int fstatfs(int fd, struct statfs *st);

#endif
