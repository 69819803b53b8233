// SPDX-License-Identifier: BSD-2-Clause
// The permissions policy's parser and matcher (rules.h).
#include "rules.h"

#include <string.h>

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '.' || c == '_' || c == '-';
}

/* One component of a node's path: [A-Za-z0-9._-]+, neither "." nor "..". */
static bool component_valid(const char *name, size_t len)
{
	if (len == 0 || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!name_char(name[i]))
			return false;
	return true;
}

bool devmgr_name_valid(const char *name, size_t len)
{
	if (len > DEVMGR_NAME_MAX)
		return false;
	const char *slash = memchr(name, '/', len);
	if (!slash)
		return component_valid(name, len);
	size_t dir = (size_t)(slash - name);
	return component_valid(name, dir) && component_valid(slash + 1, len - dir - 1);
}

/* Iterative, with one backtracking point (the last '*'): linear in
 * practice, never exponential, whatever the pattern. */
bool devmgr_glob(const char *p, const char *s)
{
	const char *star = NULL, *resume = NULL;
	while (*s) {
		if (*p == '*') {
			star = p++;
			resume = s;
		} else if (*p == '?' || *p == *s) {
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++resume;
		} else {
			return false;
		}
	}
	while (*p == '*')
		p++;
	return *p == 0;
}

const struct devmgr_rule *devmgr_rules_match(const struct devmgr_rules *rules, const char *name)
{
	for (int i = 0; i < rules->count; i++)
		if (devmgr_glob(rules->rule[i].pattern, name))
			return &rules->rule[i];
	return NULL;
}

/* One line, split into words at blanks. */
struct words {
	int count;
	const char *at[5];
	size_t len[5];
};

static void split(const char *s, size_t len, struct words *w)
{
	w->count = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		size_t start = i;
		while (i < len && s[i] != ' ' && s[i] != '\t')
			i++;
		if (w->count < 5) {
			w->at[w->count] = s + start;
			w->len[w->count] = i - start;
		}
		w->count++;
	}
}

/* A number in base 8 or 10 of at most max: true and *out, or false. */
static bool number(const char *s, size_t len, unsigned base, uint32_t max, uint32_t *out)
{
	uint32_t v = 0;
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (s[i] < '0' || d >= base || v > (max - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

/* A name's shape with '*' and '?': at most one '/', between two
 * components that are not empty (the rule of the ptys' slaves, pts/N). */
static bool pattern_valid(const char *s, size_t len)
{
	if (len == 0 || len > DEVMGR_NAME_MAX)
		return false;
	const char *slash = memchr(s, '/', len);
	size_t at = slash ? (size_t)(slash - s) : 0;
	if (slash && (at == 0 || at == len - 1 || memchr(slash + 1, '/', len - at - 1)))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!name_char(s[i]) && s[i] != '*' && s[i] != '?' && s[i] != '/')
			return false;
	return true;
}

/* One line that is not blank or a comment: NULL, or why it is refused. */
static const char *parse_rule(const char *s, size_t len, struct devmgr_rules *out)
{
	struct words w;
	split(s, len, &w);
	if (w.count != 4)
		return "expected: PATTERN MODE UID GID";
	if (!pattern_valid(w.at[0], w.len[0]))
		return "bad pattern (1-63 of [A-Za-z0-9._-*?])";
	struct devmgr_rule r;
	if (!number(w.at[1], w.len[1], 8, 0777, &r.mode))
		return "bad mode (octal, at most 0777)";
	if (!number(w.at[2], w.len[2], 10, DEVMGR_ID_MAX, &r.uid))
		return "bad uid (0..4294967294)";
	if (!number(w.at[3], w.len[3], 10, DEVMGR_ID_MAX, &r.gid))
		return "bad gid (0..4294967294)";
	if (out->count == DEVMGR_RULES_MAX)
		return "too many rules (at most 64)";
	memcpy(r.pattern, w.at[0], w.len[0]);
	r.pattern[w.len[0]] = 0;
	out->rule[out->count++] = r;
	return NULL;
}

int devmgr_rules_parse(const char *text, size_t len, struct devmgr_rules *out, int *line,
		       const char **why)
{
	out->count = 0;
	*line = 0;
	for (size_t at = 0; at < len;) {
		++*line;
		const char *s = text + at;
		const char *nl = memchr(s, '\n', len - at);
		size_t n = nl ? (size_t)(nl - s) : len - at;
		at += n + (nl != NULL);
		*why = n > DEVMGR_LINE_MAX ? "line too long (at most 255 bytes)"
			: memchr(s, 0, n)  ? "NUL byte"
					   : NULL;
		size_t first = 0;
		while (!*why && first < n && (s[first] == ' ' || s[first] == '\t'))
			first++;
		if (!*why && (first == n || s[first] == '#'))
			continue;
		if (!*why)
			*why = parse_rule(s, n, out);
		if (*why) {
			out->count = 0;
			return -1;
		}
	}
	*why = NULL;
	return 0;
}
