// SPDX-License-Identifier: BSD-2-Clause
// <sys/file.h>: flock.
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8

int flock(int fd, int op);

#endif
