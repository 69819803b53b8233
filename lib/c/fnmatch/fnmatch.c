// SPDX-License-Identifier: BSD-2-Clause
// fnmatch: shell patterns (POSIX XCU 2.13). A '*' is matched by remembering
// only the last one seen and letting it take one more character whenever
// what follows fails: an earlier '*' can never do better than the last
// (whatever it could take, the last can take instead), so this is linear
// backtracking rather than exponential. Under FNM_PATHNAME no '*' crosses a
// '/', so a failure at a '/' is final.
#include <ctype.h>
#include <fnmatch.h>
#include <stdbool.h>
#include <string.h>

static const struct {
	const char *name;
	int (*fn)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank }, { "cntrl", iscntrl },
	{ "digit", isdigit }, { "graph", isgraph }, { "lower", islower }, { "print", isprint },
	{ "punct", ispunct }, { "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* "[:name:]" at p (after its "[:"): whether c is in the class; *end is
 * past the "]". -1 if not a known class. */
static int class_member(const char *p, int c, const char **end)
{
	const char *close = strstr(p, ":]");
	if (!close)
		return -1;
	for (size_t k = 0; k < sizeof(classes) / sizeof(classes[0]); k++)
		if (strlen(classes[k].name) == (size_t)(close - p) &&
		    !memcmp(classes[k].name, p, (size_t)(close - p))) {
			*end = close + 2;
			return classes[k].fn(c) != 0;
		}
	return -1;
}

/* One bracket element at *pp: the character it stands for (advancing *pp),
 * or -1 for a malformed one. */
static int bracket_char(const char **pp, int flags)
{
	const char *p = *pp;
	if ((p[0] == '[') && (p[1] == '.' || p[1] == '=') && p[2] && p[3] == p[1] && p[4] == ']') {
		*pp = p + 5;
		return (unsigned char)p[2];
	}
	if (p[0] == '\\' && !(flags & FNM_NOESCAPE) && p[1])
		p++;
	if (!*p)
		return -1;
	*pp = p + 1;
	return (unsigned char)*p;
}

/* The bracket expression after '[' at p: 1 if c matches, 0 if not, -1 if it
 * is not a bracket expression (then '[' is an ordinary character); *end is
 * past the closing ']'. */
static int bracket(const char *p, int c, int flags, const char **end)
{
	bool negate = *p == '!' || *p == '^', found = false;
	if (negate)
		p++;
	bool first = true;
	while (first || *p != ']') {
		if (!*p)
			return -1;
		if (p[0] == '[' && p[1] == ':') {
			int in = class_member(p + 2, c, &p);
			if (in < 0)
				return -1;
			found |= in;
			first = false;
			continue;
		}
		int lo = first && *p == ']' ? (p++, ']') : bracket_char(&p, flags);
		first = false;
		if (lo < 0)
			return -1;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			int hi = bracket_char(&p, flags);
			if (hi < 0)
				return -1;
			found |= c >= lo && c <= hi;
		} else {
			found |= c == lo;
		}
	}
	*end = p + 1;
	return found != negate;
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string, *star_p = NULL, *star_s = NULL;
	bool pathname = flags & FNM_PATHNAME;
	for (;;) {
		/* A period that only a literal '.' may match. */
		bool hidden = (flags & FNM_PERIOD) && *s == '.' &&
			(s == string || (pathname && s[-1] == '/'));
		if (*p == '*') {
			/* Not even an empty '*' may stand before a hidden
			 * period, and no earlier '*' can take it instead. */
			if (hidden)
				return FNM_NOMATCH;
			while (*p == '*')
				p++;
			star_p = p;
			star_s = s;
			continue;
		}
		bool ok;
		int in;
		const char *next = p + 1;
		int c = (unsigned char)*s;
		if (!*p) {
			if (!*s)
				return 0;
			ok = false;
		} else if (!*s) {
			return FNM_NOMATCH;
		} else if (*p == '?') {
			ok = !(pathname && c == '/') && !hidden;
		} else if (*p == '[' && (in = bracket(p + 1, c, flags, &next)) >= 0) {
			ok = in == 1 && !(pathname && c == '/') && !hidden;
		} else if (*p == '\\' && !(flags & FNM_NOESCAPE) && !p[1]) {
			return FNM_NOMATCH; /* a trailing backslash escapes nothing */
		} else if (*p == '\\' && !(flags & FNM_NOESCAPE)) {
			ok = c == (unsigned char)p[1];
			next = p + 2;
		} else {
			ok = c == (unsigned char)*p;
		}
		if (ok) {
			p = next;
			s++;
			continue;
		}
		/* The last star takes one more character, if it may. */
		if (!star_p || !*star_s || (pathname && *star_s == '/'))
			return FNM_NOMATCH;
		if ((flags & FNM_PERIOD) && *star_s == '.' &&
		    (star_s == string || (pathname && star_s[-1] == '/')))
			return FNM_NOMATCH;
		p = star_p;
		s = ++star_s;
	}
}
