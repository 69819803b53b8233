// SPDX-License-Identifier: BSD-2-Clause
// Renames kernel/lib/string.c's functions so that the kernel's versions can be
// linked into a host program beside the C library's (which ASan intercepts)
// and compared against them. Force-included when compiling string.c and
// included around <kernel/string.h> by the string test.
#define memcpy kstr_memcpy
#define memmove kstr_memmove
#define memset kstr_memset
#define memcmp kstr_memcmp
#define strlen kstr_strlen
#define strnlen kstr_strnlen
#define strcmp kstr_strcmp
#define strncmp kstr_strncmp
#define strchr kstr_strchr
#define strlcpy kstr_strlcpy
