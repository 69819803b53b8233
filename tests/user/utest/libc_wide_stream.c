// SPDX-License-Identifier: BSD-2-Clause
// The wide stream functions on a file (lib/c/os/stdio/wide.c): orientation
// (fwide; the first input or output sets it, and the wide functions fail on
// a byte-oriented stream), UTF-8 in C.UTF-8 and ASCII in C, EILSEQ with the
// error flag for bytes that are no character and for a character the
// locale cannot write, ungetwc, fgetws, fputws, fwprintf and fwscanf (the
// engines' wide forms, which the host tests compare with glibc) with the
// first unmatched character left in the stream. The expected bytes here
// were checked against glibc, except in C, where glibc 2.36's streams
// take and write non-ASCII characters its mbrtowc and wcrtomb refuse.
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../../conform/conform.h"
#include "../utest.h"
#include "../vfs_up.h"

#define PATH "/tmp/wide.txt"

/* A stream reading len bytes of text (a file, so it goes through read()). */
static FILE *stream_of(const char *text, size_t len)
{
	FILE *f = fopen(PATH, "w+");
	if (!f)
		return NULL;
	if (fwrite(text, 1, len, f) != len || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	/* fwrite made it byte-oriented: a fresh stream on the same file. */
	fclose(f);
	return fopen(PATH, "r");
}

/* The file's bytes after f is closed: their count, or -1. */
static long contents(FILE *f, char *buf, size_t size)
{
	if (fclose(f))
		return -1;
	FILE *r = fopen(PATH, "r");
	if (!r)
		return -1;
	size_t n = fread(buf, 1, size, r);
	fclose(r);
	return (long)n;
}

UTEST(libc_wide_orientation)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	FILE *f = fopen(PATH, "w+");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_EQ(fwide(f, 0), 0);
	CHECK(fwide(f, 1) > 0);
	CHECK(fwide(f, -1) > 0); /* set once, for good */
	fclose(f);
	f = fopen(PATH, "w+");
	CHECK_EQ(fputs("bytes", f), 1);
	CHECK(fwide(f, 0) < 0);
	CHECK_EQ(fputwc(L'x', f), WEOF);
	CHECK_EQ(fwprintf(f, L"%d", 5), -1);
	CHECK_EQ(fputws(L"no", f), -1);
	CHECK_EQ(fgetwc(f), WEOF);
	CHECK(!ferror(f));
	fclose(f);
	f = fopen(PATH, "w+");
	CHECK(fputwc(L'y', f) == L'y');
	CHECK(fwide(f, 0) > 0);
	fclose(f);
	setlocale(LC_ALL, "C");
}

UTEST(libc_wide_utf8_output)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	FILE *f = fopen(PATH, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fputwc(L'\u00e9', f) == L'\u00e9');
	CHECK(putwc(L'\U0001F600', f) == L'\U0001F600');
	CHECK(fputws(L"\u4e2d-", f) >= 0);
	/* Width counts wide characters: "%-4ls" of one character pads three. */
	CHECK_EQ(fwprintf(f, L"%d|%-4ls|%3s|%lc", 42, L"\u00e9", "\xc3\xa9", (wint_t)L'z'), 13);
	char buf[64];
	static const char want[] =
		"\xc3\xa9\xf0\x9f\x98\x80\xe4\xb8\xad-42|\xc3\xa9   |  \xc3\xa9|z";
	CHECK_EQ(contents(f, buf, sizeof(buf)), sizeof(want) - 1);
	CHECK(memcmp(buf, want, sizeof(want) - 1) == 0);
	/* An invalid multibyte %s fails the call with EILSEQ. */
	f = fopen(PATH, "w");
	errno = 0;
	CHECK_EQ(fwprintf(f, L"%s", "\xff"), -1);
	CHECK_EQ(errno, EILSEQ);
	fclose(f);
	setlocale(LC_ALL, "C");
}

UTEST(libc_wide_c_locale)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(setlocale(LC_ALL, "C") != NULL);
	FILE *f = fopen(PATH, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fputwc(L'a', f) == L'a');
	errno = 0;
	CHECK_EQ(fputwc(L'\u00e9', f), WEOF); /* not ASCII */
	CHECK_EQ(errno, EILSEQ);
	CHECK(ferror(f));
	fclose(f);
	static const char text[] = "ok\xc3\xa9";
	f = stream_of(text, sizeof(text) - 1);
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fgetwc(f) == L'o');
	CHECK(fgetwc(f) == L'k');
	errno = 0;
	CHECK_EQ(fgetwc(f), WEOF);
	CHECK_EQ(errno, EILSEQ);
	CHECK(ferror(f));
	fclose(f);
}

UTEST(libc_wide_input)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	static const char text[] = "\xc3\xa9t\xc3\xa9\n\xe4\xb8\xad\xe6\x96\x87 line\nlast\xf0\x9f";
	FILE *f = stream_of(text, sizeof(text) - 1);
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK(fgetwc(f) == L'\u00e9');
	/* Eight characters of push-back (glibc: any number), the last first. */
	for (int c = 'Z'; c > 'Z' - 8; c--)
		CHECK(ungetwc((wint_t)c, f) == (wint_t)c);
	CHECK_EQ(ungetwc(L'A', f), WEOF);
	for (int c = 'Z' - 7; c < 'Z'; c++)
		CHECK(getwc(f) == (wint_t)c);
	CHECK(getwc(f) == L'Z');
	wchar_t line[16];
	CHECK(fgetws(line, 16, f) == line);
	CHECK(wcscmp(line, L"t\u00e9\n") == 0);
	CHECK(fgetws(line, 4, f) == line); /* three characters and the NUL */
	CHECK(wcscmp(line, L"\u4e2d\u6587 ") == 0);
	CHECK(fgetws(line, 16, f) == line);
	CHECK(wcscmp(line, L"line\n") == 0);
	/* "last" and then a character the file cuts off. */
	CHECK(fgetws(line, 16, f) == NULL);
	CHECK(ferror(f));
	fclose(f);
	setlocale(LC_ALL, "C");
}

UTEST(libc_wide_fwscanf)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	static const char text[] = "  42\xc3\xa9t\xc3\xa9 x \xe4\xb8\xad\xe6\x96\x87!rest";
	FILE *f = stream_of(text, sizeof(text) - 1);
	CHECK(f != NULL);
	if (!f)
		return;
	int a = 0;
	wchar_t w[8];
	char mb[16];
	CHECK_EQ(fwscanf(f, L"%d", &a), 1);
	CHECK_EQ(a, 42);
	CHECK(fgetwc(f) == L'\u00e9'); /* the character that ended the number */
	CHECK_EQ(fwscanf(f, L"%ls", w), 1);
	CHECK(wcscmp(w, L"t\u00e9") == 0);
	CHECK_EQ(fwscanf(f, L"%d", &a), 0); /* 'x' does not match and stays */
	CHECK(fgetwc(f) == L'x');
	CHECK_EQ(fwscanf(f, L" %[^!]", mb), 1); /* stored as multibyte */
	CHECK(strcmp(mb, "\xe4\xb8\xad\xe6\x96\x87") == 0);
	CHECK(fgetwc(f) == L'!');
	CHECK_EQ(fwscanf(f, L"%4lc", w), 1);
	CHECK(wmemcmp(w, L"rest", 4) == 0);
	CHECK_EQ(fwscanf(f, L"%d", &a), EOF);
	CHECK(feof(f));
	fclose(f);
	setlocale(LC_ALL, "C");
}

/* The conformance suite's wide stream area (tests/conform/area_wstream.c:
 * the same cases against glibc's results), run by libc_conform.c's runner
 * once the file system is up. */
UTEST(libc_conform_wstream)
{
	CHECK_EQ(vfs_up(), 0);
	libc_conform_run("wstream", conform_wstream, &conform_table_wstream);
}

/* The push-back area (tests/conform/area_pushback.c: ungetc and ungetwc
 * several deep, against glibc's results), on a file too. */
UTEST(libc_conform_pushback)
{
	CHECK_EQ(vfs_up(), 0);
	libc_conform_run("pushback", conform_pushback, &conform_table_pushback);
}
