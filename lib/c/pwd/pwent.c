// SPDX-License-Identifier: BSD-2-Clause
// Parsing one line of /etc/passwd or /etc/group (lib/c/internal/pwent.h):
// the whole line is checked first (field count, names, ids, no control
// characters), then copied into the caller's buffer and split there, so
// a refused line touches nothing and an accepted one needs nothing but
// that buffer (the _r lookups' contract).
#include "../internal/pwent.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdint.h>
#include <string.h>

/* Where each of a line's fields starts and ends (end: its ':' or len). */
struct fields {
	size_t start[7], end[7];
};

/* Splits line into exactly n fields; -1 for another count or a control
 * character anywhere (which also refuses a NUL or a newline inside). */
static int split(const char *line, size_t len, size_t n, struct fields *f)
{
	size_t k = 0;
	f->start[0] = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];
		if (c < 0x20 || c == 0x7f)
			return -1;
		if (c != ':')
			continue;
		if (k + 1 == n)
			return -1;
		f->end[k++] = i;
		f->start[k] = i + 1;
	}
	f->end[k++] = len;
	return k == n ? 0 : -1;
}

/* A user or group name: non-empty, no NIS escape or comment, no ',' or
 * space. */
static int name_ok(const char *s, size_t len)
{
	if (!len || s[0] == '+' || s[0] == '-' || s[0] == '#')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == ' ')
			return 0;
	return 1;
}

/* A decimal id below 0xffffffff, or -1. */
static int64_t id_value(const char *s, size_t len)
{
	if (!len)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v >= UINT32_MAX)
			return -1;
	}
	return (int64_t)v;
}

/* The line's copy in buf, split at its fields; field i is buf + start[i]. */
static void copy_split(const char *line, size_t len, char *buf, const struct fields *f, size_t n)
{
	memcpy(buf, line, len);
	for (size_t i = 0; i < n; i++)
		buf[f->end[i]] = 0;
}

int __pwent_parse(const char *line, size_t len, struct passwd *pw, char *buf, size_t size)
{
	struct fields f;
	if (split(line, len, 7, &f) || !name_ok(line, f.end[0]))
		return EINVAL;
	int64_t uid = id_value(line + f.start[2], f.end[2] - f.start[2]);
	int64_t gid = id_value(line + f.start[3], f.end[3] - f.start[3]);
	if (uid < 0 || gid < 0)
		return EINVAL;
	if (size < len + 1)
		return ERANGE;
	copy_split(line, len, buf, &f, 7);
	pw->pw_name = buf;
	pw->pw_passwd = buf + f.start[1];
	pw->pw_uid = (uid_t)uid;
	pw->pw_gid = (gid_t)gid;
	pw->pw_gecos = buf + f.start[4];
	pw->pw_dir = buf + f.start[5];
	pw->pw_shell = buf + f.start[6];
	return 0;
}

/* Counts the members of a list, -1 when one is no name. */
static long members(const char *s, size_t len)
{
	long n = 0;
	size_t a = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != ',')
			continue;
		if (i > a) {
			if (!name_ok(s + a, i - a))
				return -1;
			n++;
		}
		a = i + 1;
	}
	return n;
}

int __grent_parse(const char *line, size_t len, struct group *gr, char *buf, size_t size)
{
	struct fields f;
	if (split(line, len, 4, &f) || !name_ok(line, f.end[0]))
		return EINVAL;
	int64_t gid = id_value(line + f.start[2], f.end[2] - f.start[2]);
	long n = members(line + f.start[3], f.end[3] - f.start[3]);
	if (gid < 0 || n < 0)
		return EINVAL;
	/* The pointer array after the text, aligned for char *. */
	size_t at = (len + 1 + sizeof(char *) - 1) / sizeof(char *) * sizeof(char *);
	at += (size_t)(-(uintptr_t)(buf + at) & (sizeof(char *) - 1));
	size_t need = at + sizeof(char *) * ((size_t)n + 1);
	if (size < need)
		return ERANGE;
	copy_split(line, len, buf, &f, 4);
	char **mem = (char **)(void *)(buf + at);
	char *list = buf + f.start[3];
	size_t k = 0;
	for (char *p = list; *p;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = 0;
		if (*p)
			mem[k++] = p;
		if (!comma)
			break;
		p = comma + 1;
	}
	mem[k] = NULL;
	gr->gr_name = buf;
	gr->gr_passwd = buf + f.start[1];
	gr->gr_gid = (gid_t)gid;
	gr->gr_mem = mem;
	return 0;
}
