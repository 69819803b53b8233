// SPDX-License-Identifier: BSD-2-Clause
// <wchar.h>: wide characters are Unicode code points; their multibyte form
// is UTF-8 in the C.UTF-8 locale and ASCII in the C locale (lib/c/wchar).
#ifndef _WCHAR_H
#define _WCHAR_H

#include <stddef.h>
#include <stdint.h> /* WCHAR_MIN, WCHAR_MAX */

typedef __WINT_TYPE__ wint_t;

/* A conversion's state: the bytes of a character not yet complete. */
typedef struct {
	unsigned __bytes;
	unsigned __count;
} mbstate_t;

#define WEOF ((wint_t)-1)

struct tm;

wint_t btowc(int c);
int wctob(wint_t wc);
int mbsinit(const mbstate_t *ps);
size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps);
size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps);
size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t len,
		 mbstate_t *restrict ps);
size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t len,
		 mbstate_t *restrict ps);
size_t mbsnrtowcs(wchar_t *restrict dst, const char **restrict src, size_t nms, size_t len,
		  mbstate_t *restrict ps);
size_t wcsnrtombs(char *restrict dst, const wchar_t **restrict src, size_t nwc, size_t len,
		  mbstate_t *restrict ps);

size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t max);
wchar_t *wcscpy(wchar_t *restrict dst, const wchar_t *restrict src);
wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
wchar_t *wcpcpy(wchar_t *restrict dst, const wchar_t *restrict src);
wchar_t *wcscat(wchar_t *restrict dst, const wchar_t *restrict src);
wchar_t *wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *restrict hay, const wchar_t *restrict needle);
size_t wcsspn(const wchar_t *s, const wchar_t *accept);
size_t wcscspn(const wchar_t *s, const wchar_t *reject);
wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept);
wchar_t *wcstok(wchar_t *restrict s, const wchar_t *restrict delim, wchar_t **restrict save);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);

long wcstol(const wchar_t *restrict s, wchar_t **restrict end, int base);
unsigned long wcstoul(const wchar_t *restrict s, wchar_t **restrict end, int base);
long long wcstoll(const wchar_t *restrict s, wchar_t **restrict end, int base);
unsigned long long wcstoull(const wchar_t *restrict s, wchar_t **restrict end, int base);
double wcstod(const wchar_t *restrict s, wchar_t **restrict end);
float wcstof(const wchar_t *restrict s, wchar_t **restrict end);
long double wcstold(const wchar_t *restrict s, wchar_t **restrict end);

int wcwidth(wchar_t wc);
int wcscoll(const wchar_t *a, const wchar_t *b);
size_t wcsxfrm(wchar_t *restrict dst, const wchar_t *restrict src, size_t n);
size_t wcsftime(wchar_t *restrict s, size_t max, const wchar_t *restrict fmt,
		const struct tm *restrict tm);
int swprintf(wchar_t *restrict buf, size_t n, const wchar_t *restrict fmt, ...);
int vswprintf(wchar_t *restrict buf, size_t n, const wchar_t *restrict fmt, __builtin_va_list ap);
int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...);
int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, __builtin_va_list ap);

/* Wide streams (the FILE streams of <stdio.h>, lib/c/os/stdio/wide.c). A
 * stream's orientation is set by its first input or output: wide by these
 * functions, byte by the others; the wide functions fail on a
 * byte-oriented stream (WEOF or -1, errno unchanged, as glibc). */
typedef struct __file FILE;
int fwide(FILE *f, int mode);
wint_t fgetwc(FILE *f);
wint_t getwc(FILE *f);
wint_t getwchar(void);
wint_t fputwc(wchar_t wc, FILE *f);
wint_t putwc(wchar_t wc, FILE *f);
wint_t putwchar(wchar_t wc);
wchar_t *fgetws(wchar_t *restrict s, int n, FILE *restrict f);
int fputws(const wchar_t *restrict s, FILE *restrict f);
wint_t ungetwc(wint_t wc, FILE *f);
int fwprintf(FILE *restrict f, const wchar_t *restrict fmt, ...);
int wprintf(const wchar_t *restrict fmt, ...);
int vfwprintf(FILE *restrict f, const wchar_t *restrict fmt, __builtin_va_list ap);
int vwprintf(const wchar_t *restrict fmt, __builtin_va_list ap);
int fwscanf(FILE *restrict f, const wchar_t *restrict fmt, ...);
int wscanf(const wchar_t *restrict fmt, ...);
int vfwscanf(FILE *restrict f, const wchar_t *restrict fmt, __builtin_va_list ap);
int vwscanf(const wchar_t *restrict fmt, __builtin_va_list ap);
int wcswidth(const wchar_t *s, size_t n);

#endif
