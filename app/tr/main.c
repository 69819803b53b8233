// SPDX-License-Identifier: BSD-2-Clause
// tr [-cs] set1 set2, tr -s[c] set1, tr -d[c] set1, tr -ds[c] set1 set2:
// translates, deletes (-d) or squeezes (-s: runs of one character from
// the last set become one) the bytes of standard input. Sets take ranges
// a-z, classes [:alpha:] and the like, [x*n] and [x*] repetitions, and
// escapes \\ \n \t \r \a \b \f \v \ooo. -c complements set1 (in byte
// order). A shorter set2 is padded with its last character.
#include "../lib/util.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* One character of a set at *p, escapes decoded. */
static int set_char(const char **p)
{
	const char *s = *p;
	if (s[0] != '\\' || !s[1]) {
		*p = s + 1;
		return (unsigned char)s[0];
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		int v = 0;
		for (int n = 0; n < 3 && *s >= '0' && *s <= '7'; n++)
			v = v * 8 + (*s++ - '0');
		*p = s;
		return v & 255;
	}
	static const char from[] = "\\abfnrtv", to[] = "\\\a\b\f\n\r\t\v";
	const char *hit = strchr(from, *s);
	*p = s + 1;
	return hit ? to[hit - from] : (unsigned char)*s;
}

/* Expands a set into out (up to 256 entries plus repetitions); returns
 * the length, -1 on an error. *fill is where "[x*]" goes (-1 if none). */
static int expand(const char *s, unsigned char *out, int cap, int *fill, int *fill_char)
{
	int n = 0;
	*fill = -1;
	while (*s) {
		if (s[0] == '[' && s[1] == ':') {
			const char *end = strstr(s + 2, ":]");
			size_t k = 0;
			for (; end && k < sizeof(classes) / sizeof(classes[0]); k++)
				if (strlen(classes[k].name) == (size_t)(end - s - 2) &&
				    !strncmp(classes[k].name, s + 2, (size_t)(end - s - 2)))
					break;
			if (!end || k == sizeof(classes) / sizeof(classes[0])) {
				util_warnx("invalid character class");
				return -1;
			}
			for (int ch = 0; ch < 256 && n < cap; ch++)
				if (classes[k].fn(ch))
					out[n++] = (unsigned char)ch;
			s = end + 2;
			continue;
		}
		if (s[0] == '[' && s[1] && s[2] == '*') {
			const char *p = s + 1;
			int ch = set_char(&p);
			char *end;
			long count = strtol(p + 1, &end, 8 * (p[1] == '0') + 10 * (p[1] != '0'));
			if (*end != ']') {
				util_warnx("invalid repetition");
				return -1;
			}
			if (end == p + 1) {
				*fill = n;
				*fill_char = ch;
			}
			for (long k = 0; k < count && n < cap; k++)
				out[n++] = (unsigned char)ch;
			s = end + 1;
			continue;
		}
		int lo = set_char(&s);
		if (s[0] == '-' && s[1]) {
			s++;
			int hi = set_char(&s);
			if (hi < lo) {
				util_warnx("range-endpoints of '%c-%c' are in reverse collating "
					   "sequence order",
					   lo, hi);
				return -1;
			}
			for (int ch = lo; ch <= hi && n < cap; ch++)
				out[n++] = (unsigned char)ch;
			continue;
		}
		if (n < cap)
			out[n++] = (unsigned char)lo;
	}
	return n;
}

int main(int argc, char **argv)
{
	util_init(argv, "tr");
	bool complement = false, del = false, squeeze = false;
	int c;
	while ((c = getopt(argc, argv, "cCds")) != -1) {
		if (c == 'c' || c == 'C')
			complement = true;
		else if (c == 'd')
			del = true;
		else if (c == 's')
			squeeze = true;
		else
			util_usage("[-cds] set1 [set2]");
	}
	int nsets = argc - optind;
	int need = del && squeeze ? 2 : del || squeeze ? 1 : 2;
	if (nsets < need || nsets > 2 || (del && !squeeze && nsets != 1)) {
		util_warnx(nsets < need ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		util_usage("[-cds] set1 [set2]");
	}
	static unsigned char s1[4096], s2[4096];
	int fill1, fill2, fc1, fc2;
	int n1 = expand(argv[optind], s1, sizeof(s1), &fill1, &fc1);
	int n2 = nsets == 2 ? expand(argv[optind + 1], s2, sizeof(s2), &fill2, &fc2) : 0;
	if (n1 < 0 || n2 < 0)
		return 1;
	bool in1[256] = { false };
	for (int k = 0; k < n1; k++)
		in1[s1[k]] = true;
	if (complement) {
		n1 = 0;
		for (int ch = 0; ch < 256; ch++)
			if (!in1[ch])
				s1[n1++] = (unsigned char)ch;
		memset(in1, 0, sizeof(in1));
		for (int k = 0; k < n1; k++)
			in1[s1[k]] = true;
	}
	/* "[x*]" in set2 fills it to set1's length */
	if (nsets == 2 && fill2 >= 0 && n2 < n1) {
		int extra = n1 - n2;
		memmove(s2 + fill2 + extra, s2 + fill2, (size_t)(n2 - fill2));
		memset(s2 + fill2, fc2, (size_t)extra);
		n2 = n1;
	}
	int map[256];
	for (int ch = 0; ch < 256; ch++)
		map[ch] = ch;
	bool translate = !del && nsets == 2;
	if (translate) {
		if (n2 == 0) {
			util_warnx("when not truncating set1, string2 must be non-empty");
			return 1;
		}
		for (int k = 0; k < n1; k++)
			map[s1[k]] = s2[k < n2 ? k : n2 - 1];
	}
	/* the set whose runs are squeezed: set2 if given, else set1 */
	bool sq[256] = { false };
	if (squeeze) {
		if (nsets == 2)
			for (int k = 0; k < n2; k++)
				sq[s2[k]] = true;
		else
			for (int k = 0; k < n1; k++)
				sq[s1[k]] = true;
	}
	unsigned char in[65536], out[65536];
	int last = -1;
	ssize_t r;
	while ((r = read(STDIN_FILENO, in, sizeof(in))) > 0) {
		size_t o = 0;
		for (ssize_t k = 0; k < r; k++) {
			int ch = in[k];
			if (del && in1[ch])
				continue;
			ch = map[ch];
			if (squeeze && sq[ch] && ch == last)
				continue;
			last = ch;
			out[o++] = (unsigned char)ch;
		}
		if (util_write_all(STDOUT_FILENO, out, o)) {
			util_warn("write error");
			return 1;
		}
	}
	if (r < 0) {
		util_warn("read error");
		return 1;
	}
	return 0;
}
