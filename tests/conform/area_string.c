// SPDX-License-Identifier: BSD-2-Clause
// <string.h> and <strings.h>: overlapping moves, padding, the sign of
// comparisons on bytes above 0x7f, searches with odd characters.
#include <string.h>
#include <strings.h>

#include "conform.h"

static const char *const words[] = {
	"", "a", "ab", "abc", "abd", "abcabc\xe9", "hello world", "\x80", "A", "ABC", "aBc",
};
enum { NWORDS = sizeof(words) / sizeof(words[0]) };

/* The sign of a comparison, the only part C defines. */
static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static void moves(struct conform_sink *sink)
{
	static const size_t lens[] = { 0, 1, 3, 7, 12 };
	struct cbuf in, out;
	for (int s = 0; s < 5; s++)
		for (int d = 0; d < 5; d++)
			for (int l = 0; l < 5; l++) {
				char buf[21] = "0123456789abcdefghij";
				char *r = memmove(buf + d, buf + s, lens[l]);
				cb_reset(&in), cb_reset(&out);
				cb_str(&in, "memmove(b+"), cb_int(&in, d), cb_str(&in, ", b+");
				cb_int(&in, s), cb_str(&in, ", "), cb_uint(&in, lens[l]),
					cb_str(&in, ")");
				cb_bytes(&out, buf, 20), cb_str(&out, " ret b+"),
					cb_int(&out, r - buf);
				cb_take(sink, &in, &out);
			}
}

static void copies(struct conform_sink *sink)
{
	static const size_t ns[] = { 0, 1, 3, 5, 6, 12 };
	struct cbuf in, out;
	for (int w = 0; w < NWORDS; w++)
		for (size_t k = 0; k < sizeof(ns) / sizeof(ns[0]); k++) {
			char buf[16];
			memset(buf, 'X', sizeof(buf));
			char *r = strncpy(buf, words[w], ns[k]);
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "strncpy(16 X bytes, "), cb_esc(&in, words[w]),
				cb_str(&in, ", ");
			cb_uint(&in, ns[k]), cb_str(&in, ")");
			cb_bytes(&out, buf, sizeof(buf)),
				cb_str(&out, r == buf ? " ret b" : " ret ?");
			cb_take(sink, &in, &out);

			char cat[32] = "ab";
			memset(cat + 3, 'X', sizeof(cat) - 3);
			r = strncat(cat, words[w], ns[k]);
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "strncat(\"ab\", "), cb_esc(&in, words[w]), cb_str(&in, ", ");
			cb_uint(&in, ns[k]), cb_str(&in, ")");
			cb_bytes(&out, cat, 20), cb_str(&out, r == cat ? " ret b" : " ret ?");
			cb_take(sink, &in, &out);
		}
}

static void compares(struct conform_sink *sink)
{
	struct cbuf in, out;
	for (int a = 0; a < NWORDS; a++)
		for (int b = 0; b < NWORDS; b++) {
			const char *x = words[a], *y = words[b];
			size_t lx = strlen(x) + 1, ly = strlen(y) + 1;
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "cmp("), cb_esc(&in, x), cb_str(&in, ", "), cb_esc(&in, y);
			cb_str(&in, ")");
			cb_str(&out, "strcmp "), cb_int(&out, sign(strcmp(x, y)));
			cb_str(&out, " strncmp2 "), cb_int(&out, sign(strncmp(x, y, 2)));
			cb_str(&out, " memcmp "),
				cb_int(&out, sign(memcmp(x, y, lx < ly ? lx : ly)));
			cb_str(&out, " strcasecmp "), cb_int(&out, sign(strcasecmp(x, y)));
			cb_str(&out, " strncasecmp2 "), cb_int(&out, sign(strncasecmp(x, y, 2)));
			cb_take(sink, &in, &out);
		}
}

static void offset(struct cbuf *b, const char *base, const void *p)
{
	if (p)
		cb_int(b, (const char *)p - base);
	else
		cb_str(b, "NULL");
}

static void searches(struct conform_sink *sink)
{
	static const int chars[] = { 0, 'a', 'c', 'b' + 0x100, 0xe9, -23, 'z' };
	static const char *const needles[] = { "",     "a",   "bc", "cab", "abcabc\xe9x",
					       "\xe9", "o w", "lo" };
	struct cbuf in, out;
	for (int w = 0; w < NWORDS; w++) {
		const char *s = words[w];
		size_t len = strlen(s);
		for (int c = 0; c < 7; c++) {
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "chr("), cb_esc(&in, s), cb_str(&in, ", "),
				cb_int(&in, chars[c]);
			cb_str(&in, ")");
			cb_str(&out, "strchr "), offset(&out, s, strchr(s, chars[c]));
			cb_str(&out, " strrchr "), offset(&out, s, strrchr(s, chars[c]));
			cb_str(&out, " memchr "), offset(&out, s, memchr(s, chars[c], len));
			cb_take(sink, &in, &out);
		}
		for (int n = 0; n < 8; n++) {
			const char *t = needles[n];
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "span("), cb_esc(&in, s), cb_str(&in, ", "), cb_esc(&in, t);
			cb_str(&in, ")");
			cb_str(&out, "strstr "), offset(&out, s, strstr(s, t));
			cb_str(&out, " strspn "), cb_uint(&out, strspn(s, t));
			cb_str(&out, " strcspn "), cb_uint(&out, strcspn(s, t));
			cb_str(&out, " strpbrk "), offset(&out, s, strpbrk(s, t));
			cb_take(sink, &in, &out);
		}
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "len("), cb_esc(&in, s), cb_str(&in, ")");
		cb_str(&out, "strlen "), cb_uint(&out, len);
		cb_str(&out, " strnlen3 "), cb_uint(&out, strnlen(s, 3));
		cb_take(sink, &in, &out);
	}
}

static void fills_and_tokens(struct conform_sink *sink)
{
	static const int fills[] = { 0, 'a', 0x1ff, -1 };
	struct cbuf in, out;
	for (int f = 0; f < 4; f++) {
		unsigned char buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
		memset(buf + 1, fills[f], 5);
		cb_reset(&in), cb_reset(&out);
		cb_str(&in, "memset(b+1, "), cb_int(&in, fills[f]), cb_str(&in, ", 5)");
		cb_bytes(&out, buf, sizeof(buf));
		cb_take(sink, &in, &out);
	}
	static const char *const texts[] = { "", ",,a,,b c,", "abc", " a  b ", ",", "a,b;c d" };
	static const char *const seps[] = { ",", " ,", ";, " };
	for (int t = 0; t < 6; t++)
		for (int s = 0; s < 3; s++) {
			char buf[32], *save = NULL;
			strcpy(buf, texts[t]);
			cb_reset(&in), cb_reset(&out);
			cb_str(&in, "strtok_r("), cb_esc(&in, texts[t]), cb_str(&in, ", ");
			cb_esc(&in, seps[s]), cb_str(&in, ")");
			for (char *tok = strtok_r(buf, seps[s], &save); tok;
			     tok = strtok_r(NULL, seps[s], &save)) {
				cb_int(&out, tok - buf), cb_esc(&out, tok), cb_str(&out, " ");
			}
			cb_str(&out, "end");
			cb_take(sink, &in, &out);
		}
}

void conform_string(struct conform_sink *sink)
{
	moves(sink);
	copies(sink);
	compares(sink);
	searches(sink);
	fills_and_tokens(sink);
}
