// SPDX-License-Identifier: BSD-2-Clause
// Finding and taking the console UART (uart.h).
#include "uart.h"

#include "../../lib/devregs.h"

long uart_open(struct uart *u, vg_handle_t resource)
{
	*u = (struct uart){ 0 };
	long st = vg_console_info(&u->info);
	if (st)
		return st;
	if (!u->info.irq)
		return ERR_NOT_FOUND; /* receiving needs the interrupt */
	switch (u->info.kind) {
	case VG_CONSOLE_NS16550_PIO:
		u->ops = &uart_ns16550_ops;
		st = devregs_take_ports(resource, u->info.base, u->info.size, &u->window);
		break;
	case VG_CONSOLE_NS16550_MMIO:
		u->ops = &uart_ns16550_ops;
		st = devregs_map(resource, u->info.base, u->info.size, VG_VM_READ | VG_VM_WRITE,
				 &u->window, &u->regs);
		break;
	case VG_CONSOLE_PL011:
		u->ops = &uart_pl011_ops;
		st = devregs_map(resource, u->info.base, u->info.size, VG_VM_READ | VG_VM_WRITE,
				 &u->window, &u->regs);
		break;
	default: return ERR_NOT_SUPPORTED;
	}
	if (st)
		return st;
	if ((st = vg_irq_create(resource, u->info.irq, 0, &u->irq))) {
		vg_handle_close(u->window);
		return st;
	}
	u->ops->init(u);
	return 0;
}

void uart_close(struct uart *u)
{
	u->ops->stop(u);
	vg_handle_close(u->irq);
	vg_handle_close(u->window);
}

void uart_tx_wanted(struct uart *u, bool on)
{
	if (u->tx_on != on) {
		u->tx_on = on;
		u->ops->tx_wanted(u, on);
	}
}
