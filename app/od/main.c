// SPDX-License-Identifier: BSD-2-Clause
// od [-abcdovx] [-A d|o|x|n] [-t type]... [-j skip] [-N count] [-v] [file...]:
// dumps the files (one stream) 16 bytes a line, each line in every type
// asked for: a (named characters), c (characters and escapes), d, o, u, x
// with an optional size 1, 2, 4 or 8 (default 4; native byte order).
// Without -t: o2. Lines equal to the one before are one "*" unless -v.
// Columns of several types line up, as in GNU's od.
#include "../lib/util.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct type {
	char kind; /* a c d o u x */
	int size;
	int width; /* of a field, its leading space included */
};

static struct type types[16];
static int ntypes;

static bool add_type(const char *spec)
{
	while (*spec) {
		if (ntypes == (int)(sizeof(types) / sizeof(types[0])))
			return false;
		struct type *t = &types[ntypes++];
		t->kind = *spec++;
		t->size = 1;
		if (!strchr("acdoux", t->kind) || !t->kind)
			return false;
		if (strchr("doux", t->kind)) {
			t->size = 4;
			if (*spec >= '0' && *spec <= '9') {
				t->size = (int)strtol(spec, (char **)&spec, 10);
				if (t->size != 1 && t->size != 2 && t->size != 4 && t->size != 8)
					return false;
			}
		}
		/* the widest value: -128, 255, 377, ff ... for each size */
		static const int d[] = { 4, 6, 11, 20 }, u[] = { 3, 5, 10, 20 },
				 o[] = { 3, 6, 11, 22 }, x[] = { 2, 4, 8, 16 };
		int log = t->size == 1 ? 0 : t->size == 2 ? 1 : t->size == 4 ? 2 : 3;
		t->width = 1 +
			(t->kind == 'd'		  ? d[log]
				 : t->kind == 'u' ? u[log]
				 : t->kind == 'o' ? o[log]
				 : t->kind == 'x' ? x[log]
						  : 3);
	}
	return true;
}

static void print_char(int w, unsigned char b, bool named)
{
	static const char *names[] = { "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel",
				       "bs",  "ht",  "nl",  "vt",  "ff",  "cr",	 "so",	"si",
				       "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb",
				       "can", "em",  "sub", "esc", "fs",  "gs",	 "rs",	"us" };
	char s[8];
	if (named) {
		b &= 0x7f;
		snprintf(s, sizeof(s), "%s",
			 b < 32		    ? names[b]
				 : b == ' ' ? "sp"
				 : b == 127 ? "del"
					    : "");
		if (b > 32 && b < 127)
			s[0] = (char)b, s[1] = 0;
	} else {
		const char *esc = strchr("\a\b\f\n\r\t\v", b);
		if (b == 0)
			strcpy(s, "\\0");
		else if (esc)
			snprintf(s, sizeof(s), "\\%c", "abfnrtv"[esc - "\a\b\f\n\r\t\v"]);
		else if (b >= 32 && b < 127)
			s[0] = (char)b, s[1] = 0;
		else
			snprintf(s, sizeof(s), "%03o", b);
	}
	printf("%*s", w, s);
}

/* Several types line up: every type's line is as wide as the widest, the
 * difference spread over its fields (the first ones get less) as GNU's od
 * spreads it. */
static void print_line(const unsigned char *buf, size_t n, const struct type *t, int line_width)
{
	int fields = 16 / t->size;
	int pad = line_width - t->width * fields, pad_left = pad;
	for (size_t at = 0, i = 0; at < n; at += (size_t)t->size, i++) {
		int next_pad = pad * (fields - (int)i - 1) / fields;
		int w = t->width + pad_left - next_pad;
		pad_left = next_pad;
		if (t->kind == 'a' || t->kind == 'c') {
			print_char(w, buf[at], t->kind == 'a');
			continue;
		}
		unsigned char v[8] = { 0 };
		memcpy(v, buf + at, n - at < (size_t)t->size ? n - at : (size_t)t->size);
		uint64_t u;
		int64_t s;
		if (t->size == 1) {
			u = v[0];
			s = (int8_t)v[0];
		} else if (t->size == 2) {
			uint16_t x;
			memcpy(&x, v, 2);
			u = x;
			s = (int16_t)x;
		} else if (t->size == 4) {
			uint32_t x;
			memcpy(&x, v, 4);
			u = x;
			s = (int32_t)x;
		} else {
			memcpy(&u, v, 8);
			s = (int64_t)u;
		}
		int digits = t->width - 1;
		if (t->kind == 'd')
			printf("%*lld", w, (long long)s);
		else if (t->kind == 'u')
			printf("%*llu", w, (unsigned long long)u);
		else if (t->kind == 'o')
			printf("%*s%0*llo", w - digits, "", digits, (unsigned long long)u);
		else
			printf("%*s%0*llx", w - digits, "", digits, (unsigned long long)u);
	}
	putchar('\n');
}

struct input {
	char **files;
	int fd;
	int status;
};

/* Up to n bytes of the stream (the files one after another). */
static size_t read_stream(struct input *in, unsigned char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		if (in->fd < 0) {
			if (!*in->files)
				break;
			in->fd = util_open_in(*in->files++);
			if (in->fd < 0) {
				in->status = 1;
				continue;
			}
		}
		ssize_t r = read(in->fd, buf + got, n - got);
		if (r > 0) {
			got += (size_t)r;
			continue;
		}
		if (r < 0)
			util_warn(in->files[-1]), in->status = 1;
		util_close_in(in->fd);
		in->fd = -1;
	}
	return got;
}

static void print_address(char radix, unsigned long long at)
{
	if (radix == 'd')
		printf("%07llu", at);
	else if (radix == 'o')
		printf("%07llo", at);
	else if (radix == 'x')
		printf("%06llx", at);
}

static bool parse_count(const char *s, unsigned long long *out)
{
	char *end;
	if (*s == '-')
		return false;
	*out = strtoull(s, &end, 0);
	return *s && !*end;
}

int main(int argc, char **argv)
{
	util_init(argv, "od");
	char radix = 'o';
	unsigned long long skip = 0, limit = 0;
	bool have_limit = false, all = false;
	int c;
	while ((c = getopt(argc, argv, "A:t:j:N:vabcdox")) != -1) {
		bool ok = true;
		if (c == 'A')
			ok = strlen(optarg) == 1 && strchr("doxn", optarg[0]), radix = optarg[0];
		else if (c == 't')
			ok = add_type(optarg);
		else if (c == 'j')
			ok = parse_count(optarg, &skip);
		else if (c == 'N')
			ok = parse_count(optarg, &limit), have_limit = true;
		else if (c == 'v')
			all = true;
		else if (c != '?')
			add_type(c == 'a'	    ? "a"
					 : c == 'b' ? "o1"
					 : c == 'c' ? "c"
					 : c == 'd' ? "u2"
					 : c == 'o' ? "o2"
						    : "x2");
		else
			util_usage_status(
				"[-abcdovx] [-A d|o|x|n] [-t type] [-j skip] [-N count] [file...]",
				1);
		if (!ok) {
			util_warnx("invalid argument '%s' for -%c", optarg, c);
			return 1;
		}
	}
	if (!ntypes)
		add_type("o2");
	int line_width = 0;
	for (int k = 0; k < ntypes; k++) {
		int w = types[k].width * (16 / types[k].size);
		line_width = w > line_width ? w : line_width;
	}
	static char *dash[] = { "-", NULL };
	struct input in = { optind < argc ? argv + optind : dash, -1, 0 };
	unsigned char buf[16], prev[16];
	unsigned long long at = 0;
	while (at < skip) {
		size_t want = skip - at < sizeof(buf) ? (size_t)(skip - at) : sizeof(buf);
		size_t got = read_stream(&in, buf, want);
		at += got;
		if (got < want) {
			util_warnx("cannot skip past end of combined input");
			return 1;
		}
	}
	bool starred = false, have_prev = false;
	for (;;) {
		size_t want = sizeof(buf);
		if (have_limit && limit - (at - skip) < want)
			want = (size_t)(limit - (at - skip));
		size_t n = want ? read_stream(&in, buf, want) : 0;
		if (!n)
			break;
		if (!all && have_prev && n == sizeof(buf) && !memcmp(buf, prev, n)) {
			if (!starred)
				puts("*");
			starred = true;
			at += n;
			continue;
		}
		starred = false;
		for (int k = 0; k < ntypes; k++) {
			if (k == 0)
				print_address(radix, at);
			else if (radix != 'n')
				printf("%*s", radix == 'x' ? 6 : 7, "");
			print_line(buf, n, &types[k], line_width);
		}
		memcpy(prev, buf, n);
		have_prev = n == sizeof(buf);
		at += n;
	}
	/* nothing at all when no file could be read (GNU's od) */
	if (radix != 'n' && (at || !in.status)) {
		print_address(radix, at);
		putchar('\n');
	}
	return util_finish(in.status);
}
