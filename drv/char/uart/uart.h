/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The console UART from user space (docs/ARCHITECTURE.md section 18): a
 * 16550 (x86 I/O ports, or memory-mapped on RISC-V virt) or a PL011
 * (AArch64 virt), found with console_info and reached through the
 * resource. Receive is interrupt-driven; transmit fills the FIFO and asks
 * for the transmitter-ready interrupt only while bytes are left over.
 * Not thread-safe: the caller serializes (srv/console holds one lock).
 */
#ifndef DRV_CHAR_UART_H
#define DRV_CHAR_UART_H

#include <stdbool.h>
#include <stddef.h>
#include <vg/vg.h>

struct uart;

/* One kind of UART: its registers and interrupt causes. */
struct uart_ops {
	void (*init)(struct uart *u); /* FIFOs on, receive interrupts on */
	size_t (*read)(struct uart *u, unsigned char *buf, size_t max);
	size_t (*write)(struct uart *u, const unsigned char *buf, size_t n);
	void (*tx_wanted)(struct uart *u, bool on);
	/* Clears the causes that reading and writing do not (after them). */
	void (*clear)(struct uart *u);
	void (*stop)(struct uart *u); /* interrupts off again */
};

struct uart {
	struct vg_console_info info;
	const struct uart_ops *ops;
	volatile unsigned char *regs; /* mapped registers (MMIO kinds) */
	vg_handle_t window; /* the vmo or ioport behind them */
	vg_handle_t irq;
	bool tx_on;
};

extern const struct uart_ops uart_ns16550_ops, uart_pl011_ops;

/* Finds the console UART, takes its registers and interrupt line with
 * resource, and starts it. 0 or an ERR_* (ERR_NOT_FOUND: no UART, or no
 * interrupt line known for it). */
long uart_open(struct uart *u, vg_handle_t resource);
/* Interrupts off, registers and line given back. */
void uart_close(struct uart *u);

static inline size_t uart_read(struct uart *u, unsigned char *buf, size_t max)
{
	return u->ops->read(u, buf, max);
}
static inline size_t uart_write(struct uart *u, const unsigned char *buf, size_t n)
{
	return u->ops->write(u, buf, n);
}
/* The transmitter-ready interrupt on or off (no register access when it
 * is already so). */
void uart_tx_wanted(struct uart *u, bool on);
static inline void uart_clear(struct uart *u)
{
	u->ops->clear(u);
}

#endif
