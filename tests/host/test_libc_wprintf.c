// SPDX-License-Identifier: BSD-2-Clause
// lib/c's wide printf and scanf (swprintf, swscanf: the engines' wide
// form) against glibc's, in C.UTF-8 and C: random conversion
// specifications with random values and buffer sizes (output that does
// not fit is -1 for both), strings of conversions with non-ASCII literal
// text, %s and %c converted from multibyte (invalid input -1 for both),
// and random wide input scanned by random directives.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <vgc.h>
#include <vgc_wchar.h>
#include <vtest.h>

#include <vgc_locale.h>
#include <wchar.h>

static unsigned long compared;

/* Compares the return value and, when both succeed, the output with its
 * terminator, for a buffer of size wide characters. */
#define SAME(size, ...)                                                                            \
	do {                                                                                       \
		wchar_t o_[200], h_[200];                                                          \
		int n1_ = vgc_swprintf(o_, (size), __VA_ARGS__);                                   \
		int n2_ = swprintf(h_, (size), __VA_ARGS__);                                       \
		compared++;                                                                        \
		CHECK_MSG(n1_ == n2_ && (n1_ < 0 || !wmemcmp(o_, h_, (size_t)n1_ + 1)),            \
			  "format \"%ls\" size %zu: ours %d \"%.*ls\", glibc %d \"%.*ls\"", fmt,   \
			  (size_t)(size), n1_, n1_ < 0 ? 0 : n1_, o_, n2_, n2_ < 0 ? 0 : n2_, h_); \
	} while (0)

/* A random specification of conv into fmt (after a literal prefix). */
static void random_spec(uint64_t *rng, wchar_t *fmt, const char *lm, char conv, bool prec_ok)
{
	char nf[40];
	size_t k = 0;
	uint64_t r = vtest_rand(rng);
	nf[k++] = '%';
	for (int f = 0; f < 5; f++)
		if ((r >> f) & 1)
			nf[k++] = "-+ #0"[f];
	int w = (int)vtest_below(rng, 24);
	if (w > 0 && (r >> 5) & 1)
		k += (size_t)sprintf(nf + k, "%d", w);
	if ((r >> 6) & 1 && prec_ok)
		k += (size_t)sprintf(nf + k, ".%d", (int)vtest_below(rng, 12));
	sprintf(nf + k, "%s%c", lm, conv);
	swprintf(fmt, 60, L"\u00e9[%s]\u4e2d", nf);
}

static void random_numbers(void)
{
	static const char *const lms[] = { "", "hh", "h", "l", "ll", "j", "z", "t" };
	uint64_t rng = 7;
	for (int i = 0; i < 40000; i++) {
		wchar_t fmt[64];
		uint64_t r = vtest_rand(&rng);
		size_t size = (r >> 40) & 1 ? 200 : (size_t)((r >> 41) % 30);
		if (r & 1) {
			random_spec(&rng, fmt, lms[(r >> 1) % 8], "diouxX"[(r >> 4) % 6], true);
			uint64_t v = vtest_rand(&rng) >> (r >> 8) % 64;
			SAME(size, fmt, v);
		} else {
			random_spec(&rng, fmt, "", "eEfFgGaA"[(r >> 4) % 8], true);
			double v =
				(double)(int64_t)vtest_rand(&rng) / (double)(1ull << (r >> 8) % 60);
			SAME(size, fmt, v);
		}
	}
}

TEST(libc_wprintf, numbers)
{
	vgc_both_locales("C.UTF-8");
	random_numbers();
	vgc_both_locales("C");
	random_numbers();
	vgc_report("libc_wprintf.numbers", &compared);
}

static void random_text(bool utf8)
{
	static const char *const mbs[] = { "",
					   "a",
					   "h\xc3\xa9llo",
					   "\xe4\xb8\xad\xe6\x96\x87 text",
					   "\xf0\x9f\x98\x80!",
					   "bad \xff byte",
					   "cut \xe4\xb8" };
	static const wchar_t *const ws[] = { L"", L"x", L"h\u00e9llo", L"\u4e2d\u6587 text",
					     L"\U0001F600!" };
	uint64_t rng = utf8 ? 11 : 12;
	for (int i = 0; i < 20000; i++) {
		wchar_t fmt[64];
		uint64_t r = vtest_rand(&rng);
		size_t size = (r >> 40) & 1 ? 200 : (size_t)((r >> 41) % 24);
		switch (r % 4) {
		case 0:
			random_spec(&rng, fmt, "", 's', true);
			SAME(size, fmt, mbs[(r >> 8) % 7]);
			break;
		case 1:
			random_spec(&rng, fmt, "l", 's', true);
			SAME(size, fmt, ws[(r >> 8) % 5]);
			break;
		case 2:
			random_spec(&rng, fmt, "", 'c', false);
			SAME(size, fmt, "a\xc3 \x7f"[(r >> 8) % 4]);
			break;
		default:
			random_spec(&rng, fmt, "l", 'c', false);
			SAME(size, fmt, (wint_t)L"a\u00e9\u4e2d\U0001F600"[(r >> 8) % 4]);
			break;
		}
	}
}

TEST(libc_wprintf, strings_and_characters)
{
	vgc_both_locales("C.UTF-8");
	random_text(true);
	vgc_both_locales("C");
	random_text(false);
	vgc_report("libc_wprintf.strings_and_characters", &compared);
}

TEST(libc_wprintf, edge_cases)
{
	vgc_both_locales("C.UTF-8");
	const wchar_t *fmt = L"%s|%ls|%c";
	SAME(40, fmt, (char *)NULL, (wchar_t *)NULL, 'x');
	fmt = L"%.3s|%.2ls";
	SAME(40, fmt, (char *)NULL, (wchar_t *)NULL);
	fmt = L"abc%n%d";
	int n1 = 0, n2 = 0;
	wchar_t o[40], h[40];
	CHECK(vgc_swprintf(o, 40, fmt, &n1, 5) == swprintf(h, 40, fmt, &n2, 5));
	CHECK(n1 == n2 && n1 == 3);
	fmt = L"100%% \u00e9 %y %";
	SAME(40, fmt, 0);
	fmt = L"";
	SAME(1, fmt);
	SAME(0, fmt);
	fmt = L"x";
	SAME(1, fmt);
	/* A wide format's non-ASCII text is copied, even in the C locale. */
	vgc_both_locales("C");
	fmt = L"\u00e9\U0001F600%d";
	SAME(40, fmt, 42);
	vgc_report("libc_wprintf.edge_cases", &compared);
}

/* Scans input with fmt by both and compares the count and every result. */
static void same_scan(const wchar_t *in, const wchar_t *fmt)
{
	int i1 = -1, i2 = -1, n1 = -1, n2 = -1;
	double d1 = 0, d2 = 0;
	wchar_t w1[64] = L"", w2[64] = L"";
	char s1[64] = "", s2[64] = "";
	int r1 = vgc_swscanf(in, fmt, &i1, w1, s1, &d1, &n1);
	int r2 = swscanf(in, fmt, &i2, w2, s2, &d2, &n2);
	compared++;
	CHECK_MSG(r1 == r2 && i1 == i2 && !wcscmp(w1, w2) && !strcmp(s1, s2) && d1 == d2 &&
			  n1 == n2,
		  "input \"%ls\" format \"%ls\": ours %d %d \"%ls\" \"%s\" %g %d, glibc %d %d "
		  "\"%ls\" \"%s\" %g %d",
		  in, fmt, r1, i1, w1, s1, d1, n1, r2, i2, w2, s2, d2, n2);
}

static void random_scans(void)
{
	/* Directives in the order of same_scan's arguments. */
	static const wchar_t *const fmts[] = {
		L"%d %ls %s %lf%n",
		L"%i%3ls%2s%lf%n",
		L"\u00e9%d\u4e2d %l[a-z\u00e9] %[^\n]%lf%n",
		L"%*d%d %2lc %3c %lg %n",
		L"%x-%l[^ -] - %[-a-d\u4e2d] %la%n",
		L"%o %5l[\u00e0-\u00ff] %s %le %n",
	};
	static const wchar_t *const words[] = {
		L"12",	 L"-7", L"0x1f", L"abc",    L"\u00e9t\u00e9", L"\u4e2d", L" ", L"\t",
		L"3.25", L"-",	L"1e5",	 L"\u3000", L"\U0001F600",    L"z-a",	 L"\n"
	};
	uint64_t rng = 5;
	for (int i = 0; i < 30000; i++) {
		wchar_t in[80] = L"";
		int nw = (int)vtest_below(&rng, 7);
		for (int k = 0; k < nw; k++)
			wcscat(in, words[vtest_below(&rng, 15)]);
		same_scan(in, fmts[vtest_below(&rng, 6)]);
	}
}

TEST(libc_wprintf, scanf)
{
	vgc_both_locales("C.UTF-8");
	random_scans();
	vgc_report("libc_wprintf.scanf", &compared);
}
