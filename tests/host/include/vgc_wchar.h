// SPDX-License-Identifier: BSD-2-Clause
// Our <locale.h>, <langinfo.h>, <wchar.h> and <wctype.h> as the host tests
// see them (renamed vgc_, see vgc.h). Our mbstate_t is two unsigned words.
#ifndef VGC_WCHAR_H
#define VGC_WCHAR_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#define VGC_EILSEQ 34

typedef struct {
	unsigned bytes, count;
} vgc_mbstate_t;

char *vgc_setlocale(int category, const char *name);
struct lconv *vgc_localeconv(void);
char *vgc_nl_langinfo(int item);
void *vgc_newlocale(int mask, const char *name, void *base);
void *vgc_uselocale(void *l);
void vgc_freelocale(void *l);
size_t vgc___libc_mb_cur_max(void);

size_t vgc_mbrtowc(wchar_t *pwc, const char *s, size_t n, vgc_mbstate_t *ps);
size_t vgc_wcrtomb(char *s, wchar_t wc, vgc_mbstate_t *ps);
size_t vgc_mbsrtowcs(wchar_t *dst, const char **src, size_t len, vgc_mbstate_t *ps);
size_t vgc_wcsrtombs(char *dst, const wchar_t **src, size_t len, vgc_mbstate_t *ps);
size_t vgc_mbstowcs(wchar_t *dst, const char *src, size_t n);
size_t vgc_wcstombs(char *dst, const wchar_t *src, size_t n);
int vgc_mbtowc(wchar_t *pwc, const char *s, size_t n);
int vgc_mblen(const char *s, size_t n);
int vgc_wctomb(char *s, wchar_t wc);
wint_t vgc_btowc(int c);
int vgc_wctob(wint_t wc);
int vgc_mbsinit(const vgc_mbstate_t *ps);

size_t vgc_wcslen(const wchar_t *s);
wchar_t *vgc_wcscpy(wchar_t *dst, const wchar_t *src);
wchar_t *vgc_wcsncpy(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *vgc_wcscat(wchar_t *dst, const wchar_t *src);
int vgc_wcscmp(const wchar_t *a, const wchar_t *b);
int vgc_wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *vgc_wcschr(const wchar_t *s, wchar_t c);
wchar_t *vgc_wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *vgc_wcsstr(const wchar_t *hay, const wchar_t *needle);
size_t vgc_wcsspn(const wchar_t *s, const wchar_t *accept);
size_t vgc_wcscspn(const wchar_t *s, const wchar_t *reject);
wchar_t *vgc_wcsdup(const wchar_t *s);
int vgc_wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *vgc_wmemchr(const wchar_t *s, wchar_t c, size_t n);
wchar_t *vgc_wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
long vgc_wcstol(const wchar_t *s, wchar_t **end, int base);
unsigned long vgc_wcstoul(const wchar_t *s, wchar_t **end, int base);
double vgc_wcstod(const wchar_t *s, wchar_t **end);

int vgc_iswalnum(wint_t), vgc_iswalpha(wint_t), vgc_iswblank(wint_t), vgc_iswcntrl(wint_t),
	vgc_iswdigit(wint_t), vgc_iswgraph(wint_t), vgc_iswlower(wint_t), vgc_iswprint(wint_t),
	vgc_iswpunct(wint_t), vgc_iswspace(wint_t), vgc_iswupper(wint_t), vgc_iswxdigit(wint_t);
wint_t vgc_towupper(wint_t wc);
wint_t vgc_towlower(wint_t wc);
unsigned long vgc_wctype(const char *name);
int vgc_iswctype(wint_t wc, unsigned long t);
int vgc_wcwidth(wchar_t wc);
int vgc_wcswidth(const wchar_t *s, size_t n);
int vgc_swprintf(wchar_t *buf, size_t n, const wchar_t *fmt, ...);
int vgc_swscanf(const wchar_t *s, const wchar_t *fmt, ...);
int vgc_wcscoll(const wchar_t *a, const wchar_t *b);
size_t vgc_wcsxfrm(wchar_t *dst, const wchar_t *src, size_t n);
struct tm;
size_t vgc_wcsftime(wchar_t *s, size_t max, const wchar_t *fmt, const struct tm *tm);
size_t vgc_mbrtoc16(uint16_t *pc16, const char *s, size_t n, vgc_mbstate_t *ps);
size_t vgc_c16rtomb(char *s, uint16_t c16, vgc_mbstate_t *ps);
size_t vgc_mbrtoc32(uint32_t *pc32, const char *s, size_t n, vgc_mbstate_t *ps);
size_t vgc_c32rtomb(char *s, uint32_t c32, vgc_mbstate_t *ps);

#endif
