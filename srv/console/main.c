// SPDX-License-Identifier: BSD-2-Clause
// bin/console: the console terminal (docs/ARCHITECTURE.md section 18). The
// UART driver (drv/char/uart), a terminal (srv/tty: the line discipline
// and the terminal calls, shared with bin/pty) and the device server of
// major 5 - /dev/tty (minor 0) and /dev/console (minor
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
// return and a write into a full output queue answer would_block, and the
// C library arms a wake-up (file.arm, srv/tty/wait.c) - input arriving,
// the UART taking output - and asks again; TCSADRAIN with output pending
// answers would_block too, and the library asks again after a while.
#include "../fscommon/device.h"
#include "../tty/tty.h"

#include <uart.h>

#define TTY_MAJOR 5u
#define RX_CHUNK 64

static struct fs_opens opens;
static struct tty tty;
static struct uart uart;

/* Moves output to the UART; asks for the transmitter's interrupt while
 * some is left. Under the terminal's lock. */
static void pump_output(struct tty *t)
{
	struct ldisc *ld = &t->ld;
	unsigned char buf[64];
	while (ld->out_len) {
		size_t n = ldisc_out_take(ld, buf, sizeof(buf));
		size_t done = uart_write(&uart, buf, n);
		if (done < n) {
			/* Put back what the FIFO did not take, in front. */
			ld->out_head =
				(ld->out_head + LDISC_OUT_SIZE - (n - done)) % LDISC_OUT_SIZE;
			ld->out_len += n - done;
			break;
		}
	}
	uart_tx_wanted(&uart, ld->out_len != 0);
}

/* Takes what the UART received into the line discipline, moves output. */
static void service(void)
{
	unsigned char buf[RX_CHUNK];
	for (;;) {
		pthread_mutex_lock(&tty.lock);
		size_t n = uart_read(&uart, buf, sizeof(buf));
		pthread_mutex_unlock(&tty.lock);
		if (!n)
			break;
		tty_receive(&tty, buf, n, true);
	}
	pthread_mutex_lock(&tty.lock);
	pump_output(&tty);
	uart_clear(&uart);
	tty_wake(&tty); /* room for writers */
	pthread_mutex_unlock(&tty.lock);
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

struct tty *tty_of(void *ctx, uint64_t badge)
{
	return fs_opens_get(ctx, badge) ? &tty : NULL;
}

static long do_stat(void *ctx, uint64_t badge, struct fs_attr *attr)
{
	struct fs_open *f = fs_opens_get(ctx, badge);
	if (!f)
		return FS_FS_ERROR_BAD_FILE;
	tty_stat(attr, f->ino + 1, (uint64_t)TTY_MAJOR << 32 | f->ino);
	return 0;
}

static struct fs_file_ops file_ops = { .stat = do_stat };

int main(void)
{
	vg_handle_t resource = vg_startup_find(VG_HTAG_RESOURCE, 0);
	long st = uart_open(&uart, resource);
	if (st) {
		vg_printf("console: cannot take the console UART: %ld\n", st);
		return 1;
	}
	tty_init(&tty, pump_output);
	tty.rdev = (uint64_t)TTY_MAJOR << 32 | 1; /* /dev/console */
	tty_file_ops(&file_ops);
	if (tty_timer_start())
		return 1;
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
