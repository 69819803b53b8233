// SPDX-License-Identifier: BSD-2-Clause
// Pattern matching (case, ${v#p}, globbing) and pathname expansion. A
// pattern marks quoted characters with a backslash before them.
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

static int class_match(const char *name, size_t n, unsigned char c)
{
	static const struct {
		const char *name;
		int (*fn)(int);
	} classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
	};
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strlen(classes[i].name) == n && !memcmp(classes[i].name, name, n))
			return classes[i].fn(c) != 0;
	return 0;
}

/* A bracket expression at p ('['): 1 match, 0 no match, -1 not a bracket
 * expression (no closing ']'). *end is set past it. */
static int bracket(const char *p, unsigned char c, const char **end)
{
	const char *q = p + 1;
	int neg = 0, found = 0;
	if (*q == '!' || *q == '^') {
		neg = 1;
		q++;
	}
	int first = 1;
	while (*q && (*q != ']' || first)) {
		first = 0;
		unsigned char lo;
		if (q[0] == '[' && q[1] == ':') {
			const char *ce = strstr(q + 2, ":]");
			if (ce) {
				if (class_match(q + 2, (size_t)(ce - q - 2), c))
					found = 1;
				q = ce + 2;
				continue;
			}
		}
		if (*q == '\\' && q[1])
			q++;
		lo = (unsigned char)*q++;
		unsigned char hi = lo;
		if (q[0] == '-' && q[1] && q[1] != ']') {
			q++;
			if (*q == '\\' && q[1])
				q++;
			hi = (unsigned char)*q++;
		}
		if (c >= lo && c <= hi)
			found = 1;
	}
	if (*q != ']')
		return -1;
	*end = q + 1;
	return found != neg;
}

/* Whether the single-character pattern item at *p matches c; *p advances. */
static int match_one(const char **pp, unsigned char c)
{
	const char *p = *pp;
	if (*p == '?') {
		*pp = p + 1;
		return 1;
	}
	if (*p == '[') {
		const char *end;
		int r = bracket(p, c, &end);
		if (r >= 0) {
			*pp = end;
			return r;
		}
	}
	if (*p == '\\' && p[1])
		p++;
	*pp = p + 1;
	return (unsigned char)*p == c;
}

int pattern_match(const char *p, const char *s)
{
	/* Backtracking to the last star only: linear in practice. */
	const char *star_p = NULL, *star_s = NULL;
	while (*s) {
		if (*p == '*') {
			while (*p == '*')
				p++;
			star_p = p;
			star_s = s;
			continue;
		}
		const char *np = p;
		if (*p && match_one(&np, (unsigned char)*s)) {
			p = np;
			s++;
			continue;
		}
		if (!star_p)
			return 0;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return !*p;
}

static int pattern_has_magic(const char *p)
{
	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (*p == '*' || *p == '?')
			return 1;
		else if (*p == '[') {
			const char *end;
			if (bracket(p, 0, &end) >= 0)
				return 1;
		}
	}
	return 0;
}

void pattern_unescape(char *p)
{
	char *d = p;
	for (; *p; p++) {
		if (*p == '\\' && p[1])
			p++;
		*d++ = *p;
	}
	*d = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Expand the components of pat (after prefix) into out. */
static void glob_rec(const char *prefix, const char *pat, struct strlist *out)
{
	while (*pat == '/')
		pat++;
	const char *slash = strchr(pat, '/');
	size_t clen = slash ? (size_t)(slash - pat) : strlen(pat);
	char *comp = xstrndup(pat, clen);
	if (!pattern_has_magic(comp)) {
		pattern_unescape(comp);
		size_t pl = strlen(prefix);
		char *path = xmalloc(pl + strlen(comp) + 2);
		strcpy(path, prefix);
		strcat(path, comp);
		struct stat st;
		if (slash) {
			strcat(path, "/");
			glob_rec(path, slash + 1, out);
		} else if (lstat(path, &st) == 0)
			sl_add(out, xstrdup(path));
		free(path);
		free(comp);
		return;
	}
	DIR *d = opendir(*prefix ? prefix : ".");
	if (!d) {
		free(comp);
		return;
	}
	int start = out->n;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *nm = e->d_name;
		/* A leading dot must be matched by a literal dot. */
		if (nm[0] == '.' && comp[0] != '.')
			continue;
		if (!strcmp(nm, ".") || !strcmp(nm, ".."))
			if (strcmp(comp, ".") && strcmp(comp, ".."))
				continue;
		if (!pattern_match(comp, nm))
			continue;
		size_t pl = strlen(prefix);
		char *path = xmalloc(pl + strlen(nm) + 2);
		strcpy(path, prefix);
		strcat(path, nm);
		if (slash) {
			struct stat st;
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
				strcat(path, "/");
				if (!slash[1])
					sl_add(out, xstrdup(path));
				else
					glob_rec(path, slash + 1, out);
			}
			free(path);
		} else
			sl_add(out, path);
	}
	closedir(d);
	qsort(out->v + start, (size_t)(out->n - start), sizeof *out->v, cmp_str);
	free(comp);
}

void glob_expand(const char *pat, struct strlist *out)
{
	glob_rec(pat[0] == '/' ? "/" : "", pat, out);
}
