// SPDX-License-Identifier: BSD-2-Clause
// Wide streams in C.UTF-8, on a file (/tmp/conform_wide): what fputwc,
// fputws and fwprintf write (the file's bytes) and return, and what
// fgetwc, fgetws and fwscanf read from given bytes (valid UTF-8 and bad or
// cut-off sequences) with the error flag and errno, orientation (fwide),
// and what a scan leaves in the stream. Left out where we differ from
// glibc on purpose (lib/c/README.md): push-back (area_pushback.c), the C locale,
// the end-of-file flag after a scan, a file that ends inside a character
// (EILSEQ here, a plain end for glibc), and surrogates and values above
// U+10FFFF (EILSEQ here; glibc writes '?' or its old 4-byte forms). Ends
// in the C locale, as it started.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "conform.h"

#define PATH "/tmp/conform_wide"

/* The file's bytes after f is closed. */
static void file_bytes(struct cbuf *out, FILE *f)
{
	char buf[256];
	fclose(f);
	FILE *r = fopen(PATH, "r");
	size_t n = r ? fread(buf, 1, sizeof(buf), r) : 0;
	if (r)
		fclose(r);
	cb_str(out, " file \""), cb_bytes(out, buf, n), cb_str(out, "\"");
}

/* A wint_t as 32 bits (its type is unsigned in glibc, signed here). */
static void cb_wint(struct cbuf *b, wint_t c)
{
	cb_hex(b, (unsigned)c);
}

static void state(struct cbuf *out, FILE *f, int e)
{
	cb_str(out, " err "), cb_int(out, ferror(f) != 0);
	cb_str(out, " "), cb_errno(out, e);
}

static void output(struct conform_sink *sink)
{
	static const wchar_t *const texts[] = { L"", L"plain", L"\u00e9t\u00e9\n",
						L"\u4e2d\U0001F600" };
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "fputws/fputwc text "), cb_int(&in, i);
		FILE *f = fopen(PATH, "w");
		if (!f)
			continue;
		errno = 0;
		cb_int(&out, fputws(texts[i], f) >= 0);
		cb_str(&out, " fwide "), cb_int(&out, fwide(f, 0) > 0);
		state(&out, f, errno);
		clearerr(f);
		wint_t r = fputwc(texts[i][0] ? texts[i][0] : L'.', f);
		cb_str(&out, " putwc "), cb_wint(&out, r);
		file_bytes(&out, f);
		cb_take(sink, &in, &out);
	}
	static const wchar_t *const fmts[] = { L"%d|%5ls|%-4s|%lc", L"%.2ls|%.1s|%3c",
					       L"\u00e9%%%x\u4e2d%n", L"%s", L"%10.3f|%-6d|%#o" };
	for (unsigned i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "fwprintf format "), cb_int(&in, i);
		FILE *f = fopen(PATH, "w");
		if (!f)
			continue;
		int n = -1, r;
		errno = 0;
		switch (i) {
		case 0:
			r = fwprintf(f, fmts[i], -42, L"\u00e9", "\xc3\xa9", (wint_t)0x1F600);
			break;
		case 1: r = fwprintf(f, fmts[i], L"\u4e2d\u6587x", "\xc3\xa9z", 'q'); break;
		case 2: r = fwprintf(f, fmts[i], 255u, &n); break;
		case 3: r = fwprintf(f, fmts[i], "ok\xff"); break;
		default: r = fwprintf(f, fmts[i], 3.14159, 7, 8u); break;
		}
		cb_int(&out, r), cb_str(&out, " n "), cb_int(&out, n);
		state(&out, f, errno);
		file_bytes(&out, f);
		cb_take(sink, &in, &out);
	}
}

static void input(struct conform_sink *sink)
{
	static const char *const texts[] = { "abc",
					     "\xc3\xa9t\xc3\xa9\n\xe4\xb8\xad",
					     "\xf0\x9f\x98\x80!",
					     "ok\xff rest",
					     "ok\xc3(",
					     "\xed\xa0\x80x",
					     "line one\nline two\n" };
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "fgetwc \""), cb_bytes(&in, texts[i], strlen(texts[i])),
			cb_str(&in, "\"");
		FILE *f = conform_reading(PATH, texts[i]);
		if (!f)
			continue;
		errno = 0;
		for (int k = 0; k < 24; k++) {
			wint_t c = fgetwc(f);
			cb_wint(&out, c), cb_str(&out, " ");
			if (c == WEOF)
				break;
		}
		state(&out, f, errno);
		fclose(f);
		cb_take(sink, &in, &out);

		static const int sizes[] = { 1, 2, 4, 64 };
		for (unsigned s = 0; s < 4; s++) {
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "fgetws \""), cb_bytes(&in, texts[i], strlen(texts[i]));
			cb_str(&in, "\" size "), cb_int(&in, sizes[s]);
			f = conform_reading(PATH, texts[i]);
			if (!f)
				continue;
			errno = 0;
			for (int k = 0; k < 6; k++) {
				wchar_t line[64];
				wchar_t *r = fgetws(line, sizes[s], f);
				if (!r) {
					cb_str(&out, "NULL");
					break;
				}
				for (size_t j = 0; line[j]; j++)
					cb_hex(&out, (unsigned)line[j]), cb_str(&out, ",");
				cb_str(&out, "|");
			}
			state(&out, f, errno);
			fclose(f);
			cb_take(sink, &in, &out);
		}
	}
}

static void scans(struct conform_sink *sink)
{
	static const struct {
		const char *text;
		const wchar_t *fmt;
	} cases[] = {
		{ "  42\xc3\xa9t\xc3\xa9 x", L"%d%ls" },
		{ "\xe4\xb8\xad\xe6\x96\x87 12", L"%l[^ ] %d" },
		{ "-7 \xc3\xa9\xc3\xa8!", L"%d %[^!]" },
		{ "0x1fz 3.5e+q", L"%i%ls" },
		{ "3.5e+q", L"%lf%ls" },
		{ "abc", L"%d" },
		{ "\xc3\xa9\xc3\xa9", L"\u00e9%lc" },
		{ "ab\xff", L"%ls" },
		{ "12 34", L"%*d %n%d" },
	};
	struct cbuf in, out;
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "fwscanf \""), cb_bytes(&in, cases[i].text, strlen(cases[i].text));
		cb_str(&in, "\" format "), cb_int(&in, i);
		FILE *f = conform_reading(PATH, cases[i].text);
		if (!f)
			continue;
		int v = -1;
		int n = -1;
		double d = 0;
		wchar_t w[16] = L"";
		char mb[32] = "";
		int r;
		errno = 0;
		switch (i) {
		case 0:
		case 3: r = fwscanf(f, cases[i].fmt, &n, w); break;
		case 1: r = fwscanf(f, cases[i].fmt, w, &n); break;
		case 2: r = fwscanf(f, cases[i].fmt, &n, mb); break;
		case 4: r = fwscanf(f, cases[i].fmt, &d, w); break;
		case 5: r = fwscanf(f, cases[i].fmt, &n); break;
		case 6: r = fwscanf(f, cases[i].fmt, w); break;
		case 7: r = fwscanf(f, cases[i].fmt, w); break;
		default: r = fwscanf(f, cases[i].fmt, &n, &v); break;
		}
		cb_int(&out, r), cb_str(&out, " n "), cb_int(&out, n);
		cb_str(&out, " v "), cb_int(&out, v);
		cb_str(&out, " d "), cb_dbl(&out, d);
		cb_str(&out, " w ");
		for (size_t j = 0; j < 16 && w[j]; j++)
			cb_hex(&out, (unsigned)w[j]), cb_str(&out, ",");
		cb_str(&out, " mb \""), cb_bytes(&out, mb, strlen(mb)), cb_str(&out, "\"");
		state(&out, f, errno);
		/* What the scan left: the next character. */
		clearerr(f);
		cb_str(&out, " next "), cb_wint(&out, fgetwc(f));
		fclose(f);
		cb_take(sink, &in, &out);
	}
}

static void orientation(struct conform_sink *sink)
{
	struct cbuf in, out;
	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "orientation");
	FILE *f = fopen(PATH, "w");
	if (!f)
		return;
	cb_int(&out, fwide(f, 0));
	cb_str(&out, " "), cb_int(&out, fputs("b", f) >= 0);
	cb_str(&out, " "), cb_int(&out, fwide(f, 1) < 0);
	cb_str(&out, " putwc "), cb_wint(&out, fputwc(L'x', f));
	cb_str(&out, " fwprintf "), cb_int(&out, fwprintf(f, L"%d", 1));
	cb_str(&out, " err "), cb_int(&out, ferror(f) != 0);
	fclose(f);
	f = fopen(PATH, "w");
	if (!f)
		return;
	cb_str(&out, " | "), cb_int(&out, fwide(f, 5) > 0);
	cb_str(&out, " "), cb_int(&out, fwide(f, -5) > 0);
	cb_str(&out, " ungetwc "), cb_wint(&out, ungetwc(WEOF, f));
	file_bytes(&out, f);
	cb_take(sink, &in, &out);
}

void conform_wstream(struct conform_sink *sink)
{
	setlocale(LC_ALL, "C.UTF-8");
	output(sink);
	input(sink);
	scans(sink);
	orientation(sink);
	remove(PATH);
	setlocale(LC_ALL, "C");
}
