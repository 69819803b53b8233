// SPDX-License-Identifier: BSD-2-Clause
// User and group names for the utilities (ls, ps, stat, chown, chgrp,
// whoami): the databases' names, numbers where they have none.
#ifndef APP_LIB_USERS_H
#define APP_LIB_USERS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The name of uid (gid), or its number when the database has no entry. */
void util_user_name(char *buf, size_t n, uid_t uid);
void util_group_name(char *buf, size_t n, gid_t gid);

/* A user (group) operand: a name of the database, else a number (POSIX:
 * a name wins over a number that looks the same). false if neither. */
bool util_parse_user(const char *s, uid_t *out);
bool util_parse_group(const char *s, gid_t *out);

#endif
