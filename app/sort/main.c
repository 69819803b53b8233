// SPDX-License-Identifier: BSD-2-Clause
// sort [-nru] [-t char] [-k key]... [file...]: sorts the lines of the
// files. Keys are -k field[.char][,field[.char]] with optional letters n
// (numeric), r (reverse) and b (skip leading blanks); fields are split at
// the -t character or, without it, where blanks begin (the blanks belong
// to the field after). -n compares leading numbers, -r reverses, -u keeps
// the first of lines that compare equal. Lines equal by every key are
// ordered by their bytes (unless -u), then by input order.
#include "../lib/util.h"
#include <coll/vec.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct key {
	int f1, c1, f2, c2; /* fields from 1; c2 0 is the end of field f2; f2 0 the line's end */
	bool numeric, reverse, blanks;
};

struct line {
	char *text;
	size_t len, index;
};

static struct vec keys; /* of struct key, in the order given */
static int tab = -1;
static bool g_numeric, g_reverse, unique;

/* Where field f (from 1) starts and ends in s. */
static void field(const char *s, size_t len, int f, size_t *start, size_t *end)
{
	size_t p = 0;
	for (int k = 1; k < f && p < len; k++) {
		if (tab >= 0) {
			while (p < len && s[p] != tab)
				p++;
			if (p < len)
				p++;
			else
				p = len;
		} else {
			while (p < len && isblank((unsigned char)s[p]))
				p++;
			while (p < len && !isblank((unsigned char)s[p]))
				p++;
		}
	}
	*start = p;
	if (tab >= 0) {
		while (p < len && s[p] != tab)
			p++;
	} else {
		while (p < len && isblank((unsigned char)s[p]))
			p++;
		while (p < len && !isblank((unsigned char)s[p]))
			p++;
	}
	*end = p;
}

static void key_span(const struct line *l, const struct key *k, size_t *a, size_t *b)
{
	size_t fs, fe;
	field(l->text, l->len, k->f1, &fs, &fe);
	if (k->blanks)
		while (fs < fe && isblank((unsigned char)l->text[fs]))
			fs++;
	*a = fs + (size_t)(k->c1 > 0 ? k->c1 - 1 : 0);
	if (*a > l->len)
		*a = l->len;
	if (k->f2 == 0) {
		*b = l->len;
	} else {
		field(l->text, l->len, k->f2, &fs, &fe);
		if (k->c2 > 0) {
			if (k->blanks)
				while (fs < fe && isblank((unsigned char)l->text[fs]))
					fs++;
			*b = fs + (size_t)k->c2;
			if (*b > fe)
				*b = fe;
		} else {
			*b = fe;
		}
	}
	if (*b < *a)
		*b = *a;
}

/* A leading number (blanks, '-', digits, '.', digits) as a double is not
 * exact for long numbers, so compare the digit strings. */
static int numcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && isblank((unsigned char)a[i]))
		i++;
	while (j < blen && isblank((unsigned char)b[j]))
		j++;
	bool na = i < alen && a[i] == '-', nb = j < blen && b[j] == '-';
	i += na;
	j += nb;
	size_t ia = i, ja = j;
	while (i < alen && isdigit((unsigned char)a[i]))
		i++;
	while (j < blen && isdigit((unsigned char)b[j]))
		j++;
	/* integer parts without leading zeros */
	size_t as = ia, bs = ja;
	while (as < i && a[as] == '0')
		as++;
	while (bs < j && b[bs] == '0')
		bs++;
	int r = 0;
	if (i - as != j - bs)
		r = i - as < j - bs ? -1 : 1;
	else
		r = memcmp(a + as, b + bs, i - as);
	/* fractions */
	if (r == 0) {
		size_t fa = i < alen && a[i] == '.' ? i + 1 : i,
		       fb = j < blen && b[j] == '.' ? j + 1 : j;
		while (r == 0) {
			bool da = fa < alen && isdigit((unsigned char)a[fa]) && i < alen &&
				a[i] == '.';
			bool db = fb < blen && isdigit((unsigned char)b[fb]) && j < blen &&
				b[j] == '.';
			if (!da && !db)
				break;
			int ca = da ? a[fa++] : '0', cb = db ? b[fb++] : '0';
			r = (ca > cb) - (ca < cb);
		}
	}
	bool zero_a = true, zero_b = true;
	for (size_t k = ia; k < alen && (isdigit((unsigned char)a[k]) || a[k] == '.'); k++)
		zero_a &= a[k] == '0' || a[k] == '.';
	for (size_t k = ja; k < blen && (isdigit((unsigned char)b[k]) || b[k] == '.'); k++)
		zero_b &= b[k] == '0' || b[k] == '.';
	/* -0 is 0 */
	if (zero_a)
		na = false;
	if (zero_b)
		nb = false;
	if (na != nb)
		return na ? -1 : 1;
	return na ? -r : r;
}

static int bytecmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);
	return r ? r : (alen > blen) - (alen < blen);
}

static int compare_keys(const struct line *x, const struct line *y)
{
	if (keys.len == 0) {
		int r = g_numeric ? numcmp(x->text, x->len, y->text, y->len)
				  : bytecmp(x->text, x->len, y->text, y->len);
		return g_reverse ? -r : r;
	}
	for (size_t k = 0; k < keys.len; k++) {
		const struct key *key = vec_at(&keys, k);
		size_t xa, xb, ya, yb;
		key_span(x, key, &xa, &xb);
		key_span(y, key, &ya, &yb);
		int r = key->numeric ? numcmp(x->text + xa, xb - xa, y->text + ya, yb - ya)
				     : bytecmp(x->text + xa, xb - xa, y->text + ya, yb - ya);
		if (r)
			return key->reverse ? -r : r;
	}
	return 0;
}

static int compare(const void *pa, const void *pb)
{
	const struct line *x = pa, *y = pb;
	int r = compare_keys(x, y);
	if (r || unique)
		return r ? r : (x->index > y->index) - (x->index < y->index);
	/* the last resort: the whole line, as bytes */
	if (g_numeric || keys.len) {
		r = bytecmp(x->text, x->len, y->text, y->len);
		if (r)
			return g_reverse ? -r : r;
	}
	return (x->index > y->index) - (x->index < y->index);
}

static bool parse_key(const char *s, struct key *k)
{
	char *end;
	memset(k, 0, sizeof(*k));
	k->f1 = (int)strtol(s, &end, 10);
	if (end == s || k->f1 < 1)
		return false;
	if (*end == '.') {
		s = end + 1;
		k->c1 = (int)strtol(s, &end, 10);
		if (end == s || k->c1 < 1)
			return false;
	}
	for (; *end && *end != ','; end++) {
		if (*end == 'n')
			k->numeric = true;
		else if (*end == 'r')
			k->reverse = true;
		else if (*end == 'b')
			k->blanks = true;
		else
			return false;
	}
	if (*end == ',') {
		s = end + 1;
		k->f2 = (int)strtol(s, &end, 10);
		if (end == s || k->f2 < 1)
			return false;
		if (*end == '.') {
			s = end + 1;
			k->c2 = (int)strtol(s, &end, 10);
			if (end == s || k->c2 < 0)
				return false;
		}
		for (; *end; end++) {
			if (*end == 'n')
				k->numeric = true;
			else if (*end == 'r')
				k->reverse = true;
			else if (*end == 'b')
				k->blanks = true;
			else
				return false;
		}
	}
	return true;
}

int main(int argc, char **argv)
{
	util_init(argv, "sort");
	vec_init(&keys, sizeof(struct key));
	int c;
	while ((c = getopt(argc, argv, "nrut:k:b")) != -1) {
		switch (c) {
		case 'n': g_numeric = true; break;
		case 'r': g_reverse = true; break;
		case 'u': unique = true; break;
		case 'b': break;
		case 't':
			if (strlen(optarg) != 1) {
				util_warnx("multi-character tab '%s'", optarg);
				return 2;
			}
			tab = (unsigned char)optarg[0];
			break;
		case 'k': {
			struct key k;
			if (!parse_key(optarg, &k)) {
				util_warnx("invalid key '%s'", optarg);
				return 2;
			}
			if (!vec_push(&keys, &k)) {
				util_warn("memory");
				return 2;
			}
			break;
		}
		default:
			fprintf(stderr,
				"sort: usage: sort [-nru] [-t char] [-k key]... [file...]\n");
			return 2;
		}
	}
	/* global -n and -r apply to keys that have no letters of their own */
	for (size_t k = 0; k < keys.len; k++) {
		struct key *key = vec_at(&keys, k);
		if (!key->numeric && !key->reverse && !key->blanks) {
			key->numeric = g_numeric;
			key->reverse = g_reverse;
		}
	}
	static char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	struct vec lines; /* of struct line */
	vec_init(&lines, sizeof(struct line));
	int status = 0;
	for (; *files; files++) {
		bool is_stdin = !strcmp(*files, "-");
		FILE *f = is_stdin ? stdin : fopen(*files, "r");
		if (!f) {
			util_warn(*files);
			return 2;
		}
		char *buf = NULL;
		size_t bcap = 0;
		ssize_t len;
		while ((len = getline(&buf, &bcap, f)) >= 0) {
			if (len && buf[len - 1] == '\n')
				len--;
			struct line l = { malloc((size_t)len + 1), (size_t)len, lines.len };
			if (!l.text || !vec_push(&lines, &l)) {
				util_warn("memory");
				return 2;
			}
			memcpy(l.text, buf, (size_t)len);
			l.text[len] = 0;
		}
		if (ferror(f)) {
			util_warn(*files);
			status = 2;
		}
		free(buf);
		if (!is_stdin)
			fclose(f);
	}
	if (lines.len)
		qsort(lines.data, lines.len, sizeof(struct line), compare);
	for (size_t k = 0; k < lines.len; k++) {
		const struct line *l = vec_at(&lines, k);
		if (unique && k > 0 && compare_keys(vec_at(&lines, k - 1), l) == 0)
			continue;
		fwrite(l->text, 1, l->len, stdout);
		putchar('\n');
	}
	return util_finish(status) ? 2 : status;
}
