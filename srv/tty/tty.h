/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A terminal as the file protocol serves it (docs/ARCHITECTURE.md section
 * 18): the line discipline (ldisc.h) plus what a terminal is besides -
 * its session, foreground group and window size, hang-up - and the
 * terminal calls of `file` (termios, tcgetpgrp/tcsetpgrp,
 * tcgetsid/tcsetsid, window size, sti, tcflush). Shared by every terminal
 * server: bin/console (one terminal, on the UART) and bin/pty (a terminal
 * per pseudo-terminal, its master side in place of a UART), so that both
 * behave alike by construction.
 *
 * Signals go to the foreground group with the C library's kill(), which
 * is proc.kill with the server's VG_HTAG_PROC handle (pid 1's: it may
 * signal any group); the process server is told each session's
 * foreground group (proc.terminal), so that the session leader's end
 * hangs it up.
 */
#ifndef SRV_TTY_TTY_H
#define SRV_TTY_TTY_H

#include <fs.h>
#include <pthread.h>
#include <stdbool.h>

#include "../fscommon/opens.h"
#include "../fscommon/waiters.h"
#include "ldisc.h"

struct tty {
	pthread_mutex_t lock; /* a server may touch the terminal from more than one thread */
	struct ldisc ld;
	int32_t foreground; /* 0: no foreground group */
	int32_t session; /* the session it is the controlling terminal of, or 0 */
	struct fs_winsize winsize;
	/* Its device number (major << 32 | minor), which the process server
	 * is told for the session it is the controlling terminal of: the
	 * C library's /dev/tty is it. Set by the server after tty_init. */
	uint64_t rdev;
	/* The line is gone (a pseudo-terminal's master closed): reads give
	 * the end of the file, writes fail with EIO, poll says POLLHUP. */
	bool hung_up;
	/* Called under the lock after output was queued (the console moves
	 * it to the UART); NULL when the output waits to be taken (a pty's
	 * master reads it). */
	void (*output)(struct tty *t);
	/* Clients waiting for an open file of this terminal (file.arm;
	 * wait.c), under the lock: woken by tty_wake after every change. */
	struct fs_waiters waiters;
	/* What open file f of this terminal would not wait for now
	 * (file.ready's bits; need as file.arm's: a read's count, or 0) and,
	 * in *at, when that may change by time alone (0: never). NULL:
	 * every open file is the terminal itself (tty_events); a pty's
	 * master is not. Under the lock. */
	uint8_t (*events)(struct tty *t, const struct fs_open *f, uint32_t need, uint64_t now,
			  uint64_t *at);
	struct tty *next; /* every terminal of this server (wait.c's timer) */
};

/* Once per terminal, before the server serves: its lock, its waiters,
 * output as above, and the state of tty_reset. */
void tty_init(struct tty *t, void (*output)(struct tty *));
/* Cooked mode (ldisc_init), 24x80, nobody's terminal, not hung up: a
 * terminal made again (a pty's master opened). Under the lock. */
void tty_reset(struct tty *t);

/* Defined by each terminal server: the terminal the open file of badge
 * is (ctx: the file operations' ctx), or NULL for a badge it does not
 * know, which is refused as bad_file. */
struct tty *tty_of(void *ctx, uint64_t badge);

/* Sets the fields of ops the server left NULL: the terminal calls (those
 * above) and the rest of `file` for a server whose every open file is a
 * terminal: read, write and ready through the line discipline, close
 * (fs_opens_close), seek (ESPIPE), sync, setflags, clone. ctx must be the
 * server's struct fs_opens (fs_device_serve's). The server sets stat (its
 * device numbers) and whatever means something else on some of its files
 * (a pty's master: read, write, ready; its close, which hangs the slave
 * up; tcsetsid). */
void tty_file_ops(struct fs_file_ops *ops);

/* file.stat's answer for a terminal: a character device (0620, as
 * Linux's), inode number ino, device number rdev. */
void tty_stat(struct fs_attr *attr, uint64_t ino, uint64_t rdev);

/* file.tcgetsid and file.tcsetsid as tty_file_ops sets them (the
 * session a terminal is the controlling terminal of), for a server that
 * refuses them on some files: a pty's master is nobody's controlling
 * terminal. */
long tty_tcgetsid(void *ctx, uint64_t badge, int32_t *sid, int32_t *pgid);
long tty_tcsetsid(void *ctx, uint64_t badge, int32_t sid, bool steal);

/* file.read and file.write of the terminal itself: would_block when
 * nothing can be read yet or the output queue is full. */
long tty_read(struct tty *t, uint32_t count, const void **data, size_t *len);
long tty_write(struct tty *t, const void *data, size_t len, uint32_t *count);
/* Bytes the terminal received (from the UART, from a pty's master), fed
 * to the line discipline; the signals they raise are sent to the
 * foreground group. whole: every byte, what the input has no room for
 * dropped (a UART cannot wait); else only until the input is full
 * (ldisc_input_full: a pty's master then waits). Returns how many were
 * taken. Takes the lock. */
size_t tty_receive(struct tty *t, const void *data, size_t len, bool whole);

/* The line is gone: SIGHUP (and SIGCONT, as a stopped job must see it)
 * to the foreground group and the session leader, which no longer has a
 * controlling terminal. Takes the lock. */
void tty_hangup(struct tty *t);

/* file.ready's bits (idl/fs.idl). */
enum { TTY_READY_IN = 1, TTY_READY_OUT = 2, TTY_READY_HUP = 4, TTY_READY_ERR = 8 };

/* ---- waiting (wait.c) ---- */

/* The terminal's own events (file.ready's bits) under the lock: input a
 * read of need bytes would take now (need 0: poll's question, any input
 * at all), room for output, hang-up; *at as for struct tty's events. */
uint8_t tty_events(struct tty *t, uint32_t need, uint64_t now, uint64_t *at);
/* Under the lock, after anything that may change what an open file of t
 * waits for: wakes the waiters whose events hold now. */
void tty_wake(struct tty *t);
/* Under the lock, before open file f goes: its waiters are woken and
 * dropped (they find their descriptor closed). */
void tty_forget(struct tty *t, const struct fs_open *f);
/* file.arm and file.ready (tty_file_ops sets them). */
long tty_arm(void *ctx, uint64_t badge, uint8_t events, uint32_t need, vg_handle_t note,
	     uint8_t *ready);
long tty_ready_op(void *ctx, uint64_t badge, uint8_t *events);
/* Starts the thread that wakes readers waiting on VTIME, once every
 * terminal is initialised: 0, or -1 (said in the log). */
int tty_timer_start(void);

#endif
