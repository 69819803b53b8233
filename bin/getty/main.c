// SPDX-License-Identifier: BSD-2-Clause
// getty: puts a shell on a terminal. init starts it (rootfs/etc/services/
// getty) through the process server, so that it has a pid and can exec;
// it opens the terminal as descriptors 0, 1 and 2, makes a session of its
// own whose controlling terminal it is and whose process group is the
// terminal's foreground one (the console signals that group on ^C), and
// becomes the shell. It waits for the terminal's node if the device
// manager has not made it yet.
//
//   getty [terminal [shell]]      default /dev/console and /bin/sh
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

/* Before descriptor 2 is the terminal, messages go to the kernel log. */
static int fail(const char *what, const char *path)
{
	char line[160];
	int n = snprintf(line, sizeof(line), "getty: %s %s: %s\n", what, path, strerror(errno));
	vg_log_write(vg_startup()->log, line, (size_t)n);
	return 1;
}

/* The terminal's node is made by the device manager once the terminal's
 * server has announced it, which may come after init starts us (init
 * waits for no server to be ready): a missing node is waited for, up to
 * 5 s, looking every millisecond. */
static int open_terminal(const char *tty)
{
	for (int waited = 0;; waited++) {
		int fd = open(tty, O_RDWR);
		if (fd >= 0 || errno != ENOENT || waited == 5000)
			return fd;
		nanosleep(&(struct timespec){ 0, 1000000 }, NULL);
	}
}

int main(int argc, char **argv)
{
	const char *tty = argc > 1 ? argv[1] : "/dev/console";
	const char *shell = argc > 2 ? argv[2] : "/bin/sh";
	/* A session of its own; started as a group leader (the process
	 * server gives each service a group) that is refused, and the group
	 * it leads is the one the terminal's foreground becomes. */
	if (setsid() < 0 && getpgrp() != getpid())
		return fail("no session or group of its own for", tty);
	int fd = open_terminal(tty);
	if (fd < 0)
		return fail("cannot open", tty);
	for (int i = 0; i < 3; i++)
		if (fd != i && dup2(fd, i) != i)
			return fail("cannot duplicate", tty);
	if (fd > 2)
		close(fd);
	/* Our controlling terminal (the open took it unless a session was
	 * there before: the last shell's, which has ended - take it over). */
	if (tcgetsid(0) != getpid() && ioctl(0, TIOCSCTTY, 1))
		return fail("cannot make its controlling terminal", tty);
	if (tcsetpgrp(0, getpgrp()))
		return fail("cannot take the foreground of", tty);
	setenv("HOME", "/", 0);
	setenv("PATH", "/bin", 0);
	setenv("TERM", "vt100", 0);
	execl(shell, "sh", "-i", (char *)NULL);
	fprintf(stderr, "getty: cannot run %s: %s\n", shell, strerror(errno));
	return 127;
}
