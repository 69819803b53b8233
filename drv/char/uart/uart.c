// SPDX-License-Identifier: BSD-2-Clause
// Finding and taking the console UART (uart.h).
#include "uart.h"

#define PAGE 4096u

static long map_registers(struct uart *u, vg_handle_t resource)
{
	uint64_t base = u->info.base & ~(uint64_t)(PAGE - 1);
	uint64_t off = u->info.base - base;
	uint64_t size = (off + u->info.size + PAGE - 1) & ~(uint64_t)(PAGE - 1);
	long st = vg_vmo_create_physical(resource, base, size, VG_CACHE_UNCACHED, &u->window);
	if (st)
		return st;
	uintptr_t addr = 0;
	st = vg_vm_map(vg_startup()->self, u->window, 0, size, VG_VM_READ | VG_VM_WRITE, &addr);
	if (st) {
		vg_handle_close(u->window);
		return st;
	}
	u->regs = (volatile unsigned char *)(addr + off);
	return 0;
}

static long take_ports(struct uart *u, vg_handle_t resource)
{
	long st = vg_ioport_create(resource, (uint32_t)u->info.base, (uint32_t)u->info.size,
				   &u->window);
	if (!st && (st = vg_ioport_enable(u->window, 1)))
		vg_handle_close(u->window);
	return st;
}

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
		st = take_ports(u, resource);
		break;
	case VG_CONSOLE_NS16550_MMIO:
		u->ops = &uart_ns16550_ops;
		st = map_registers(u, resource);
		break;
	case VG_CONSOLE_PL011:
		u->ops = &uart_pl011_ops;
		st = map_registers(u, resource);
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
