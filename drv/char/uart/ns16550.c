// SPDX-License-Identifier: BSD-2-Clause
// The 16550: COM1 in x86 I/O port space, or memory-mapped byte registers
// (RISC-V virt), register i at base + (i << reg_shift).
#include "uart.h"

#define RBR 0 /* receive buffer (read) */
#define THR 0 /* transmit holding (write) */
#define IER 1
#define FCR 2 /* FIFO control (write) */
#define MCR 4
#define LSR 5
#define IER_RX 0x01 /* received data available (and its timeout) */
#define IER_TX 0x02 /* transmit holding register empty */
#define IER_LS 0x04 /* line status: errors, break */
#define FCR_ENABLE_CLEAR 0x07 /* FIFOs on, both cleared, trigger at 1 byte */
#define MCR_DTR_RTS_OUT2 0x0b /* OUT2 gates the interrupt output on a PC */
#define LSR_DR 0x01
#define LSR_THRE 0x20 /* the transmit FIFO is empty */
#define FIFO_DEPTH 16

static unsigned char in(struct uart *u, unsigned reg)
{
#if defined(__x86_64__)
	if (u->info.kind == VG_CONSOLE_NS16550_PIO)
		return vg_inb((uint16_t)(u->info.base + reg));
#endif
	return u->regs[reg << u->info.reg_shift];
}

static void out(struct uart *u, unsigned reg, unsigned char v)
{
#if defined(__x86_64__)
	if (u->info.kind == VG_CONSOLE_NS16550_PIO) {
		vg_outb((uint16_t)(u->info.base + reg), v);
		return;
	}
#endif
	u->regs[reg << u->info.reg_shift] = v;
}

static void init(struct uart *u)
{
	/* The line settings (speed, 8N1) are the firmware's or the kernel's. */
	out(u, FCR, FCR_ENABLE_CLEAR);
	out(u, MCR, MCR_DTR_RTS_OUT2);
	while (in(u, LSR) & LSR_DR)
		(void)in(u, RBR);
	out(u, IER, IER_RX | IER_LS);
}

static size_t read_bytes(struct uart *u, unsigned char *buf, size_t max)
{
	size_t n = 0;
	while (n < max && (in(u, LSR) & LSR_DR))
		buf[n++] = in(u, RBR);
	return n;
}

static size_t write_bytes(struct uart *u, const unsigned char *buf, size_t len)
{
	/* The FIFO takes FIFO_DEPTH bytes once it is empty; the kernel's
	 * polled log output may share it, which only makes us wait longer. */
	if (!(in(u, LSR) & LSR_THRE))
		return 0;
	size_t n = len < FIFO_DEPTH ? len : FIFO_DEPTH;
	for (size_t i = 0; i < n; i++)
		out(u, THR, buf[i]);
	return n;
}

static void tx_wanted(struct uart *u, bool on)
{
	out(u, IER, IER_RX | IER_LS | (on ? IER_TX : 0));
}

static void clear(struct uart *u)
{
	/* Reading LSR acknowledges a line status interrupt; the data ones
	 * went with the bytes read; THRE goes with the next write or with
	 * IER_TX off. IIR is not read: that would also acknowledge a THRE
	 * interrupt raised since the last write, and the output left over
	 * would wait for an interrupt that never comes. */
	(void)in(u, LSR);
}

static void stop(struct uart *u)
{
	out(u, IER, 0);
}

const struct uart_ops uart_ns16550_ops = {
	.init = init,
	.read = read_bytes,
	.write = write_bytes,
	.tx_wanted = tx_wanted,
	.clear = clear,
	.stop = stop,
};
