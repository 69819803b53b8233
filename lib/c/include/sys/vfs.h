// SPDX-License-Identifier: BSD-2-Clause
// <sys/vfs.h>: Linux's other name for <sys/statfs.h>.
#ifndef _SYS_VFS_H
#define _SYS_VFS_H
#include <sys/statfs.h>
#endif
