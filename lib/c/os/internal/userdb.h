/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The scan shared by the user and group databases (lib/c/os/users): a
 * file of lines, each parsed by lib/c/pwd/pwent.c, malformed ones
 * skipped.
 */
#ifndef LIBC_OS_USERDB_H
#define LIBC_OS_USERDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct userdb {
	const char *path;
	/* __pwent_parse or __grent_parse, on an entry of the database's type */
	int (*parse)(const char *line, size_t len, void *ent, char *buf, size_t size);
	size_t (*need)(size_t len); /* the buffer parse needs for a line */
	bool (*match)(const void *ent, const void *key);
};

/* The database's file for reading, or NULL: errno 0 when it does not
 * exist (nothing to find), else why it could not be opened. */
FILE *userdb_open(const struct userdb *db);

/* The next entry of f that key matches (any when key is NULL), parsed
 * into ent and buf: 0 found, ENOENT no more, ERANGE when size is too
 * small for it (f then stands after it), another errno when reading
 * failed. */
int userdb_next(const struct userdb *db, FILE *f, const void *key, void *ent, char *buf,
		size_t size);

/* userdb_next from the file's start; a missing file holds nothing. */
int userdb_find(const struct userdb *db, const void *key, void *ent, char *buf, size_t size);

/* An entry for the non-reentrant lookups: into a buffer of the caller's
 * (static, grown as needed). NULL with errno untouched when none, NULL
 * with errno set on an error. find: userdb_find, or userdb_next on *f. */
void *userdb_static(const struct userdb *db, FILE *f, const void *key, void *ent, char **buf,
		    size_t *size);

#endif
