// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer harness for lib/c's UTF-8 decoder (mbrtowc in C.UTF-8): the
// input is decoded character by character, whole and one byte at a time
// through a state, and mbsrtowcs counts it. Every character we accept is
// a Unicode scalar value that wcrtomb turns back into the same bytes (so
// no overlong form passes), and glibc decodes it the same way; everything
// we refuse glibc refuses too, or decodes to a value above U+10FFFF (its
// old 5- and 6-byte forms, which RFC 3629 dropped).
#define _GNU_SOURCE
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <vgc.h>
#include <vgc_wchar.h>
#include <wchar.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		if (!setlocale(LC_ALL, "C.UTF-8") || !vgc_setlocale(LC_ALL, "C.UTF-8"))
			abort();
		ready = 1;
	}
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	size_t len = strlen(s), pos = 0, chars = 0;
	while (pos < len) {
		vgc_mbstate_t st = { 0, 0 };
		wchar_t wc = 0, hwc = 0;
		size_t r = vgc_mbrtowc(&wc, s + pos, len - pos, &st);
		mbstate_t hst = { 0 };
		size_t h = mbrtowc(&hwc, s + pos, len - pos, &hst);
		/* The same, a byte at a time. */
		vgc_mbstate_t bst = { 0, 0 };
		wchar_t bwc = 0;
		size_t b = (size_t)-2, k = 0;
		while (b == (size_t)-2 && pos + k < len)
			b = vgc_mbrtowc(&bwc, s + pos + k++, 1, &bst);
		if (r == (size_t)-1 || r == (size_t)-2) {
			if (b != r || (h < 5 && (uint32_t)hwc <= 0x10ffff))
				abort();
			break;
		}
		char back[4];
		/* Fed a byte at a time, the last byte completes it. */
		if (b != 1 || k != r || bwc != wc || (uint32_t)wc > 0x10ffff ||
		    ((uint32_t)wc >= 0xd800 && (uint32_t)wc < 0xe000) || h != r || hwc != wc ||
		    vgc_wcrtomb(back, wc, NULL) != r || memcmp(back, s + pos, r))
			abort();
		pos += r;
		chars++;
	}
	const char *p = s;
	size_t n = vgc_mbsrtowcs(NULL, &p, 0, NULL);
	if (pos == len ? n != chars : n != (size_t)-1)
		abort();
	free(s);
	return 0;
}
