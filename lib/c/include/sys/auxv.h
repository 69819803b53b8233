/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * getauxval (lib/c/os/start/auxv.c): what the program's start tells it,
 * under Linux's AT_* numbers. The process server vouches for the ids and
 * the secure flag (docs/ARCHITECTURE.md, section 17.2); other types, and
 * these in a program the process server did not start, give 0 with errno
 * ENOENT (AT_PAGESZ is always known).
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL 0
#define AT_PAGESZ 6
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_HWCAP 16
#define AT_SECURE 23
#define AT_RANDOM 25

unsigned long getauxval(unsigned long type);

#endif
