// SPDX-License-Identifier: BSD-2-Clause
// <pty.h>: pseudo-terminals the BSD way (lib/c/os/fd/pty.c), as glibc and
// musl have them; login_tty is here too (their <utmp.h>).
#ifndef _PTY_H
#define _PTY_H

#include <sys/ioctl.h>
#include <sys/types.h>
#include <termios.h>

/* A master and its slave, opened (without making either a controlling
 * terminal); name (if not NULL) gets the slave's path, t and ws (if not
 * NULL) its settings and window size. */
int openpty(int *master, int *slave, char *name, const struct termios *t, const struct winsize *ws);
/* openpty, then fork: the child runs in a session of its own on the
 * slave (login_tty) and gets 0; the parent the child's pid and *master. */
pid_t forkpty(int *master, char *name, const struct termios *t, const struct winsize *ws);
/* Makes fd the caller's controlling terminal in a new session, and its
 * descriptors 0, 1 and 2. */
int login_tty(int fd);

#endif
