// SPDX-License-Identifier: BSD-2-Clause
// The ARM PL011 (AArch64 virt): 32-bit registers.
#include "uart.h"

#define DR 0x00
#define FR 0x18
#define IFLS 0x34
#define IMSC 0x38 /* interrupt mask set/clear: 1 enables */
#define ICR 0x44 /* interrupt clear */
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define INT_RX (1u << 4)
#define INT_TX (1u << 5)
#define INT_RT (1u << 6) /* receive timeout: bytes sit below the FIFO level */
#define INT_ERRORS (0xfu << 7) /* framing, parity, break, overrun */
#define IFLS_RX_EIGHTH_TX_HALF 0x10 /* RX at 1/8 full, TX at 1/2 empty */

static uint32_t reg(struct uart *u, unsigned off)
{
	return *(volatile uint32_t *)(u->regs + off);
}

static void set(struct uart *u, unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(u->regs + off) = v;
}

static void init(struct uart *u)
{
	/* Speed and framing are the firmware's (QEMU needs none). */
	set(u, IFLS, IFLS_RX_EIGHTH_TX_HALF);
	while (!(reg(u, FR) & FR_RXFE))
		(void)reg(u, DR);
	set(u, ICR, 0x7ff);
	set(u, IMSC, INT_RX | INT_RT);
}

static size_t read_bytes(struct uart *u, unsigned char *buf, size_t max)
{
	size_t n = 0;
	while (n < max && !(reg(u, FR) & FR_RXFE))
		buf[n++] = (unsigned char)reg(u, DR); /* bits 8-11: errors, dropped */
	return n;
}

static size_t write_bytes(struct uart *u, const unsigned char *buf, size_t len)
{
	size_t n = 0;
	while (n < len && !(reg(u, FR) & FR_TXFF))
		set(u, DR, buf[n++]);
	return n;
}

static void tx_wanted(struct uart *u, bool on)
{
	set(u, IMSC, INT_RX | INT_RT | (on ? INT_TX : 0));
}

static void clear(struct uart *u)
{
	/* The receive timeout and errors stay raised until cleared here; the
	 * RX and TX levels follow the FIFOs. */
	set(u, ICR, INT_RT | INT_ERRORS | (u->tx_on ? 0 : INT_TX));
}

static void stop(struct uart *u)
{
	set(u, IMSC, 0);
}

const struct uart_ops uart_pl011_ops = {
	.init = init,
	.read = read_bytes,
	.write = write_bytes,
	.tx_wanted = tx_wanted,
	.clear = clear,
	.stop = stop,
};
