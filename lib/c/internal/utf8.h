// SPDX-License-Identifier: BSD-2-Clause
// Strict UTF-8 (RFC 3629, Unicode's table 3-7): no overlong forms, no
// surrogates, nothing above U+10FFFF (lib/c/wchar/utf8.c).
#ifndef LIBC_INTERNAL_UTF8_H
#define LIBC_INTERNAL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID ((size_t)-1)
#define UTF8_PARTIAL ((size_t)-2)

/* The character at s (n > 0 bytes): its length (1 to 4) with *cp set,
 * UTF8_PARTIAL when the n bytes are a proper beginning of one, else
 * UTF8_INVALID. Reads no byte past the first that settles the answer. */
size_t __libc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* cp's bytes into out (4 bytes of room): their count, or 0 for a
 * surrogate or a value above U+10FFFF. */
size_t __libc_utf8_encode(uint32_t cp, char *out);

#endif
