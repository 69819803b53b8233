// SPDX-License-Identifier: BSD-2-Clause
// The UTF-8 codec under every multibyte function. The lead byte fixes the
// length; the second byte's range also rules out what the lead byte alone
// cannot: overlong 3- and 4-byte forms (E0 80-9F, F0 80-8F), surrogates
// (ED A0-BF) and values above U+10FFFF (F4 90-BF). C0, C1 (overlong 2-byte
// forms) and F5-FF never start a character.
#include "../internal/utf8.h"

size_t __libc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned b = s[0];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	size_t len;
	unsigned lo = 0x80, hi = 0xbf;
	uint32_t c;
	if (b < 0xc2 || b > 0xf4)
		return UTF8_INVALID;
	if (b < 0xe0) {
		len = 2, c = b & 0x1f;
	} else if (b < 0xf0) {
		len = 3, c = b & 0x0f;
		lo = b == 0xe0 ? 0xa0 : lo;
		hi = b == 0xed ? 0x9f : hi;
	} else {
		len = 4, c = b & 0x07;
		lo = b == 0xf0 ? 0x90 : lo;
		hi = b == 0xf4 ? 0x8f : hi;
	}
	for (size_t i = 1; i < len; i++, lo = 0x80, hi = 0xbf) {
		if (i == n)
			return UTF8_PARTIAL;
		if (s[i] < lo || s[i] > hi)
			return UTF8_INVALID;
		c = c << 6 | (s[i] & 0x3f);
	}
	*cp = c;
	return len;
}

size_t __libc_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if ((cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}
