// SPDX-License-Identifier: BSD-2-Clause
// The terminal calls of the file protocol, for every terminal server
// (tty.h). None of them blocks: what must wait answers would_block, the C
// library arms a wake-up (wait.c) and asks again once woken.
#include "tty.h"

#include "../fscommon/device.h"

#include <proc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <vg/vg.h>

static unsigned char reply[FS_FILE_READ_DATA_MAX];

void tty_reset(struct tty *t)
{
	ldisc_init(&t->ld);
	t->foreground = t->session = 0;
	t->winsize = (struct fs_winsize){ .rows = 24, .cols = 80 };
	t->hung_up = false;
}

/* Under the lock, after a change: queued output goes where it goes, and
 * whoever waited for what changed is woken. */
static void changed(struct tty *t)
{
	if (t->output)
		t->output(t);
	tty_wake(t);
}

#define SAME_DEVICE UINT64_MAX /* tell_session: the device is unchanged */

/* Tells the process server the session's foreground group, so that the
 * session leader's end hangs it up (SIGHUP), and (unless SAME_DEVICE)
 * which device its controlling terminal is (0: none), for its members'
 * /dev/tty. A session gone: nothing to do. Outside the lock. */
static void tell_session(int32_t sid, int32_t group, uint64_t rdev)
{
	vg_handle_t proc = vg_startup_find(VG_HTAG_PROC, 0);
	if (!proc || sid <= 0)
		return;
	proc_process_terminal(proc, sid, group);
	if (rdev != SAME_DEVICE)
		proc_process_terminal_device(proc, sid, rdev);
}

static void send_signal(int sig, int32_t group)
{
	if (sig && group > 0)
		kill(-group, sig); /* a group that is gone: nothing to do */
}

long tty_read(struct tty *t, uint32_t count, const void **data, size_t *len)
{
	uint64_t retry;
	pthread_mutex_lock(&t->lock);
	long n = ldisc_read(&t->ld, reply, count < sizeof(reply) ? count : sizeof(reply),
			    vg_clock_monotonic(), &retry);
	if (n == LDISC_WOULD_BLOCK && t->hung_up)
		n = 0; /* the end of the file: nothing more will come */
	if (n > 0)
		tty_wake(t); /* room for a pty's master to write */
	pthread_mutex_unlock(&t->lock);
	if (n == LDISC_WOULD_BLOCK)
		return FS_FS_ERROR_WOULD_BLOCK;
	*data = reply;
	*len = (size_t)n;
	return 0;
}

long tty_write(struct tty *t, const void *data, size_t len, uint32_t *count)
{
	pthread_mutex_lock(&t->lock);
	bool gone = t->hung_up;
	size_t n = gone ? 0 : ldisc_write(&t->ld, data, len);
	changed(t);
	pthread_mutex_unlock(&t->lock);
	if (gone)
		return FS_FS_ERROR_IO;
	if (len && !n)
		return FS_FS_ERROR_WOULD_BLOCK;
	*count = (uint32_t)n;
	return 0;
}

size_t tty_receive(struct tty *t, const void *data, size_t len, bool whole)
{
	const unsigned char *p = data;
	pthread_mutex_lock(&t->lock);
	uint64_t now = vg_clock_monotonic();
	int sig = 0;
	size_t i = 0;
	for (; i < len && (whole || !ldisc_input_full(&t->ld)); i++) {
		int s = ldisc_input(&t->ld, p[i], now);
		if (s)
			sig = s; /* the last one raised */
	}
	int32_t group = t->foreground;
	changed(t); /* the echo, the input */
	pthread_mutex_unlock(&t->lock);
	send_signal(sig, group);
	return i;
}

void tty_hangup(struct tty *t)
{
	pthread_mutex_lock(&t->lock);
	t->hung_up = true;
	int32_t sid = t->session, group = t->foreground;
	t->session = 0;
	t->foreground = 0;
	tty_wake(t); /* readers read the end, writers fail */
	pthread_mutex_unlock(&t->lock);
	tell_session(sid, 0, 0);
	for (int i = 0; i < 2; i++) {
		int sig = i ? SIGCONT : SIGHUP;
		send_signal(sig, group);
		if (sid > 0 && sid != group)
			kill(sid, sig); /* the session leader (a shell has its own group) */
	}
}

/* ---- what any device does, terminals alike ---- */

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	(void)offset;
	struct fs_open *f = fs_opens_get(ctx, badge);
	if (!f || !fs_open_readable(f))
		return FS_FS_ERROR_BAD_FILE;
	return tty_read(tty_of(ctx, badge), count, data, len);
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	(void)offset;
	struct fs_open *f = fs_opens_get(ctx, badge);
	if (!f || !fs_open_writable(f))
		return FS_FS_ERROR_BAD_FILE;
	*pos = 0;
	return tty_write(tty_of(ctx, badge), data, len, count);
}

void tty_stat(struct fs_attr *attr, uint64_t ino, uint64_t rdev)
{
	*attr = (struct fs_attr){
		.ino = ino, .kind = FS_KIND_CHARDEV, .mode = 0620, .nlink = 1, .rdev = rdev
	};
}

static long do_close(void *opens, uint64_t badge)
{
	struct tty *t = tty_of(opens, badge);
	struct fs_open *last;
	long st = fs_opens_close(opens, badge, &last);
	if (st || !last)
		return st;
	pthread_mutex_lock(&t->lock);
	tty_forget(t, last);
	pthread_mutex_unlock(&t->lock);
	free(last);
	return 0;
}

static long do_seek(void *opens, uint64_t badge, int64_t offset, uint32_t whence, uint64_t *pos)
{
	(void)offset, (void)whence, (void)pos;
	return fs_opens_get(opens, badge) ? FS_FS_ERROR_ILLEGAL_SEEK : FS_FS_ERROR_BAD_FILE;
}

static long do_setflags(void *opens, uint64_t badge, uint32_t flags)
{
	struct fs_open *f = fs_opens_get(opens, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	f->flags = (f->flags & ~FS_O_NONBLOCK) | (flags & FS_O_NONBLOCK);
	return 0;
}

static long do_sync(void *opens, uint64_t badge)
{
	return fs_opens_get(opens, badge) ? 0 : FS_FS_ERROR_BAD_FILE;
}

/* ---- the terminal calls ---- */

/* The terminal of badge, locked; NULL for a badge the server does not
 * know. */
static struct tty *held(void *ctx, uint64_t badge)
{
	struct tty *t = tty_of(ctx, badge);
	if (t)
		pthread_mutex_lock(&t->lock);
	return t;
}

static long do_tcgetattr(void *ctx, uint64_t badge, struct fs_termios *attr, const void **cc,
			 size_t *cc_len)
{
	static struct ldisc_mode m;
	struct tty *t = held(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	ldisc_get(&t->ld, &m);
	pthread_mutex_unlock(&t->lock);
	*attr = (struct fs_termios){ .iflag = m.iflag,
				     .oflag = m.oflag,
				     .cflag = m.cflag,
				     .lflag = m.lflag,
				     .ispeed = B115200,
				     .ospeed = B115200 };
	*cc = m.cc;
	*cc_len = NCCS;
	return 0;
}

static long do_tcsetattr(void *ctx, uint64_t badge, uint8_t when, const struct fs_termios *attr,
			 const void *cc, size_t cc_len)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	if (when > TCSAFLUSH || cc_len != NCCS)
		return FS_FS_ERROR_INVALID;
	struct ldisc_mode m = { attr->iflag, attr->oflag, attr->cflag, attr->lflag, { 0 } };
	memcpy(m.cc, cc, NCCS);
	pthread_mutex_lock(&t->lock);
	long st = 0;
	if (when != TCSANOW && t->ld.out_len && !t->hung_up) {
		st = FS_FS_ERROR_WOULD_BLOCK; /* drain first: the library asks again */
	} else {
		if (when == TCSAFLUSH)
			ldisc_flush(&t->ld, TCIFLUSH);
		ldisc_set(&t->ld, &m);
		tty_wake(t); /* a line may be readable now, or a raw read due */
	}
	pthread_mutex_unlock(&t->lock);
	return st;
}

static long do_tcgetpgrp(void *ctx, uint64_t badge, int32_t *pgid)
{
	struct tty *t = held(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	*pgid = t->foreground;
	pthread_mutex_unlock(&t->lock);
	return 0;
}

static long do_tcsetpgrp(void *ctx, uint64_t badge, int32_t pgid)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	if (pgid <= 0)
		return FS_FS_ERROR_INVALID;
	pthread_mutex_lock(&t->lock);
	t->foreground = pgid;
	int32_t sid = t->session;
	pthread_mutex_unlock(&t->lock);
	tell_session(sid, pgid, SAME_DEVICE);
	return 0;
}

long tty_tcgetsid(void *ctx, uint64_t badge, int32_t *sid, int32_t *pgid)
{
	struct tty *t = held(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	*sid = t->session;
	*pgid = t->foreground;
	pthread_mutex_unlock(&t->lock);
	return 0;
}

long tty_tcsetsid(void *ctx, uint64_t badge, int32_t sid, bool steal)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	if (sid < 0)
		return FS_FS_ERROR_INVALID;
	long st = 0;
	int32_t old = 0;
	pthread_mutex_lock(&t->lock);
	if (sid && t->hung_up)
		st = FS_FS_ERROR_IO; /* a line that is gone is nobody's terminal */
	else if (sid && t->session && t->session != sid && !steal)
		st = FS_FS_ERROR_NOT_PERMITTED;
	else if (t->session != sid) {
		old = t->session;
		t->session = sid;
		t->foreground = sid; /* a new session leader leads its foreground */
	}
	pthread_mutex_unlock(&t->lock);
	if (!st) {
		tell_session(old, 0, 0); /* the old session's leader no longer has it */
		tell_session(sid, sid, t->rdev);
	}
	return st;
}

static long do_getwinsize(void *ctx, uint64_t badge, struct fs_winsize *ws)
{
	struct tty *t = held(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	*ws = t->winsize;
	pthread_mutex_unlock(&t->lock);
	return 0;
}

static long do_setwinsize(void *ctx, uint64_t badge, const struct fs_winsize *ws)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&t->lock);
	bool changed = memcmp(&t->winsize, ws, sizeof(*ws)) != 0;
	t->winsize = *ws;
	int32_t group = t->foreground;
	pthread_mutex_unlock(&t->lock);
	if (changed)
		send_signal(SIGWINCH, group);
	return 0;
}

static long do_sti(void *ctx, uint64_t badge, const void *data, size_t len)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	tty_receive(t, data, len, true);
	return 0;
}

static long do_tcflush(void *ctx, uint64_t badge, uint8_t queue)
{
	struct tty *t = tty_of(ctx, badge);
	if (!t)
		return FS_FS_ERROR_BAD_FILE;
	if (queue > TCIOFLUSH)
		return FS_FS_ERROR_INVALID;
	pthread_mutex_lock(&t->lock);
	ldisc_flush(&t->ld, queue);
	changed(t);
	pthread_mutex_unlock(&t->lock);
	return 0;
}

void tty_file_ops(struct fs_file_ops *ops)
{
	/* Only what the server left NULL: its own operations stay. */
#define FILL(op, fn) (ops->op = ops->op ? ops->op : (fn))
	FILL(read, do_read);
	FILL(write, do_write);
	FILL(ready, tty_ready_op);
	FILL(arm, tty_arm);
	FILL(close, do_close);
	FILL(seek, do_seek);
	FILL(sync, do_sync);
	FILL(setflags, do_setflags);
	FILL(clone, fs_device_clone);
	FILL(statfs, fs_device_statfs);
	FILL(tcgetattr, do_tcgetattr);
	FILL(tcsetattr, do_tcsetattr);
	FILL(tcgetpgrp, do_tcgetpgrp);
	FILL(tcsetpgrp, do_tcsetpgrp);
	FILL(getwinsize, do_getwinsize);
	FILL(setwinsize, do_setwinsize);
	FILL(sti, do_sti);
	FILL(tcflush, do_tcflush);
	FILL(tcgetsid, tty_tcgetsid);
	FILL(tcsetsid, tty_tcsetsid);
#undef FILL
}
