// SPDX-License-Identifier: BSD-2-Clause
// <mntent.h>: the mounted filesystems (lib/c/os/fd/mntent.c), as glibc's
// getmntent reads them from /proc/mounts. Here setmntent ignores the file
// it is given (there is no /proc) and takes the list from the VFS
// (vfs.mounts): source, mount point, type and "ro" or "rw".
#ifndef _MNTENT_H
#define _MNTENT_H
#include <stdio.h>

#define MOUNTED "/etc/mtab"

struct mntent {
	char *mnt_fsname;
	char *mnt_dir;
	char *mnt_type;
	char *mnt_opts;
	int mnt_freq;
	int mnt_passno;
};

FILE *setmntent(const char *file, const char *mode);
struct mntent *getmntent(FILE *f);
int endmntent(FILE *f);

#endif
