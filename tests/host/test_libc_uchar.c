// SPDX-License-Identifier: BSD-2-Clause
// lib/c's <uchar.h> (mbrtoc16, c16rtomb, mbrtoc32, c32rtomb), wcsftime,
// wcscoll and wcsxfrm against glibc's, in C.UTF-8 and C: random UTF-8
// (valid characters from every length, and bad bytes) converted to UTF-16
// whole and byte by byte, random UTF-16 (with unpaired surrogates)
// converted back, every strftime conversion in a wide format with
// non-ASCII text, and random wide strings collated.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uchar.h>
#include <vgc.h>
#include <vgc_wchar.h>
#include <vtest.h>

#include <vgc_locale.h>
#include <wchar.h>

static unsigned long compared;

/* UTF-8 of c (not a surrogate) into out: its length. */
static size_t utf8(uint32_t c, char *out)
{
	size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
	for (size_t i = n; i-- > 1; c >>= 6)
		out[i] = (char)(0x80 | (c & 0x3f));
	out[0] = (char)(lead[n] | c);
	return n;
}

/* Random text: characters of 1 to 4 bytes, now and then a bad byte. */
static size_t random_utf8(uint64_t *rng, char *out, size_t max)
{
	size_t n = 0;
	while (n + 4 < max) {
		uint64_t r = vtest_rand(rng);
		if (r % 16 == 0)
			out[n++] = (char)(0x80 + (r >> 8) % 0x80); /* a stray byte */
		else
			n += utf8((uint32_t)((r >> 4) % 4 == 0		 ? (r >> 8) % 0x80
						     : (r >> 4) % 4 == 1 ? 0x80 + (r >> 8) % 0x780
						     : (r >> 4) % 4 == 2
						     ? 0xe000 + (r >> 8) % 0x2000
						     : 0x10000 + (r >> 8) % 0x100000),
				  out + n);
		if (r % 7 == 0)
			break;
	}
	return n;
}

/* Where our UTF-8 is stricter than glibc's (lib/c/README.md): glibc takes
 * the old forms of values above U+10FFFF and reports an overlong or
 * surrogate start only when the character is complete, which its whole
 * conversion then refuses. */
static bool lax_utf8(const char *s, size_t n)
{
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, &st);
	return r == (size_t)-1 || (r < (size_t)-2 && (uint32_t)wc > 0x10ffff);
}

/* Converts text to UTF-16 by both, n bytes at a time, comparing each
 * result and unit. */
static void same_to16(const char *text, size_t len, size_t step)
{
	mbstate_t hs;
	vgc_mbstate_t os;
	memset(&hs, 0, sizeof(hs));
	memset(&os, 0, sizeof(os));
	size_t at = 0, start = 0; /* where the character being read starts */
	for (int guard = 0; at <= len && guard < 200; guard++) {
		size_t k = len + 1 - at < step ? len + 1 - at : step;
		char16_t h = 0xffff;
		uint16_t o = 0xffff;
		size_t rh = mbrtoc16(&h, text + at, k, &hs);
		size_t ro = vgc_mbrtoc16(&o, text + at, k, &os);
		compared++;
		if (ro == (size_t)-1 && rh != ro && lax_utf8(text + start, len + 1 - start))
			return;
		CHECK_MSG(rh == ro && (rh >= (size_t)-2 || h == o),
			  "mbrtoc16 at %zu of %zu (step %zu): glibc %zd U+%04X, ours %zd U+%04X",
			  at, len, step, (ssize_t)rh, h, (ssize_t)ro, o);
		if (rh != ro || rh == (size_t)-1 || rh == 0)
			return;
		if (rh == (size_t)-2)
			at += k;
		else if (rh != (size_t)-3)
			start = at += rh;
	}
}

static void to16(void)
{
	uint64_t rng = 3;
	for (int i = 0; i < 20000; i++) {
		char text[64];
		size_t len = random_utf8(&rng, text, sizeof(text) - 1);
		text[len] = 0;
		same_to16(text, len, len + 1);
		same_to16(text, len, 1 + (size_t)vtest_below(&rng, 3));
	}
}

TEST(libc_uchar, mbrtoc16)
{
	vgc_both_locales("C.UTF-8");
	to16();
	vgc_both_locales("C");
	to16();
	vgc_report("libc_uchar.mbrtoc16", &compared);
}

static void from16(void)
{
	uint64_t rng = 4;
	for (int i = 0; i < 20000; i++) {
		mbstate_t hs;
		vgc_mbstate_t os;
		memset(&hs, 0, sizeof(hs));
		memset(&os, 0, sizeof(os));
		int units = 1 + (int)vtest_below(&rng, 8);
		for (int u = 0; u < units; u++) {
			uint64_t r = vtest_rand(&rng);
			uint16_t c = (uint16_t)(r % 4 == 0	     ? (r >> 8) % 0x80
							: r % 4 == 1 ? 0xd800 + (r >> 8) % 0x800
							: r % 4 == 2 ? (r >> 8) % 0x10000
								     : 0xdc00 + (r >> 8) % 0x400);
			char hb[8], ob[8];
			size_t rh = c16rtomb(hb, c, &hs), ro = vgc_c16rtomb(ob, c, &os);
			compared++;
			CHECK_MSG(rh == ro && (rh > 4 || !memcmp(hb, ob, rh)),
				  "c16rtomb(U+%04X), unit %d: glibc %zd, ours %zd", c, u,
				  (ssize_t)rh, (ssize_t)ro);
			if (rh != ro || rh == (size_t)-1)
				break;
		}
	}
}

TEST(libc_uchar, c16rtomb)
{
	vgc_both_locales("C.UTF-8");
	from16();
	vgc_both_locales("C");
	from16();
	vgc_report("libc_uchar.c16rtomb", &compared);
}

TEST(libc_uchar, char32)
{
	vgc_both_locales("C.UTF-8");
	for (uint32_t c = 0; c < 0x110000; c += 7) {
		char hb[8], ob[8];
		mbstate_t hs;
		vgc_mbstate_t os;
		memset(&hs, 0, sizeof(hs));
		memset(&os, 0, sizeof(os));
		size_t rh = c32rtomb(hb, c, &hs), ro = vgc_c32rtomb(ob, c, &os);
		compared++;
		CHECK_MSG(rh == ro && (rh > 4 || !memcmp(hb, ob, rh)), "c32rtomb(U+%04X)", c);
		if (rh > 4)
			continue;
		char32_t h = 0;
		uint32_t o = 0;
		rh = mbrtoc32(&h, hb, rh, &hs);
		ro = vgc_mbrtoc32(&o, hb, ro, &os);
		compared++;
		CHECK_MSG(rh == ro && h == o && o == c, "mbrtoc32 of U+%04X", c);
	}
	vgc_report("libc_uchar.char32", &compared);
}

TEST(libc_uchar, wcsftime)
{
	static const wchar_t fmt[] =
		L"\u00e9%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%s|"
		L"%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%|%Ey|%Od|\u4e2d%";
	setenv("TZ", "UTC", 1);
	tzset();
	vgc_both_locales("C.UTF-8");
	uint64_t rng = 9;
	for (int i = 0; i < 20000; i++) {
		time_t t = (time_t)(vtest_rand(&rng) % 8000000000u);
		struct tm tm;
		localtime_r(&t, &tm);
		wchar_t a[400], b[400];
		size_t size = i % 8 ? 400 : (size_t)vtest_below(&rng, 200);
		size_t na = vgc_wcsftime(a, size, fmt, &tm), nb = wcsftime(b, size, fmt, &tm);
		compared++;
		CHECK_MSG(na == nb && (!na || !wcscmp(a, b)), "wcsftime(%ld) size %zu: %zu %zu",
			  (long)t, size, na, nb);
	}
	vgc_report("libc_uchar.wcsftime", &compared);
}

TEST(libc_uchar, collation)
{
	uint64_t rng = 10;
	vgc_both_locales("C.UTF-8");
	for (int i = 0; i < 20000; i++) {
		wchar_t a[8], b[8], xa[8], xb[8];
		for (int k = 0; k < 8; k++) {
			a[k] = (wchar_t)(k == 7 ? 0 : 1 + vtest_below(&rng, 4) * 0x3000);
			b[k] = (wchar_t)(k == 7 ? 0 : 1 + vtest_below(&rng, 4) * 0x3000);
		}
		a[vtest_below(&rng, 8)] = 0;
		int h = wcscoll(a, b), o = vgc_wcscoll(a, b);
		compared++;
		CHECK_MSG((h > 0) - (h < 0) == (o > 0) - (o < 0), "wcscoll %d %d", h, o);
		size_t n = (size_t)vtest_below(&rng, 9);
		size_t lh = wcsxfrm(xa, a, n), lo = vgc_wcsxfrm(xb, a, n);
		compared++;
		CHECK(lh == lo && (lh >= n || !wmemcmp(xa, xb, lh + 1)));
	}
	vgc_report("libc_uchar.collation", &compared);
}
