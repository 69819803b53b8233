/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * getauxval (lib/c/os/start/auxv.c): what Linux's auxiliary vector would
 * tell the program, under Linux's AT_* numbers. The process server and
 * vg_spawn vouch for the ids, the secure flag, the random bytes, the path
 * and where the program was loaded (docs/ARCHITECTURE.md, section 17.2),
 * the kernel for the CPU's features; types nobody gives, and the page's in
 * a program the process server did not start, are 0 with errno ENOENT.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL 0
#define AT_PHDR 3 /* the program's program headers (0/ENOENT: not loaded) */
#define AT_PHENT 4 /* the size of one */
#define AT_PHNUM 5 /* how many */
#define AT_PAGESZ 6
#define AT_BASE 7 /* the interpreter's (ld.so's) load address; 0 for a static program */
#define AT_ENTRY 9 /* the program's entry point */
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15 /* a string: "x86_64", "aarch64" (none on RISC-V, as Linux) */
#define AT_HWCAP 16 /* the CPU's features, in Linux's layout for the architecture */
#define AT_CLKTCK 17 /* times()'s ticks per second */
#define AT_SECURE 23
#define AT_RANDOM 25 /* the address of 16 random bytes of this program's own */
#define AT_HWCAP2 26
#define AT_EXECFN 31 /* the path the program was started by */

unsigned long getauxval(unsigned long type);

#endif
