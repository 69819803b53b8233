// SPDX-License-Identifier: BSD-2-Clause
// bin/console: the console terminal (docs/ARCHITECTURE.md section 18). The
// UART driver (drv/char/uart), the line discipline (ldisc.c) and the
// device server of major 5 - /dev/tty (minor 0) and /dev/console (minor
// 1), the same terminal - in one process:
//
//   - the main thread serves the file protocol (srv/fscommon/device.c):
//     reads and writes go through the line discipline, plus the tty calls
//     (termios, foreground group, window size, sti, flush);
//   - a second thread waits for the UART's interrupt, feeds what arrived
//     to the line discipline, sends the signals it raises to the
//     foreground group (kill through the process server) and moves output
//     to the UART.
//
// Started with: VG_HTAG_USER + 0, the endpoint to serve; VG_HTAG_RESOURCE,
// a resource covering the UART (registers and line); VG_HTAG_PROC, a
// handle to the process server allowed to signal the terminal's groups;
// VG_HTAG_USER + 1, the device manager it announces its nodes to.
// Like every server here it never blocks a call: a read with nothing to
// return, a write into a full output queue and TCSADRAIN with output
// pending answer would_block and the C library asks again.
#include "../fscommon/device.h"
#include "ldisc.h"

#include <proc.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <uart.h>

#define TTY_MAJOR 5u
#define RX_CHUNK 64

static struct fs_opens opens;
static struct ldisc ld;
static struct uart uart;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int32_t foreground; /* 0: no foreground group */
static int32_t session; /* the session it is the controlling terminal of, or 0 */
static struct fs_winsize winsize = { .rows = 24, .cols = 80 };
static unsigned char reply[FS_FILE_READ_DATA_MAX];

/* Moves output to the UART; asks for the transmitter's interrupt while
 * some is left. Under the lock. */
static void pump_output(void)
{
	unsigned char buf[64];
	while (ld.out_len) {
		size_t n = ldisc_out_take(&ld, buf, sizeof(buf));
		size_t done = uart_write(&uart, buf, n);
		if (done < n) {
			/* Put back what the FIFO did not take, in front. */
			ld.out_head = (ld.out_head + LDISC_OUT_SIZE - (n - done)) % LDISC_OUT_SIZE;
			ld.out_len += n - done;
			break;
		}
	}
	uart_tx_wanted(&uart, ld.out_len != 0);
}

/* Takes what the UART received; returns the signal to send (the last one
 * raised) and the group it goes to. Under the lock. */
static int take_input(int32_t *group)
{
	unsigned char buf[RX_CHUNK];
	int sig = 0;
	size_t n;
	uint64_t now = vg_clock_monotonic();
	while ((n = uart_read(&uart, buf, sizeof(buf))))
		for (size_t i = 0; i < n; i++) {
			int s = ldisc_input(&ld, buf[i], now);
			if (s)
				sig = s;
		}
	*group = foreground;
	return sig;
}

/* Tells the process server the session's foreground group, so that the
 * session leader's end hangs it up (SIGHUP). Outside the lock. */
static void tell_session(int32_t sid, int32_t group)
{
	vg_handle_t proc = vg_startup_find(VG_HTAG_PROC, 0);
	if (proc && sid > 0)
		proc_process_terminal(proc, sid, group); /* a session gone: nothing to do */
}

static void send_signal(int sig, int32_t group)
{
	if (sig && group > 0)
		kill(-group, sig); /* a group that is gone: nothing to do */
}

static void service(void)
{
	int32_t group;
	pthread_mutex_lock(&lock);
	int sig = take_input(&group);
	pump_output();
	uart_clear(&uart);
	pthread_mutex_unlock(&lock);
	send_signal(sig, group);
}

static void *interrupts(void *arg)
{
	(void)arg;
	vg_handle_t port;
	if (vg_port_create(&port)) {
		vg_printf("console: no port\n");
		return NULL;
	}
	for (;;) {
		struct vg_port_packet pkt;
		if (vg_port_bind(port, uart.irq, 1) || vg_port_wait(port, UINT64_MAX, &pkt)) {
			vg_printf("console: lost the UART's interrupt\n");
			return NULL;
		}
		service();
		vg_irq_ack(uart.irq);
		/* An edge-triggered line (COM1) that rose again before the
		 * acknowledgement stays high with no new edge: look again. */
		service();
	}
}

/* ---- node: opening /dev/tty and /dev/console ---- */

static long do_open(void *ctx, uint64_t badge, uint64_t rdev, uint32_t flags, vg_handle_t *file)
{
	(void)ctx, (void)badge;
	if (rdev >> 32 != TTY_MAJOR || (uint32_t)rdev > 1)
		return FS_FS_ERROR_NO_DEVICE;
	return fs_opens_new(&opens, (uint32_t)rdev, flags, file);
}

static const struct fs_node_ops node_ops = { .open = do_open };

/* ---- file ---- */

static struct fs_open *open_of(uint64_t badge)
{
	return fs_opens_get(&opens, badge);
}

static long do_read(void *ctx, uint64_t badge, uint64_t offset, uint32_t count, const void **data,
		    size_t *len)
{
	(void)ctx, (void)offset;
	struct fs_open *f = open_of(badge);
	if (!f || !fs_open_readable(f))
		return FS_FS_ERROR_BAD_FILE;
	uint64_t retry;
	pthread_mutex_lock(&lock);
	long n = ldisc_read(&ld, reply, count < sizeof(reply) ? count : sizeof(reply),
			    vg_clock_monotonic(), &retry);
	pthread_mutex_unlock(&lock);
	if (n == LDISC_WOULD_BLOCK)
		return FS_FS_ERROR_WOULD_BLOCK;
	*data = reply;
	*len = (size_t)n;
	return 0;
}

static long do_write(void *ctx, uint64_t badge, uint64_t offset, const void *data, size_t len,
		     uint32_t *count, uint64_t *pos)
{
	(void)ctx, (void)offset;
	struct fs_open *f = open_of(badge);
	if (!f || !fs_open_writable(f))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	size_t n = ldisc_write(&ld, data, len);
	pump_output();
	pthread_mutex_unlock(&lock);
	if (len && !n)
		return FS_FS_ERROR_WOULD_BLOCK;
	*count = (uint32_t)n;
	*pos = 0;
	return 0;
}

enum { READY_IN = 1, READY_OUT = 2 };

static long do_ready(void *ctx, uint64_t badge, uint8_t *events)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	*events = (ldisc_readable(&ld) ? READY_IN : 0) | (ldisc_out_room(&ld) ? READY_OUT : 0);
	pthread_mutex_unlock(&lock);
	return 0;
}

static long do_seek(void *ctx, uint64_t badge, int64_t offset, uint32_t whence, uint64_t *pos)
{
	(void)ctx, (void)offset, (void)whence, (void)pos;
	return open_of(badge) ? FS_FS_ERROR_ILLEGAL_SEEK : FS_FS_ERROR_BAD_FILE;
}

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	(void)ctx;
	struct fs_open *f = open_of(badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	*attr = (struct fs_attr){ .ino = f->ino + 1,
				  .kind = FS_KIND_CHARDEV,
				  .mode = 0620,
				  .nlink = 1,
				  .rdev = (uint64_t)TTY_MAJOR << 32 | f->ino };
	return 0;
}

static long do_close(void *ctx, uint64_t badge)
{
	(void)ctx;
	struct fs_open *last;
	long st = fs_opens_close(&opens, badge, &last);
	free(st ? NULL : last);
	return st;
}

static long do_setflags(void *ctx, uint64_t badge, uint32_t flags)
{
	(void)ctx;
	struct fs_open *f = open_of(badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	f->flags = (f->flags & ~FS_O_NONBLOCK) | (flags & FS_O_NONBLOCK);
	return 0;
}

static long do_sync(void *ctx, uint64_t badge)
{
	(void)ctx;
	return open_of(badge) ? 0 : FS_FS_ERROR_BAD_FILE;
}

static long do_tcgetattr(void *ctx, uint64_t badge, struct fs_termios *attr, const void **cc,
			 size_t *cc_len)
{
	(void)ctx;
	static struct ldisc_mode m;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	ldisc_get(&ld, &m);
	pthread_mutex_unlock(&lock);
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
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	if (when > TCSAFLUSH || cc_len != NCCS)
		return FS_FS_ERROR_INVALID;
	struct ldisc_mode m = { attr->iflag, attr->oflag, attr->cflag, attr->lflag, { 0 } };
	memcpy(m.cc, cc, NCCS);
	pthread_mutex_lock(&lock);
	long st = 0;
	if (when != TCSANOW && ld.out_len) {
		st = FS_FS_ERROR_WOULD_BLOCK; /* drain first: the library asks again */
	} else {
		if (when == TCSAFLUSH)
			ldisc_flush(&ld, TCIFLUSH);
		ldisc_set(&ld, &m);
	}
	pthread_mutex_unlock(&lock);
	return st;
}

static long do_tcgetpgrp(void *ctx, uint64_t badge, int32_t *pgid)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	*pgid = foreground;
	pthread_mutex_unlock(&lock);
	return 0;
}

static long do_tcsetpgrp(void *ctx, uint64_t badge, int32_t pgid)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	if (pgid <= 0)
		return FS_FS_ERROR_INVALID;
	pthread_mutex_lock(&lock);
	foreground = pgid;
	int32_t sid = session;
	pthread_mutex_unlock(&lock);
	tell_session(sid, pgid);
	return 0;
}

static long do_tcgetsid(void *ctx, uint64_t badge, int32_t *sid, int32_t *pgid)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	*sid = session;
	*pgid = foreground;
	pthread_mutex_unlock(&lock);
	return 0;
}

static long do_tcsetsid(void *ctx, uint64_t badge, int32_t sid, bool steal)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	if (sid < 0)
		return FS_FS_ERROR_INVALID;
	long st = 0;
	int32_t old = 0;
	pthread_mutex_lock(&lock);
	if (sid && session && session != sid && !steal)
		st = FS_FS_ERROR_NOT_PERMITTED;
	else if (session != sid) {
		old = session;
		session = sid;
		foreground = sid; /* a new session leader leads its foreground */
	}
	pthread_mutex_unlock(&lock);
	if (!st) {
		tell_session(old, 0); /* the old session's leader no longer has it */
		tell_session(sid, sid);
	}
	return st;
}

static long do_getwinsize(void *ctx, uint64_t badge, struct fs_winsize *ws)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	*ws = winsize;
	pthread_mutex_unlock(&lock);
	return 0;
}

static long do_setwinsize(void *ctx, uint64_t badge, const struct fs_winsize *ws)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	pthread_mutex_lock(&lock);
	bool changed = memcmp(&winsize, ws, sizeof(*ws)) != 0;
	winsize = *ws;
	int32_t group = foreground;
	pthread_mutex_unlock(&lock);
	if (changed)
		send_signal(SIGWINCH, group);
	return 0;
}

static long do_sti(void *ctx, uint64_t badge, const void *data, size_t len)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	const unsigned char *p = data;
	pthread_mutex_lock(&lock);
	uint64_t now = vg_clock_monotonic();
	int sig = 0;
	for (size_t i = 0; i < len; i++) {
		int s = ldisc_input(&ld, p[i], now);
		if (s)
			sig = s;
	}
	int32_t group = foreground;
	pump_output();
	pthread_mutex_unlock(&lock);
	send_signal(sig, group);
	return 0;
}

static long do_tcflush(void *ctx, uint64_t badge, uint8_t queue)
{
	(void)ctx;
	if (!open_of(badge))
		return FS_FS_ERROR_BAD_FILE;
	if (queue > TCIOFLUSH)
		return FS_FS_ERROR_INVALID;
	pthread_mutex_lock(&lock);
	ldisc_flush(&ld, queue);
	pump_output();
	pthread_mutex_unlock(&lock);
	return 0;
}

static const struct fs_file_ops file_ops = {
	.read = do_read,
	.write = do_write,
	.seek = do_seek,
	.stat = do_stat,
	.sync = do_sync,
	.clone = fs_device_clone,
	.statfs = fs_device_statfs,
	.close = do_close,
	.setflags = do_setflags,
	.ready = do_ready,
	.tcgetattr = do_tcgetattr,
	.tcsetattr = do_tcsetattr,
	.tcgetpgrp = do_tcgetpgrp,
	.tcsetpgrp = do_tcsetpgrp,
	.getwinsize = do_getwinsize,
	.setwinsize = do_setwinsize,
	.sti = do_sti,
	.tcflush = do_tcflush,
	.tcgetsid = do_tcgetsid,
	.tcsetsid = do_tcsetsid,
};

int main(void)
{
	vg_handle_t resource = vg_startup_find(VG_HTAG_RESOURCE, 0);
	long st = uart_open(&uart, resource);
	if (st) {
		vg_printf("console: cannot take the console UART: %ld\n", st);
		return 1;
	}
	ldisc_init(&ld);
	pthread_t t;
	if (pthread_create(&t, NULL, interrupts, NULL)) {
		vg_printf("console: no interrupt thread\n");
		return 1;
	}
	/* /dev/console is the system's: its owner only, unless the rules
	 * say otherwise. */
	static const struct fs_device_node nodes[] = { { "tty", 0, 0666 }, { "console", 1, 0600 } };
	static const struct fs_device dev = { "console", TTY_MAJOR, nodes, 2 };
	return fs_device_serve(&dev, &opens, &node_ops, &file_ops);
}
