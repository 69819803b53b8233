// SPDX-License-Identifier: BSD-2-Clause
// <uchar.h>: UTF-16 and UTF-32 code units and the locale's multibyte
// characters (lib/c/wchar/uchar.c). char32_t is a code point, as wchar_t;
// a character beyond U+FFFF is two char16_t, a surrogate pair.
#ifndef _UCHAR_H
#define _UCHAR_H
#include <stddef.h>
#include <stdint.h>
#include <wchar.h> /* mbstate_t */

typedef uint_least16_t char16_t;
typedef uint_least32_t char32_t;

size_t mbrtoc16(char16_t *restrict pc16, const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t c16rtomb(char *restrict s, char16_t c16, mbstate_t *restrict ps);
size_t mbrtoc32(char32_t *restrict pc32, const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t c32rtomb(char *restrict s, char32_t c32, mbstate_t *restrict ps);
#endif
