// SPDX-License-Identifier: BSD-2-Clause
// Locales and wide characters: setlocale's answers, nl_langinfo's code set,
// mbrtowc on valid and invalid UTF-8 (only where glibc is as strict as C
// and RFC 3629 want: complete sequences up to U+10FFFF), wcrtomb, the
// classes, case and width of characters from many scripts, and printf's
// %ls and %lc. Ends in the C locale, as it started.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "conform.h"

static void names(struct conform_sink *sink)
{
	static const char *const tried[] = { "C",      "POSIX", "C.UTF-8",
					     "C.utf8", "en_US", "C.ISO-8859-1" };
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(tried) / sizeof(tried[0]); i++) {
		setlocale(LC_ALL, "C");
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "setlocale(LC_CTYPE, \""), cb_str(&in, tried[i]), cb_str(&in, "\")");
		const char *r = setlocale(LC_CTYPE, tried[i]);
		cb_str(&out, r ? r : "NULL");
		cb_str(&out, " codeset "), cb_str(&out, nl_langinfo(CODESET));
		/* glibc allows 6 bytes (its pre-RFC 3629 forms), we 4 */
		cb_str(&out, MB_CUR_MAX > 1 ? " multibyte" : " single-byte");
		cb_take(sink, &in, &out);
	}
}

static void decode(struct conform_sink *sink)
{
	static const char *const seqs[] = {
		"A", "\x7f", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xef\xbf\xbf",
		"\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xc3\xa9tail",
		/* overlong, surrogate, stray and cut-off sequences */
		"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80",
		"\xf0\x8f\xbf\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\x80", "\xbf", "\xc3",
		"\xe2\x82", "\xf0\x9f\x98", "\xc3\x28", "\xe2\x28\xa1", "\xfe", "\xff"
	};
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		cb_reset(&in), cb_reset(&out);
		size_t n = strlen(seqs[i]);
		cb_str(&in, "mbrtowc(\""), cb_bytes(&in, seqs[i], n), cb_str(&in, "\")");
		mbstate_t st;
		memset(&st, 0, sizeof(st));
		wchar_t wc = 0;
		errno = 0;
		size_t r = mbrtowc(&wc, seqs[i], n, &st);
		cb_int(&out, (long long)(ptrdiff_t)r), cb_str(&out, " ");
		if (r < 5)
			cb_hex(&out, (unsigned)wc), cb_str(&out, " ");
		cb_errno(&out, errno);
		cb_str(&out, " mblen "), cb_int(&out, mblen(seqs[i], n));
		cb_str(&out, " mbstowcs "),
			cb_int(&out, (long long)(ptrdiff_t)mbstowcs(NULL, seqs[i], 0));
		cb_take(sink, &in, &out);
	}
}

static const unsigned points[] = {
	0,	0x41,	0x7a,	 0xa0,	  0xad,	   0xb5,    0xdf,    0xe9,     0xff,
	0x130,	0x149,	0x1c5,	 0x2b0,	  0x300,   0x345,   0x391,   0x3c2,    0x414,
	0x4e9,	0x5d0,	0x627,	 0x660,	  0x903,   0x966,   0xe01,   0x1100,   0x1160,
	0x1e9e, 0x1f88, 0x2028,	 0x200b,  0x20ac,  0x2160,  0x2170,  0x24b6,   0x3000,
	0x3042, 0x3248, 0x4dc0,	 0x4e00,  0xac00,  0xd7b0,  0xd800,  0xe000,   0xfeff,
	0xff21, 0xfffd, 0x10400, 0x1d400, 0x1f600, 0x20000, 0xe0001, 0x10ffff,
};

static void characters(struct conform_sink *sink)
{
	static int (*const classes[])(wint_t) = { iswalnum, iswalpha, iswblank, iswcntrl,
						  iswdigit, iswgraph, iswlower, iswprint,
						  iswpunct, iswspace, iswupper, iswxdigit };
	static const char letters[] = "abBcdglpPsux";
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(points) / sizeof(points[0]); i++) {
		wint_t c = points[i];
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "U+"), cb_hex(&in, c);
		for (int k = 0; k < 12; k++)
			if (classes[k](c))
				cb_bytes(&out, &letters[k], 1);
		cb_str(&out, " up "), cb_hex(&out, towupper(c));
		cb_str(&out, " low "), cb_hex(&out, towlower(c));
		cb_str(&out, " width "), cb_int(&out, wcwidth((wchar_t)c));
		char mb[8];
		mbstate_t st;
		memset(&st, 0, sizeof(st));
		errno = 0;
		size_t n = wcrtomb(mb, (wchar_t)c, &st);
		cb_str(&out, " utf8 ");
		/* glibc's C locale turns the tag characters (U+E0001...) into
		 * nothing rather than refusing them. */
		if (c >= 0xe0000 && !strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968"))
			cb_str(&out, "-");
		else if (n == (size_t)-1)
			cb_errno(&out, errno);
		else
			cb_bytes(&out, mb, n);
		cb_take(sink, &in, &out);
	}
}

static void formats(struct conform_sink *sink)
{
	static const wchar_t text[] = { 'w', 0xe9, 0x4e00, 0x1f600, '!', 0 };
	static const char *const fmts[] = { "%ls", "%8ls", "%-8ls|", "%.3ls", "%.4ls", "%lc" };
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		char buf[64];
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "snprintf("), cb_str(&in, fmts[i]), cb_str(&in, ")");
		int r = i == 5 ? snprintf(buf, sizeof(buf), fmts[i], (wint_t)0x20ac)
			       : snprintf(buf, sizeof(buf), fmts[i], text);
		cb_int(&out, r), cb_str(&out, " \""), cb_bytes(&out, buf, strlen(buf));
		cb_str(&out, "\"");
		cb_take(sink, &in, &out);
	}
}

void conform_wchar(struct conform_sink *sink)
{
	names(sink);
	setlocale(LC_ALL, "C.UTF-8");
	decode(sink);
	characters(sink);
	formats(sink);
	setlocale(LC_ALL, "C");
	decode(sink);
	characters(sink);
	setlocale(LC_ALL, "C");
}
