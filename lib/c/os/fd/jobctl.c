// SPDX-License-Identifier: BSD-2-Clause
// Job control at the terminal (POSIX XBD 11.1.4, XSH read, write,
// tcsetpgrp): a process whose group is in the background of the session
// that owns its controlling terminal is stopped with SIGTTIN when it reads
// the terminal, and with SIGTTOU when it writes while TOSTOP is set or
// changes the terminal's settings, unless it ignores or blocks the signal
// (then a read fails with EIO, and the rest goes on).
//
// The checks are made here, in the caller's C library: a terminal server
// sees open files (shared by every process that inherited one), never
// processes, so it cannot tell who calls. The terminal says which session
// it belongs to and its foreground group (fs.tcgetsid, one call), the
// process server says the caller's group and session (proc.self).
#include <errno.h>
#include <fcntl.h>
#include <proc.h>
#include <signal.h>
#include <termios.h>

#include "../internal/fd.h"
#include "../internal/proc.h"

/* The terminal's session and foreground group; false when d is not a
 * terminal (remembered: it never becomes one). */
static bool terminal_of(struct fd_desc *d, int32_t *sid, int32_t *fg)
{
	if (d->kind != FD_FILE || d->tty < 0)
		return false;
	long st = fs_file_tcgetsid(d->h, sid, fg);
	if (st == FS_FS_ERROR_NOT_SUPPORTED || st == ERR_NOT_SUPPORTED)
		d->tty = -1;
	else if (!st)
		d->tty = 1;
	return st == 0;
}

static bool ignored_or_blocked(int sig)
{
	struct sigaction sa;
	sigset_t mask;
	return (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) ||
		(sigprocmask(SIG_BLOCK, NULL, &mask) == 0 && sigismember(&mask, sig) == 1);
}

static bool caught(int sig)
{
	struct sigaction sa;
	return sigaction(sig, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL &&
		sa.sa_handler != SIG_IGN;
}

/* Writes stop only with TOSTOP set. */
static bool tostop(struct fd_desc *d)
{
	struct fs_termios a;
	unsigned char cc[NCCS];
	size_t n = 0;
	return fs_file_tcgetattr(d->h, &a, cc, &n) == 0 && (a.lflag & TOSTOP);
}

int __tty_jobctl(struct fd_desc *d, enum tty_use use)
{
	int sig = use == TTY_READ ? SIGTTIN : SIGTTOU;
	for (;;) {
		int32_t sid, fg, pid, ppid, pgid, my_sid;
		if (!terminal_of(d, &sid, &fg) || !sid || !fg)
			return 0; /* no terminal, or nobody's controlling one */
		vg_handle_t ep = __libc_proc_ep();
		if (!ep || proc_process_self(ep, &pid, &ppid, &pgid, &my_sid))
			return 0;
		/* Not our controlling terminal, or in its foreground; pid 1's
		 * group is never stopped (and kill(-1) would be everyone). */
		if (my_sid != sid || pgid == fg || pgid <= 1)
			return 0;
		if (use == TTY_WRITE && !tostop(d))
			return 0;
		if (ignored_or_blocked(sig)) {
			if (use != TTY_READ)
				return 0;
			errno = EIO;
			return -1;
		}
		/* The whole group stops (the default action, in each member's
		 * C library); once continued, look again: fg may have made
		 * it the foreground. A handler instead interrupts the call. */
		if (kill(-pgid, sig) < 0)
			return 0;
		if (caught(sig)) {
			errno = EINTR;
			return -1;
		}
	}
}

int __tty_controlling(char *path)
{
	uint64_t rdev = 0;
	vg_handle_t ep = __libc_proc_ep();
	/* A process outside the process server's table (the earliest
	 * services) cannot be told: the console, as before there were
	 * sessions. */
	if (!ep || proc_process_ctty(ep, &rdev))
		return 0;
	if (!rdev) {
		errno = ENXIO; /* no controlling terminal */
		return -1;
	}
	if (rdev >> 32 != TTY_MAJOR) /* the console itself: /dev/tty is it */
		__tty_path(rdev, path, PATH_MAX); /* a terminal it cannot name: left as it is */
	return 0;
}

void __tty_open_ctty(struct fd_desc *d)
{
	int32_t sid, fg, pid, ppid, pgid, my_sid;
	vg_handle_t ep = __libc_proc_ep();
	/* pid 1 (init, the test runner) takes none: job control must never
	 * stop it, as on Unix, where init has no controlling terminal. */
	if (!terminal_of(d, &sid, &fg) || sid || !ep ||
	    proc_process_self(ep, &pid, &ppid, &pgid, &my_sid) || my_sid != pid || pid == 1)
		return;
	/* Another session may have been quicker: then it stays theirs. */
	fs_file_tcsetsid(d->h, pid, false);
}

int __tty_set_ctty(int fd, bool take, bool steal)
{
	int32_t pid, ppid, pgid, my_sid;
	vg_handle_t ep = __libc_proc_ep();
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = ep ? proc_process_self(ep, &pid, &ppid, &pgid, &my_sid) : ERR_NOT_SUPPORTED;
	int err = st ? EPERM : 0;
	if (!err && take) {
		/* TIOCSCTTY: only a session leader takes a terminal. */
		st = my_sid == pid ? fs_file_tcsetsid(d->h, pid, steal) : FS_FS_ERROR_NOT_PERMITTED;
	} else if (!err) {
		/* TIOCNOTTY: the session leader gives its terminal up; for
		 * anyone else of the session it was theirs, nothing changes. */
		int32_t sid, fg;
		st = fs_file_tcgetsid(d->h, &sid, &fg);
		if (!st && sid != my_sid)
			st = FS_FS_ERROR_NOT_SUPPORTED; /* not our controlling terminal */
		else if (!st && my_sid == pid)
			st = fs_file_tcsetsid(d->h, 0, false);
	}
	__fd_put(d);
	if (err) {
		errno = err;
		return -1;
	}
	if (st == FS_FS_ERROR_NOT_SUPPORTED || st == ERR_NOT_SUPPORTED) {
		errno = ENOTTY;
		return -1;
	}
	return st ? __fs_error(st) : 0;
}
