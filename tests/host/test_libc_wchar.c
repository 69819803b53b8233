// SPDX-License-Identifier: BSD-2-Clause
// lib/c's locales and wide characters against glibc's C.UTF-8 (and C):
// every code point's classes, case and width, wcrtomb of every code point,
// mbrtowc of every 1-, 2- and 3-byte sequence (whole and byte by byte) and
// of random 4-byte ones, the string conversions, wide strings, wcsto*,
// printf's and scanf's %lc and %ls, setlocale's names and nl_langinfo.
#define _GNU_SOURCE
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vgc_wchar.h>
#include <vtest.h>
#include <wchar.h>
#include <wctype.h>

static void both(const char *name)
{
	CHECK(setlocale(LC_ALL, name) != NULL);
	CHECK(vgc_setlocale(LC_ALL, name) != NULL);
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Reports the first few mismatches of a loop, then counts. */
#define MISMATCH(count, ...)               \
	do {                               \
		if ((count)++ < 5)         \
			FAIL(__VA_ARGS__); \
	} while (0)

static int (*const host_classes[])(wint_t) = { iswalnum, iswalpha, iswblank, iswcntrl,
					       iswdigit, iswgraph, iswlower, iswprint,
					       iswpunct, iswspace, iswupper, iswxdigit };
static int (*const our_classes[])(wint_t) = { vgc_iswalnum, vgc_iswalpha, vgc_iswblank,
					      vgc_iswcntrl, vgc_iswdigit, vgc_iswgraph,
					      vgc_iswlower, vgc_iswprint, vgc_iswpunct,
					      vgc_iswspace, vgc_iswupper, vgc_iswxdigit };

static void compare_code_point(wint_t c, unsigned *bad)
{
	for (unsigned k = 0; k < ARRAY_SIZE(host_classes); k++)
		if (!host_classes[k](c) != !our_classes[k](c))
			MISMATCH(*bad, "class %u of U+%04X: glibc %d", k, (unsigned)c,
				 !!host_classes[k](c));
	if (towupper(c) != vgc_towupper(c) || towlower(c) != vgc_towlower(c))
		MISMATCH(*bad, "case of U+%04X: glibc %X %X, ours %X %X", (unsigned)c,
			 (unsigned)towupper(c), (unsigned)towlower(c), (unsigned)vgc_towupper(c),
			 (unsigned)vgc_towlower(c));
	if (wcwidth((wchar_t)c) != vgc_wcwidth((wchar_t)c))
		MISMATCH(*bad, "wcwidth(U+%04X): glibc %d ours %d", (unsigned)c,
			 wcwidth((wchar_t)c), vgc_wcwidth((wchar_t)c));
}

TEST(libc_wchar, classes_case_width_every_code_point)
{
	unsigned bad = 0;
	both("C.UTF-8");
	for (wint_t c = 0; c < 0x110000; c++)
		compare_code_point(c, &bad);
	compare_code_point(WEOF, &bad);
	compare_code_point(0x110000, &bad);
	both("C");
	for (wint_t c = 0; c < 0x3000; c++)
		compare_code_point(c, &bad);
	CHECK_EQ_U(bad, 0);
	const char *names[] = { "alnum", "alpha", "blank", "cntrl", "digit", "graph",
				"lower", "print", "punct", "space", "upper", "xdigit" };
	both("C.UTF-8");
	for (unsigned k = 0; k < ARRAY_SIZE(names); k++) {
		unsigned long t = vgc_wctype(names[k]);
		CHECK(t != 0);
		CHECK_EQ_I(!!vgc_iswctype(0xe9, t), !!iswctype(0xe9, wctype(names[k])));
		CHECK_EQ_I(!!vgc_iswctype('7', t), !!iswctype('7', wctype(names[k])));
	}
	CHECK_EQ_U(vgc_wctype("nonsense"), 0);
	wchar_t s[] = { 'a', 0x4e00, 0x301, 0xe9, 0 };
	CHECK_EQ_I(vgc_wcswidth(s, 4), wcswidth(s, 4));
	CHECK_EQ_I(vgc_wcswidth(s, 2), wcswidth(s, 2));
	s[1] = 7;
	CHECK_EQ_I(vgc_wcswidth(s, 4), -1);
}

TEST(libc_wchar, wcrtomb_every_code_point)
{
	unsigned bad = 0;
	both("C.UTF-8");
	for (long c = -2; c < 0x110010; c++) {
		char a[8], b[8];
		mbstate_t hs = { 0 };
		vgc_mbstate_t os = { 0, 0 };
		errno = 0;
		vgc_errno = 0;
		size_t x = wcrtomb(a, (wchar_t)c, &hs), y = vgc_wcrtomb(b, (wchar_t)c, &os);
		/* glibc writes values above U+10FFFF in the old 4- to 6-byte
		 * forms; strict UTF-8 (RFC 3629) has none. */
		if (c > 0x10ffff || c < 0)
			x = (size_t)-1, errno = EILSEQ;
		if (x != y || (x != (size_t)-1 && memcmp(a, b, x)) ||
		    (x == (size_t)-1 && (errno != EILSEQ || vgc_errno != VGC_EILSEQ)))
			MISMATCH(bad, "wcrtomb(%lX): glibc %zd ours %zd", c, x, y);
	}
	both("C");
	for (long c = 0; c < 0x400; c++) {
		char a[8], b[8];
		size_t x = wcrtomb(a, (wchar_t)c, NULL), y = vgc_wcrtomb(b, (wchar_t)c, NULL);
		if (x != y || (x != (size_t)-1 && memcmp(a, b, x)))
			MISMATCH(bad, "C wcrtomb(%lX): glibc %zd ours %zd", c, x, y);
		CHECK_EQ_I(vgc_wctob((wint_t)c), wctob((wint_t)c));
		CHECK_EQ_U(vgc_btowc((int)c), btowc((int)c));
	}
	CHECK_EQ_U(bad, 0);
}

/* Whether glibc accepts s[0..n) completed by continuation bytes: some
 * completion of it is a valid character. */
static bool beginning_valid(const unsigned char *s, size_t n)
{
	for (unsigned t = 0x80; t < 0xc0; t++) {
		unsigned char c[8];
		memcpy(c, s, n);
		memset(c + n, (int)t, 8 - n);
		mbstate_t st = { 0 };
		wchar_t wc;
		size_t r = mbrtowc(&wc, (const char *)c, 8, &st);
		if (r != (size_t)-1 && r != (size_t)-2 && (uint32_t)wc <= 0x10ffff)
			return true;
	}
	return false;
}

/* mbrtowc on s[0..n) whole, then byte by byte through one state. */
static void compare_mbrtowc(const unsigned char *s, size_t n, unsigned *bad)
{
	mbstate_t hs = { 0 };
	vgc_mbstate_t os = { 0, 0 };
	wchar_t a = 0, b = 0;
	errno = 0;
	vgc_errno = 0;
	size_t x = mbrtowc(&a, (const char *)s, n, &hs);
	size_t y = vgc_mbrtowc(&b, (const char *)s, n, &os);
	/* glibc reports an overlong or surrogate beginning only when the
	 * character is complete; we do at the first byte that rules it out. */
	if (x == (size_t)-2 && y == (size_t)-1 && !beginning_valid(s, n))
		x = y;
	/* glibc decodes F4 90-BF as values above U+10FFFF; they are invalid. */
	if (x < 5 && (uint32_t)a > 0x10ffff)
		x = (size_t)-1;
	if (x != y || (x < 5 && a != b) || (x == (size_t)-1 && vgc_errno != VGC_EILSEQ))
		MISMATCH(*bad, "mbrtowc(%02X %02X %02X %02X /%zu): glibc %zd %X ours %zd %X", s[0],
			 n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, n, x, (unsigned)a, y,
			 (unsigned)b);
	memset(&hs, 0, sizeof(hs));
	os = (vgc_mbstate_t){ 0, 0 };
	for (size_t i = 0; i < n; i++) {
		x = mbrtowc(&a, (const char *)s + i, 1, &hs);
		y = vgc_mbrtowc(&b, (const char *)s + i, 1, &os);
		if (x == (size_t)-2 && y == (size_t)-1 && !beginning_valid(s, i + 1))
			break;
		if (x < 5 && (uint32_t)a > 0x10ffff)
			x = (size_t)-1;
		if (x != y || (x < 5 && a != b)) {
			MISMATCH(*bad,
				 "mbrtowc byte %zu of %02X %02X %02X %02X: glibc %zd ours %zd", i,
				 s[0], n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, x, y);
			break;
		}
		if (x != (size_t)-2)
			break;
		CHECK(!vgc_mbsinit(&os));
	}
}

TEST(libc_wchar, mbrtowc_sequences)
{
	unsigned bad = 0;
	unsigned char s[4];
	both("C.UTF-8");
	for (unsigned i = 0; i < 0x1000000; i++) {
		s[0] = (unsigned char)(i >> 16), s[1] = (unsigned char)(i >> 8),
		s[2] = (unsigned char)i;
		if (i < 0x10000) /* every 1- and 2-byte sequence */
			compare_mbrtowc(s + 1, 2, &bad);
		/* every 3-byte sequence whose lead is a 3- or 4-byte one */
		if (s[0] >= 0xe0)
			compare_mbrtowc(s, 3, &bad);
	}
	uint64_t rng = 7;
	for (unsigned i = 0; i < 2000000; i++) {
		uint64_t r = vtest_rand(&rng);
		s[0] = (unsigned char)(0xf0 + (r & 7)), s[1] = (unsigned char)(r >> 8);
		s[2] = (unsigned char)(r >> 16), s[3] = (unsigned char)(r >> 24);
		if (r >> 63) /* mostly continuation bytes, where the checks are */
			s[1] = (unsigned char)(0x80 | (s[1] & 0x3f)),
			s[2] = (unsigned char)(0x80 | (s[2] & 0x3f)),
			s[3] = (unsigned char)(0x80 | (s[3] & 0x3f));
		compare_mbrtowc(s, 4, &bad);
	}
	both("C");
	for (unsigned i = 0; i < 256; i++) {
		s[0] = (unsigned char)i;
		compare_mbrtowc(s, 1, &bad);
	}
	CHECK_EQ_U(bad, 0);
	/* NULL string, zero length, mbtowc, mblen, wctomb. */
	both("C.UTF-8");
	vgc_mbstate_t os = { 0, 0 };
	CHECK_EQ_U(vgc_mbrtowc(NULL, NULL, 0, &os), 0);
	CHECK_EQ_U(vgc_mbrtowc(NULL, "x", 0, &os), (size_t)-2);
	CHECK_EQ_I(vgc_mbtowc(NULL, NULL, 0), 0);
	CHECK_EQ_I(vgc_mbtowc(NULL, "\xe2\x82", 2), mbtowc(NULL, "\xe2\x82", 2));
	CHECK_EQ_I(vgc_mblen("\xe2\x82\xac", 3), mblen("\xe2\x82\xac", 3));
	CHECK_EQ_I(vgc_mblen("", 1), mblen("", 1));
	char a[8], b[8];
	CHECK_EQ_I(vgc_wctomb(a, 0x20ac), wctomb(b, 0x20ac));
	CHECK(!memcmp(a, b, 3));
	CHECK_EQ_I(vgc_wctomb(a, 0xd800), wctomb(b, 0xd800));
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 4);
	both("C");
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 1);
}

/* The length of the valid characters before the first invalid one. */
static size_t valid_prefix(const char *s)
{
	mbstate_t st = { 0 };
	size_t n = 0, r;
	while ((r = mbrtowc(NULL, s + n, 4, &st)) != (size_t)-1 && r && r != (size_t)-2)
		n += r;
	return n;
}

/* A random string of valid and (when bad_ok) invalid characters. */
static size_t random_mb(uint64_t *rng, char *out, size_t max, bool bad_ok)
{
	static const char *const pieces[] = { "a",
					      "Z",
					      " ",
					      "\xc3\xa9",
					      "\xe2\x82\xac",
					      "\xf0\x9f\x98\x80",
					      "\xe4\xb8\x80",
					      "\xc2\x80",
					      "\xef\xbf\xbd" };
	static const char *const bad[] = { "\x80",	   "\xc0\xaf", "\xed\xa0\x80",
					   "\xe0\x80\xaf", "\xe2\x82", "\xff" };
	size_t n = 0;
	while (n + 4 < max) {
		uint64_t r = vtest_rand(rng);
		if (r % 11 == 0)
			break;
		const char *p = bad_ok && r % 17 == 1 ? bad[(r >> 8) % ARRAY_SIZE(bad)]
						      : pieces[(r >> 8) % ARRAY_SIZE(pieces)];
		size_t k = strlen(p);
		memcpy(out + n, p, k);
		n += k;
	}
	out[n] = 0;
	return n;
}

TEST(libc_wchar, string_conversions)
{
	both("C.UTF-8");
	uint64_t rng = 99;
	for (unsigned i = 0; i < 30000; i++) {
		char s[64];
		random_mb(&rng, s, sizeof(s), i % 3 == 0);
		size_t len = vtest_below(&rng, 20);
		wchar_t a[64] = { 0 }, b[64] = { 0 };
		const char *pa = s, *pb = s;
		mbstate_t hs = { 0 };
		vgc_mbstate_t os = { 0, 0 };
		size_t x = mbsrtowcs(a, &pa, len, &hs), y = vgc_mbsrtowcs(b, &pb, len, &os);
		/* On an invalid character POSIX wants *src at it (just past the
		 * last one converted); glibc sometimes leaves it a byte further. */
		if (x == (size_t)-1)
			pa = s + valid_prefix(s);
		CHECK_MSG(x == y && pa == pb && (x == (size_t)-1 || !wmemcmp(a, b, x)),
			  "mbsrtowcs(\"%s\", %zu): glibc %zd +%td ours %zd +%td", s, len, x,
			  pa ? pa - s : -1, y, pb ? pb - s : -1);
		CHECK_EQ_U(vgc_mbstowcs(NULL, s, 0), mbstowcs(NULL, s, 0));
		/* Back: the whole string, then into a short buffer. */
		size_t n = mbstowcs(a, s, 64);
		if (n == (size_t)-1)
			continue;
		const wchar_t *wa = a, *wb = a;
		char ca[128], cb[128];
		size_t blen = vtest_below(&rng, 24);
		memset(ca, 'x', sizeof(ca));
		memset(cb, 'x', sizeof(cb));
		mbstate_t hs2 = { 0 };
		vgc_mbstate_t os2 = { 0, 0 };
		x = wcsrtombs(ca, &wa, blen, &hs2);
		y = vgc_wcsrtombs(cb, &wb, blen, &os2);
		CHECK_MSG(x == y && wa == wb && !memcmp(ca, cb, sizeof(ca)),
			  "wcsrtombs(\"%s\", %zu): glibc %zd ours %zd", s, blen, x, y);
		CHECK_EQ_U(vgc_wcstombs(NULL, a, 0), wcstombs(NULL, a, 0));
		CHECK_EQ_U(vgc_wcslen(a), n);
	}
	/* A character that has no multibyte form stops wcsrtombs. */
	wchar_t w[] = { 'a', 0xd800, 'b', 0 };
	const wchar_t *pw = w;
	char c[8];
	CHECK_EQ_U(vgc_wcsrtombs(c, &pw, 8, NULL), (size_t)-1);
	CHECK(pw == w + 1);
	CHECK_EQ_I(vgc_errno, VGC_EILSEQ);
	/* C: only ASCII. */
	both("C");
	CHECK_EQ_U(vgc_mbstowcs(NULL, "caf\xc3\xa9", 0), mbstowcs(NULL, "caf\xc3\xa9", 0));
	CHECK_EQ_U(vgc_mbstowcs(NULL, "cafe", 0), 4);
}

static void random_wide(uint64_t *rng, wchar_t *w, size_t n)
{
	static const wchar_t alphabet[] = {
		'a', 'b', 'c', 0xe9, 0x4e00, 0x1f600, -1 + 0x80000000u
	};
	for (size_t i = 0; i + 1 < n; i++)
		w[i] = alphabet[vtest_below(rng, ARRAY_SIZE(alphabet) - (sizeof(wchar_t) > 4))];
	w[n - 1] = 0;
}

TEST(libc_wchar, wide_strings)
{
	uint64_t rng = 5;
	for (unsigned i = 0; i < 20000; i++) {
		wchar_t a[12], b[12], c[4];
		size_t na = 1 + vtest_below(&rng, 12), nb = 1 + vtest_below(&rng, 12);
		random_wide(&rng, a, na);
		random_wide(&rng, b, nb);
		random_wide(&rng, c, 1 + vtest_below(&rng, 4));
		size_t k = vtest_below(&rng, 14);
		CHECK_EQ_I(sign(vgc_wcscmp(a, b)), sign(wcscmp(a, b)));
		CHECK_EQ_I(sign(vgc_wcsncmp(a, b, k)), sign(wcsncmp(a, b, k)));
		size_t m = na < nb ? na : nb;
		CHECK_EQ_I(sign(vgc_wmemcmp(a, b, m)), sign(wmemcmp(a, b, m)));
		CHECK(vgc_wcschr(a, c[0]) == wcschr(a, c[0]));
		CHECK(vgc_wcsrchr(a, c[0]) == wcsrchr(a, c[0]));
		CHECK(vgc_wmemchr(a, c[0], na) == wmemchr(a, c[0], na));
		CHECK(vgc_wcsstr(a, c) == wcsstr(a, c));
		CHECK_EQ_U(vgc_wcsspn(a, c), wcsspn(a, c));
		CHECK_EQ_U(vgc_wcscspn(a, c), wcscspn(a, c));
		wchar_t x[32], y[32];
		wmemset(x, 7, 32);
		wmemset(y, 7, 32);
		vgc_wcsncpy(x, a, k);
		wcsncpy(y, a, k);
		CHECK(!wmemcmp(x, y, 32));
		vgc_wcscpy(x, a);
		vgc_wcscat(x, b);
		wcscpy(y, a);
		wcscat(y, b);
		CHECK(!wcscmp(x, y));
		wchar_t *d = vgc_wcsdup(x);
		CHECK(d && !wcscmp(d, x));
		free(d);
		vgc_wmemmove(x + 1, x, 10);
		wmemmove(y + 1, y, 10);
		CHECK(!wmemcmp(x, y, 11));
	}
}

TEST(libc_wchar, wcsto)
{
	static const char *const texts[] = {
		"42",	  "  -17xyz",  "0x1f",	    "077", "99999999999999999999",
		"3.25e3", " \t1e-400", "nan",	    "inf", "-0x1p-3",
		"",	  "+",	       "12\xc3\xa9"
	};
	both("C.UTF-8");
	for (unsigned i = 0; i < ARRAY_SIZE(texts); i++) {
		wchar_t w[40];
		mbstowcs(w, texts[i], 40);
		for (int base = 0; base <= 16; base += 8) {
			wchar_t *e1, *e2;
			errno = 0;
			vgc_errno = 0;
			long x = wcstol(w, &e1, base), y = vgc_wcstol(w, &e2, base);
			CHECK_MSG(x == y && e1 == e2 && !errno == !vgc_errno, "wcstol(%s, %d)",
				  texts[i], base);
			unsigned long ux = wcstoul(w, &e1, base), uy = vgc_wcstoul(w, &e2, base);
			CHECK_MSG(ux == uy && e1 == e2, "wcstoul(%s, %d)", texts[i], base);
		}
		wchar_t *e1, *e2;
		double x = wcstod(w, &e1), y = vgc_wcstod(w, &e2);
		CHECK_MSG((x == y || (x != x && y != y)) && e1 == e2, "wcstod(%s): %g %g", texts[i],
			  x, y);
	}
	wchar_t ideo[] = { 0x3000, '5', 0 }; /* an ideographic space is white space */
	wchar_t *e;
	CHECK_EQ_I(vgc_wcstol(ideo, &e, 10), wcstol(ideo, NULL, 10));
	CHECK(e == ideo + 2);
}

TEST(libc_wchar, printf_scanf_wide)
{
	static const char *const fmts[] = { "[%ls]",	"[%5ls]", "[%-6ls]", "[%.2ls]", "[%.3ls]",
					    "[%8.4ls]", "[%lc]",  "[%3lc]",  "[%-3lc|" };
	wchar_t s[] = { 'h', 0xe9, 'l', 0x4e00, 0x1f600, 0 };
	both("C.UTF-8");
	for (unsigned i = 0; i < ARRAY_SIZE(fmts); i++) {
		char a[64], b[64];
		int x, y;
		if (strstr(fmts[i], "lc")) {
			x = snprintf(a, sizeof(a), fmts[i], (wint_t)0x20ac);
			y = vgc_snprintf(b, sizeof(b), fmts[i], (wint_t)0x20ac);
		} else {
			x = snprintf(a, sizeof(a), fmts[i], s);
			y = vgc_snprintf(b, sizeof(b), fmts[i], s);
		}
		CHECK_MSG(x == y && !strcmp(a, b), "%s: glibc %d \"%s\" ours %d \"%s\"", fmts[i], x,
			  a, y, b);
	}
	char b[64];
	CHECK_EQ_I(vgc_snprintf(b, sizeof(b), "%ls", (wchar_t *)NULL), 6);
	CHECK_STREQ(b, "(null)");
	wchar_t bad[] = { 'a', 0xd800, 0 };
	vgc_errno = 0;
	CHECK_EQ_I(vgc_snprintf(b, sizeof(b), "x%lsy", bad), -1);
	CHECK_EQ_I(vgc_errno, VGC_EILSEQ);
	/* scanf */
	wchar_t wa[16], wb[16];
	wint_t ca = 0, cb = 0;
	wchar_t c2a[2], c2b[2];
	int x = sscanf("  h\xc3\xa9llo w\xe4\xb8\x80rld", "%15ls %lc%2lc", wa, (wchar_t *)&ca, c2a);
	int y = vgc_sscanf("  h\xc3\xa9llo w\xe4\xb8\x80rld", "%15ls %lc%2lc", wb, (wchar_t *)&cb,
			   c2b);
	CHECK_EQ_I(x, y);
	CHECK(!wcscmp(wa, wb) && ca == cb && !wmemcmp(c2a, c2b, 2));
	x = sscanf("\xe2\x82", "%15ls", wa);
	y = vgc_sscanf("\xe2\x82", "%15ls", wb);
	CHECK_EQ_I(x, y);
	both("C");
	vgc_errno = 0;
	CHECK_EQ_I(vgc_snprintf(b, sizeof(b), "%lc", (wint_t)0xe9), -1);
	CHECK_EQ_I(vgc_errno, VGC_EILSEQ);
	CHECK_EQ_I(vgc_snprintf(b, sizeof(b), "%ls", L"plain"), 5);
}

TEST(libc_wchar, setlocale_names)
{
	static const char *const names[] = { "C",      "POSIX",	      "C.UTF-8",  "C.utf8",
					     "C.UTF8", "en_US.UTF-8", "fr_FR",	  "C.latin1",
					     "c",      "C.",	      "C.UTF-88", "UTF-8" };
	static const int cats[] = { LC_ALL,	LC_CTYPE,    LC_NUMERIC, LC_TIME,
				    LC_COLLATE, LC_MONETARY, LC_MESSAGES };
	for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
		for (unsigned k = 0; k < ARRAY_SIZE(cats); k++) {
			both("C");
			char *x = setlocale(cats[k], names[i]),
			     *y = vgc_setlocale(cats[k], names[i]);
			CHECK_MSG(!x == !y && (!x || !strcmp(x, y)), "setlocale(%d, %s): %s %s",
				  cats[k], names[i], x ? x : "NULL", y ? y : "NULL");
		}
	/* Mixed categories: a composite name that restores them. */
	both("C");
	CHECK(vgc_setlocale(LC_CTYPE, "C.UTF-8") != NULL);
	char *all = strdup(vgc_setlocale(LC_ALL, NULL));
	CHECK(strstr(all, "LC_CTYPE=C.UTF-8;") != NULL);
	CHECK(vgc_setlocale(LC_ALL, "C") != NULL);
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 1);
	CHECK(vgc_setlocale(LC_ALL, all) != NULL);
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 4);
	CHECK_STREQ(vgc_setlocale(LC_NUMERIC, NULL), "C");
	CHECK(vgc_setlocale(LC_ALL, "LC_CTYPE=C;LC_NUMERIC=C") == NULL); /* not all named */
	free(all);
	/* "": the environment. */
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	setenv("LC_TIME", "POSIX", 1);
	CHECK(vgc_setlocale(LC_ALL, "") != NULL);
	CHECK_STREQ(vgc_setlocale(LC_CTYPE, NULL), "C.UTF-8");
	CHECK_STREQ(vgc_setlocale(LC_TIME, NULL), "C");
	setenv("LC_ALL", "de_DE", 1);
	CHECK(vgc_setlocale(LC_ALL, "") == NULL);
	CHECK_STREQ(vgc_setlocale(LC_CTYPE, NULL), "C.UTF-8"); /* unchanged */
	unsetenv("LC_ALL");
	unsetenv("LANG");
	unsetenv("LC_TIME");
	/* A thread's own locale. */
	both("C");
	void *l = vgc_newlocale(LC_CTYPE_MASK, "C.UTF-8", NULL);
	CHECK(l != NULL);
	CHECK(vgc_newlocale(LC_CTYPE_MASK, "xx_XX", NULL) == NULL);
	void *old = vgc_uselocale(l);
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 4);
	CHECK_STREQ(vgc_nl_langinfo(0), "UTF-8");
	vgc_uselocale(old);
	CHECK_EQ_U(vgc___libc_mb_cur_max(), 1);
	vgc_freelocale(l);
}

TEST(libc_wchar, langinfo_localeconv)
{
	/* glibc's items in the order of our enum (lib/c/include/langinfo.h). */
	static const nl_item items[] = {
		CODESET,   D_T_FMT,   D_FMT,	T_FMT,	 T_FMT_AMPM, AM_STR,	 PM_STR,
		DAY_1,	   DAY_2,     DAY_3,	DAY_4,	 DAY_5,	     DAY_6,	 DAY_7,
		ABDAY_1,   ABDAY_2,   ABDAY_3,	ABDAY_4, ABDAY_5,    ABDAY_6,	 ABDAY_7,
		MON_1,	   MON_2,     MON_3,	MON_4,	 MON_5,	     MON_6,	 MON_7,
		MON_8,	   MON_9,     MON_10,	MON_11,	 MON_12,     ABMON_1,	 ABMON_2,
		ABMON_3,   ABMON_4,   ABMON_5,	ABMON_6, ABMON_7,    ABMON_8,	 ABMON_9,
		ABMON_10,  ABMON_11,  ABMON_12, ERA,	 ERA_D_FMT,  ALT_DIGITS, ERA_D_T_FMT,
		ERA_T_FMT, RADIXCHAR, THOUSEP,	YESEXPR, NOEXPR,     CRNCYSTR,
	};
	const char *locales[] = { "C", "C.UTF-8" };
	for (unsigned l = 0; l < 2; l++) {
		both(locales[l]);
		for (unsigned i = 0; i < ARRAY_SIZE(items); i++)
			CHECK_MSG(!strcmp(nl_langinfo(items[i]), vgc_nl_langinfo((int)i)),
				  "%s item %u: glibc \"%s\" ours \"%s\"", locales[l], i,
				  nl_langinfo(items[i]), vgc_nl_langinfo((int)i));
		struct lconv *a = localeconv(), *b = vgc_localeconv();
		CHECK_STREQ(b->decimal_point, a->decimal_point);
		CHECK_STREQ(b->thousands_sep, a->thousands_sep);
		CHECK_STREQ(b->grouping, a->grouping);
		CHECK_STREQ(b->currency_symbol, a->currency_symbol);
		CHECK_EQ_I(b->frac_digits, a->frac_digits);
		CHECK_EQ_I(b->int_n_sign_posn, a->int_n_sign_posn);
	}
	CHECK_STREQ(vgc_nl_langinfo(9999), "");
}
