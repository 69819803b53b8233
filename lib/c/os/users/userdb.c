// SPDX-License-Identifier: BSD-2-Clause
// Scanning /etc/passwd and /etc/group (lib/c/os/internal/userdb.h): line
// by line with getline, each line parsed in a scratch buffer to see
// whether it matches, then again into the caller's buffer, so that a line
// too long for the caller is reported as ERANGE only when it is the one
// asked for.
#include "../internal/userdb.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

FILE *userdb_open(const struct userdb *db)
{
	FILE *f = fopen(db->path, "re");
	if (!f && errno == ENOENT)
		errno = 0;
	return f;
}

int userdb_next(const struct userdb *db, FILE *f, const void *key, void *ent, char *buf,
		size_t size)
{
	char *line = NULL, *scratch = NULL;
	size_t cap = 0, scap = 0;
	int err = ENOENT;
	ssize_t n;
	errno = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		size_t len = (size_t)n;
		if (len && line[len - 1] == '\n')
			len--;
		size_t need = db->need(len);
		if (need > scap) {
			char *s = realloc(scratch, need);
			if (!s) {
				err = ENOMEM;
				break;
			}
			scratch = s;
			scap = need;
		}
		if (db->parse(line, len, ent, scratch, scap))
			continue;
		if (key && !db->match(ent, key))
			continue;
		err = db->parse(line, len, ent, buf, size);
		break;
	}
	if (n < 0 && errno)
		err = errno;
	free(line);
	free(scratch);
	return err;
}

int userdb_find(const struct userdb *db, const void *key, void *ent, char *buf, size_t size)
{
	FILE *f = userdb_open(db);
	if (!f)
		return errno ? errno : ENOENT;
	int err = userdb_next(db, f, key, ent, buf, size);
	fclose(f);
	return err;
}

void *userdb_static(const struct userdb *db, FILE *f, const void *key, void *ent, char **buf,
		    size_t *size)
{
	int saved = errno;
	for (;;) {
		long at = f ? ftell(f) : 0;
		int err = f ? userdb_next(db, f, key, ent, *buf, *size)
			    : userdb_find(db, key, ent, *buf, *size);
		if (!err) {
			errno = saved;
			return ent;
		}
		if (err == ENOENT) {
			errno = saved;
			return NULL;
		}
		if (err != ERANGE) {
			errno = err;
			return NULL;
		}
		size_t bigger = *size ? *size * 2 : 256;
		char *b = realloc(*buf, bigger);
		if (!b || (f && fseek(f, at, SEEK_SET))) {
			errno = b ? errno : ENOMEM;
			if (b)
				*buf = b;
			return NULL;
		}
		*buf = b;
		*size = bigger;
	}
}
