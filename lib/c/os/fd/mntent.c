// SPDX-License-Identifier: BSD-2-Clause
// setmntent, getmntent and endmntent (<mntent.h>): the VFS's mount table
// (vfs.mounts) as the text of /proc/mounts - "source dir type options 0 0"
// a line, blanks in a name written \040 - in a stream of its own, which
// getmntent reads back as glibc's does.
#include <errno.h>
#include <fs.h>
#include <mntent.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/fd.h"
#include "../internal/stream.h"

/* Appends s with blanks and backslashes as octal escapes, then sep. */
static void add_field(char **text, size_t *len, size_t *cap, const char *s, char sep)
{
	for (const char *p = s;; p++) {
		char esc[5];
		size_t n = 1;
		esc[0] = *p ? *p : sep;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)('0' + ((unsigned char)*p >> 6));
			esc[2] = (char)('0' + (((unsigned char)*p >> 3) & 7));
			esc[3] = (char)('0' + ((unsigned char)*p & 7));
			n = 4;
		}
		if (*len + n + 1 > *cap) {
			size_t more = *cap * 2 + n + 64;
			char *t = realloc(*text, more);
			if (!t)
				return; /* the caller sees the text unchanged and reports it */
			*text = t;
			*cap = more;
		}
		memcpy(*text + *len, esc, n);
		*len += n;
		if (!*p)
			return;
	}
}

FILE *setmntent(const char *file, const char *mode)
{
	(void)file;
	if (!mode || mode[0] != 'r') {
		errno = EROFS;
		return NULL;
	}
	vg_handle_t vfs = __fs_vfs();
	if (!vfs) {
		errno = ENOSYS;
		return NULL;
	}
	static char path[1024], source[64], type[32]; /* the strings of vfs.mounts */
	char *text = NULL;
	size_t len = 0, cap = 0;
	uint32_t at = 0;
	bool readonly;
	long st;
	while ((st = fs_vfs_mounts(vfs, at, path, source, type, &readonly, &at)) == 0) {
		size_t before = len;
		add_field(&text, &len, &cap, source[0] ? source : "none", ' ');
		add_field(&text, &len, &cap, path, ' ');
		add_field(&text, &len, &cap, type[0] ? type : "unknown", ' ');
		add_field(&text, &len, &cap, readonly ? "ro" : "rw", ' ');
		add_field(&text, &len, &cap, "0", ' ');
		add_field(&text, &len, &cap, "0", '\n');
		if (len == before) {
			free(text);
			errno = ENOMEM;
			return NULL;
		}
	}
	if (st != FS_FS_ERROR_NOT_FOUND) {
		free(text);
		__fs_error(st);
		return NULL;
	}
	FILE *f = __libc_stream_of_text(text, len);
	if (!f)
		free(text);
	return f;
}

/* The next blank-separated field of *s, escapes decoded in place. */
static char *field(char **s)
{
	char *p = *s + strspn(*s, " \t");
	char *start = p, *out = p;
	for (; *p && *p != ' ' && *p != '\t'; p++) {
		if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && p[2] >= '0' && p[2] <= '7' &&
		    p[3] >= '0' && p[3] <= '7') {
			*out++ = (char)((p[1] - '0') << 6 | (p[2] - '0') << 3 | (p[3] - '0'));
			p += 3;
		} else {
			*out++ = *p;
		}
	}
	*s = *p ? p + 1 : p;
	*out = 0;
	return start;
}

struct mntent *getmntent(FILE *f)
{
	static char *line;
	static size_t size;
	static struct mntent m;
	ssize_t n;
	while ((n = getline(&line, &size, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = 0;
		char *s = line;
		m.mnt_fsname = field(&s);
		m.mnt_dir = field(&s);
		m.mnt_type = field(&s);
		m.mnt_opts = field(&s);
		m.mnt_freq = atoi(field(&s));
		m.mnt_passno = atoi(field(&s));
		if (*m.mnt_fsname && *m.mnt_fsname != '#' && *m.mnt_dir)
			return &m;
	}
	return NULL;
}

int endmntent(FILE *f)
{
	if (f)
		fclose(f);
	return 1;
}
