// SPDX-License-Identifier: BSD-2-Clause
// Limits of the integer types (every Verdigris target is LP64; char is signed
// on x86_64 and unsigned on AArch64 and RISC-V).
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif
#define MB_LEN_MAX 4
#define SHRT_MIN (-SHRT_MAX - 1)
#define SHRT_MAX __SHRT_MAX__
#define USHRT_MAX (SHRT_MAX * 2 + 1)
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX __INT_MAX__
#define UINT_MAX (INT_MAX * 2U + 1U)
#define LONG_MIN (-LONG_MAX - 1L)
#define LONG_MAX __LONG_MAX__
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define LLONG_MAX __LONG_LONG_MAX__
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
/* The largest bound in a regular expression's interval "{m,n}". */
#define RE_DUP_MAX 255
#define SSIZE_MAX LONG_MAX
#define NL_ARGMAX 9
#define PATH_MAX 4096
#define NAME_MAX 255
#define NGROUPS_MAX 32 /* supplementary groups per process */
#define PIPE_BUF 4096 /* writes of up to this many bytes to a pipe are atomic */
#define HOST_NAME_MAX 64 /* uname's nodename, without its NUL */
#define LINE_MAX 2048 /* POSIX's minimum: the utilities have no limit of their own */
#define LINK_MAX 65000 /* links to a file (tmpfs: TMPFS_LINK_MAX, EMLINK) */

#endif
