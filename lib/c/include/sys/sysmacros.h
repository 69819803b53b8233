// SPDX-License-Identifier: BSD-2-Clause
// <sys/sysmacros.h>: device numbers (major << 32 | minor, as the filesystem
// protocol carries them).
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H
#include <sys/types.h>

#define makedev(ma, mi) ((dev_t)(ma) << 32 | (dev_t)(unsigned)(mi))
#define major(d) ((unsigned)((dev_t)(d) >> 32))
#define minor(d) ((unsigned)((dev_t)(d)&0xffffffffu))

#endif
