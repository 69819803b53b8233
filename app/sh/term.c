// SPDX-License-Identifier: BSD-2-Clause
// The shell's only use of the terminal interface (termios and the
// foreground process group), so that it builds on a C library that does not
// have <termios.h> yet: there every call fails with ENOTTY, as it would on
// a descriptor that is not a terminal, and the shell works without a
// terminal (no line editor, no job control), as it does on a pipe.
#include <errno.h>
#include <unistd.h>

#include "sh.h"

#if __has_include(<termios.h>)
#include <termios.h>

static struct termios saved; /* the mode term_raw replaced */

int term_raw(int fd)
{
	struct termios raw;
	if (tcgetattr(fd, &saved) < 0)
		return -1;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
	raw.c_oflag &= ~(tcflag_t)OPOST; /* the editor writes \r\n itself */
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	return tcsetattr(fd, TCSADRAIN, &raw);
}

void term_restore(int fd)
{
	tcsetattr(fd, TCSADRAIN, &saved);
}

pid_t term_getpgrp(int fd)
{
	return tcgetpgrp(fd);
}

int term_setpgrp(int fd, pid_t pgid)
{
	return tcsetpgrp(fd, pgid);
}

#else

int term_raw(int fd)
{
	(void)fd;
	errno = ENOTTY;
	return -1;
}

void term_restore(int fd)
{
	(void)fd;
}

pid_t term_getpgrp(int fd)
{
	(void)fd;
	errno = ENOTTY;
	return -1;
}

int term_setpgrp(int fd, pid_t pgid)
{
	(void)fd;
	(void)pgid;
	errno = ENOTTY;
	return -1;
}

#endif
