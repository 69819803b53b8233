// SPDX-License-Identifier: BSD-2-Clause
// Push-back on a file stream (/tmp/conform_pushback): ungetc several bytes
// deep, beyond those read (the file position counted back one per byte),
// then read back through fgetc, fread and fgets; the end-of-file flag
// cleared by a push-back; fseek discarding it (SEEK_CUR counting a byte
// pushed back where it was read); and
// ungetwc several wide characters deep, beyond ASCII, at the end of the
// file, after fwscanf and before fseek. Left out: ftell where the pushed
// back bytes would put the position below 0 (glibc's answer is -1 with
// EIO, then negative numbers); fseek with SEEK_CUR while bytes other than
// those read are pushed back (glibc's lands past them: 1 forward from
// where ftell said 1 gave 6); and ftell while
// wide characters are pushed back (POSIX leaves it unspecified).
#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "conform.h"

#define PATH "/tmp/conform_pushback"

static void get(struct cbuf *out, FILE *f, int n)
{
	cb_str(out, " get");
	for (int i = 0; i < n; i++)
		cb_str(out, " "), cb_int(out, fgetc(f));
	cb_str(out, " eof "), cb_int(out, feof(f) != 0);
}

static void unget(struct cbuf *out, FILE *f, int c, bool tell)
{
	cb_str(out, " unget "), cb_int(out, ungetc(c, f));
	if (tell)
		cb_str(out, " at "), cb_int(out, ftell(f));
}

static void bytes(struct conform_sink *sink)
{
	struct cbuf in, out;
	for (int beyond = 0; beyond <= 4; beyond++) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "ungetc after 3 read, pushed back beyond them: "), cb_int(&in, beyond);
		FILE *f = conform_reading(PATH, "abcdef");
		if (!f)
			continue;
		get(&out, f, 3);
		for (int i = 0; i < 3 + beyond; i++)
			unget(&out, f, 'V' + i, i < 3);
		get(&out, f, 3 + beyond + 4);
		cb_str(&out, " at "), cb_int(&out, ftell(f));
		fclose(f);
		cb_take(sink, &in, &out);
	}

	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "ungetc on a fresh stream, then fread and fgets");
	FILE *f = conform_reading(PATH, "ab\ncd");
	if (!f)
		return;
	for (int i = 0; i < 5; i++)
		unget(&out, f, i == 2 ? '\n' : '1' + i, false);
	unget(&out, f, EOF, false);
	char buf[16] = "";
	cb_str(&out, " fread "), cb_int(&out, (long long)fread(buf, 1, 2, f));
	cb_str(&out, " \""), cb_bytes(&out, buf, 2), cb_str(&out, "\"");
	cb_str(&out, " fgets "), cb_esc(&out, fgets(buf, sizeof(buf), f) ? buf : "NULL");
	cb_str(&out, " fgets "), cb_esc(&out, fgets(buf, sizeof(buf), f) ? buf : "NULL");
	cb_str(&out, " at "), cb_int(&out, ftell(f));
	fclose(f);
	cb_take(sink, &in, &out);

	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "ungetc at the end of the file");
	f = conform_reading(PATH, "ab");
	if (!f)
		return;
	get(&out, f, 3);
	unget(&out, f, 'Q', true);
	cb_str(&out, " eof "), cb_int(&out, feof(f) != 0);
	get(&out, f, 2);
	fclose(f);
	cb_take(sink, &in, &out);

	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "fseek after ungetc");
	f = conform_reading(PATH, "abcdef");
	if (!f)
		return;
	cb_int(&out, fseek(f, 1, SEEK_SET));
	unget(&out, f, 'Z', true);
	unget(&out, f, 'Y', false);
	cb_str(&out, " seek "), cb_int(&out, fseek(f, 3, SEEK_SET));
	get(&out, f, 1);
	cb_str(&out, " seek "), cb_int(&out, fseek(f, 2, SEEK_SET));
	get(&out, f, 1);
	unget(&out, f, 'c', true);
	cb_str(&out, " seek cur "), cb_int(&out, fseek(f, 1, SEEK_CUR));
	cb_str(&out, " at "), cb_int(&out, ftell(f));
	get(&out, f, 2);
	fclose(f);
	cb_take(sink, &in, &out);
}

static void wget(struct cbuf *out, FILE *f, int n)
{
	cb_str(out, " get");
	for (int i = 0; i < n; i++)
		cb_str(out, " "), cb_hex(out, (unsigned)fgetwc(f));
	cb_str(out, " eof "), cb_int(out, feof(f) != 0);
}

static void wunget(struct cbuf *out, FILE *f, wint_t c)
{
	cb_str(out, " unget "), cb_hex(out, (unsigned)ungetwc(c, f));
}

static void wide(struct conform_sink *sink)
{
	static const wint_t chars[] = { 0x4e2d, L'x', 0x1F600, 0xe9, 0x20ac, 0x3b1, L'\n' };
	struct cbuf in, out;
	for (int n = 1; n <= 7; n += 3) {
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "ungetwc after 2 read: "), cb_int(&in, n);
		FILE *f = conform_reading(PATH, "h\xc3\xa9llo");
		if (!f)
			continue;
		wget(&out, f, 2);
		for (int i = 0; i < n; i++)
			wunget(&out, f, chars[i]);
		wget(&out, f, n + 4);
		wunget(&out, f, 0xe9);
		cb_str(&out, " eof "), cb_int(&out, feof(f) != 0);
		wget(&out, f, 2);
		fclose(f);
		cb_take(sink, &in, &out);
	}

	cb_reset(&in), cb_reset(&out);
	cb_str(&in, "ungetwc on a fresh stream, fseek, fwscanf");
	FILE *f = conform_reading(PATH, "h\xc3\xa9 12\xe2\x82\xac");
	if (!f)
		return;
	wunget(&out, f, 0x20ac);
	wunget(&out, f, 0xe9);
	wunget(&out, f, WEOF);
	wget(&out, f, 3);
	wunget(&out, f, L'y');
	cb_str(&out, " seek "), cb_int(&out, fseek(f, 1, SEEK_SET));
	wget(&out, f, 1);
	int v = -1;
	cb_str(&out, " scan "), cb_int(&out, fwscanf(f, L"%d", &v));
	cb_str(&out, " "), cb_int(&out, v);
	wunget(&out, f, 0x3b1);
	wget(&out, f, 3);
	fclose(f);
	cb_take(sink, &in, &out);
}

void conform_pushback(struct conform_sink *sink)
{
	setlocale(LC_ALL, "C.UTF-8");
	bytes(sink);
	wide(sink);
	remove(PATH);
	setlocale(LC_ALL, "C");
}
