/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The argument and environment blocks of a spawn or exec request: strings
 * one after the other, each ending in a NUL, as untrusted bytes from the
 * caller. Pure code, fuzzed on the host (tests/host/fuzz/fuzz_argblock.c).
 */
#ifndef SRV_PROC_ARGBLOCK_H
#define SRV_PROC_ARGBLOCK_H

#include <stddef.h>

#define ARGBLOCK_MALFORMED (-1) /* not ending in a NUL */
#define ARGBLOCK_TOO_MANY (-2) /* more than max strings */

/* Points list[0..n-1] at the block's strings and sets list[n] to NULL
 * (list has room for max + 1); n, or ARGBLOCK_*. */
long argblock_split(const char *block, size_t len, const char **list, size_t max);
/* The strings joined by spaces into out (room for out_max bytes and the
 * NUL), cut at out_max; the length written. */
size_t argblock_join(const char *block, size_t len, char *out, size_t out_max);

#endif
