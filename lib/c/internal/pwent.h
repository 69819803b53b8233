/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One line of /etc/passwd or /etc/group into the <pwd.h> or <grp.h>
 * structure (lib/c/pwd/pwent.c), for the lookups of lib/c/os/proc/users.c
 * and init's `user` key. The files are untrusted text (anyone who could
 * write them could also lie in them, but a bad line must never make a
 * lookup read outside its buffer): a line is checked whole before
 * anything is copied, and a malformed one is refused, so the callers skip
 * it and go on with the next.
 *
 * A passwd line is exactly seven fields separated by ':'
 * (name:password:uid:gid:gecos:dir:shell), a group line exactly four
 * (name:password:gid:member,member...). Names are non-empty, start with
 * neither '+' nor '-' (NIS's escapes, which we do not implement) nor '#'
 * (a comment) and hold
 * no ',' or white space; ids are decimal digits only, at most
 * 4294967294 ((uid_t)-1 is "no id"); no field holds a control character.
 * Empty members of the list (",,", a trailing ',') are skipped, as glibc
 * does. Blank lines and comments ('#') are malformed lines like others.
 *
 * The structures are declared here, not defined: the host tests pass
 * glibc's, which have the same members in the same order.
 */
#ifndef LIBC_INTERNAL_PWENT_H
#define LIBC_INTERNAL_PWENT_H

#include <stddef.h>

struct passwd;
struct group;

/* line[0..len) without its newline. Every string of *pw points into buf,
 * which holds a copy of the line: 0, EINVAL for a malformed line (whatever
 * the buffer), ERANGE when buf's size bytes are too few (len + 1 are
 * always enough). */
int __pwent_parse(const char *line, size_t len, struct passwd *pw, char *buf, size_t size);

/* The same for a group line. buf also holds gr_mem's array (members + 1
 * pointers, aligned), after the copy of the line. */
int __grent_parse(const char *line, size_t len, struct group *gr, char *buf, size_t size);

/* The size __grent_parse needs at most for a line of len bytes. */
#define GRENT_BUF_FOR(len) ((len) + 1 + sizeof(char *) * ((len) / 2 + 4))

#endif
