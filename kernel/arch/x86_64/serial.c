// SPDX-License-Identifier: BSD-2-Clause
// COM1 (16550 at I/O port 0x3f8), polled: the early and panic console.
#include <arch/x86.h>
#include <kernel/hal.h>
#include <verdigris/types.h>

#define COM1 0x3f8
#define LSR_THR_EMPTY 0x20

void serial_init(void)
{
	outb(COM1 + 1, 0x00); /* no interrupts */
	outb(COM1 + 3, 0x80); /* DLAB: set the divisor */
	outb(COM1 + 0, 0x01); /* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03); /* 8N1 */
	outb(COM1 + 2, 0xc7); /* FIFO on, cleared, 14-byte threshold */
	outb(COM1 + 4, 0x03); /* DTR, RTS */
}

void arch_console_putc(char c)
{
	/* Bounded wait: a missing UART (some real PCs) must not hang the kernel. */
	for (int i = 0; i < 100000 && !(inb(COM1 + 5) & LSR_THR_EMPTY); i++)
		;
	outb(COM1, (uint8_t)c);
}

bool arch_console_describe(struct vg_console_info *out)
{
	/* COM1's fixed PC address and ISA line. */
	*out = (struct vg_console_info){
		.kind = VG_CONSOLE_NS16550_PIO, .irq = 4, .base = COM1, .size = 8
	};
	return true;
}
