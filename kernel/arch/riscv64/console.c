// SPDX-License-Identifier: BSD-2-Clause
// The console: a polled 16550 found in the device tree, with the SBI legacy
// console as the fallback before (and whenever) the UART is not mapped. Also
// the sifive,test0 "finisher", whose FAIL command makes QEMU exit non-zero.
#include "riscv.h"
#include <kernel/fdt.h>
#include <kernel/hal.h>
#include <kernel/pmm.h>
#include <kernel/vm.h>
#include <verdigris/types.h>

/* 16550 registers (in units of 1 << reg-shift bytes). */
#define UART_THR 0 /* transmit holding (write) */
#define UART_RBR 0 /* receive buffer (read) */
#define UART_IER 1
#define UART_IIR 2 /* interrupt identification (read) */
#define UART_LSR 5
#define IER_ERBFI 0x01 /* received data available */
#define IER_ETBEI 0x02 /* transmitter holding register empty */
#define IIR_NONE 0x01 /* no interrupt pending */
#define IIR_ID_MASK 0x0e
#define IIR_THRE 0x02
#define LSR_DR 0x01
#define LSR_THRE 0x20

/* sifive,test0: a 32-bit write of 0x3333 | code << 16 makes QEMU exit(code). */
#define FINISHER_FAIL 0x3333u

static volatile uint8_t *uart; /* NULL: use the SBI console */
static paddr_t uart_pa;
static uint64_t uart_size;
static unsigned uart_shift;
static uint32_t uart_irq;
static unsigned long uart_irqs;

static volatile uint32_t *finisher;
static paddr_t finisher_pa;

static inline uint8_t uart_in(unsigned reg)
{
	return uart[reg << uart_shift];
}

static inline void uart_out(unsigned reg, uint8_t v)
{
	uart[reg << uart_shift] = v;
}

void arch_console_putc(char c)
{
	if (!uart) {
		sbi_console_putc(c);
		return;
	}
	/* Bounded: a wedged UART must not hang a panic message forever. */
	for (int i = 0; i < 1000000 && !(uart_in(UART_LSR) & LSR_THRE); i++)
		;
	uart_out(UART_THR, (uint8_t)c);
}

/* A device's first register window, if it lies where the boot physmap
 * reaches (that is how it is used until vm_init). */
static bool device_reg(const struct fdt *f, int node, paddr_t *pa, uint64_t *size)
{
	uint64_t a, s;
	if (node < 0 || !fdt_reg(f, node, 0, &a, &s) || !s || a + s > BOOT_PHYSMAP_LIMIT ||
	    a + s < a)
		return false;
	*pa = a;
	*size = s;
	return true;
}

static int find_uart(const struct fdt *f)
{
	/* The firmware's choice first (stdout-path may carry ":options"). */
	const char *path = fdt_prop_str(f, fdt_path(f, "/chosen"), "stdout-path");
	if (path) {
		char buf[128];
		size_t i = 0;
		for (; path[i] && path[i] != ':' && i < sizeof(buf) - 1; i++)
			buf[i] = path[i];
		buf[i] = 0;
		int n = fdt_path(f, buf);
		if (n >= 0 &&
		    (fdt_is_compatible(f, n, "ns16550a") || fdt_is_compatible(f, n, "ns16550")))
			return n;
	}
	int n = fdt_find_compatible(f, -1, "ns16550a");
	return n >= 0 ? n : fdt_find_compatible(f, -1, "ns16550");
}

void console_setup_early(const struct fdt *f)
{
	int n = find_uart(f);
	if (device_reg(f, n, &uart_pa, &uart_size)) {
		uart_shift = fdt_prop_u32(f, n, "reg-shift", 0) & 3;
		uart_irq = fdt_prop_u32(f, n, "interrupts", 0);
		uart = phys_to_virt(uart_pa);
		/* OpenSBI set the line up already; only make sure the UART
		 * raises no interrupt until someone asks for one. */
		uart_out(UART_IER, 0);
	}
	n = fdt_find_compatible(f, -1, "sifive,test0");
	uint64_t size;
	if (device_reg(f, n, &finisher_pa, &size))
		finisher = phys_to_virt(finisher_pa);
}

void console_map(void)
{
	/* The physmap addresses died with the boot page table: until the new
	 * mappings exist, anything printed (a panic in vm_map_mmio) goes to
	 * the SBI console. */
	volatile uint8_t *u = uart;
	uart = NULL;
	finisher = NULL;
	if (u)
		uart = vm_map_mmio(uart_pa, uart_size);
	if (finisher_pa)
		finisher = vm_map_mmio(finisher_pa, PAGE_SIZE);
}

void console_use_sbi(void)
{
	uart = NULL;
}

void finisher_fail(void)
{
	if (finisher)
		*finisher = FINISHER_FAIL | 1u << 16;
}

static void uart_interrupt(void *arg)
{
	(void)arg;
	uart_irqs++;
	/* Drain every cause; a cause left pending keeps the line raised. */
	for (int i = 0; i < 64; i++) {
		uint8_t iir = uart_in(UART_IIR);
		if (iir & IIR_NONE)
			break;
		if ((iir & IIR_ID_MASK) == IIR_THRE) {
			/* Reading IIR acknowledged it; one shot is all we asked for. */
			uart_out(UART_IER, uart_in(UART_IER) & ~IER_ETBEI);
		} else {
			/* No reader for input yet: drop it, acknowledge line status. */
			while (uart_in(UART_LSR) & LSR_DR)
				(void)uart_in(UART_RBR);
		}
	}
}

/* Only the PLIC test takes the UART's interrupt, for its duration: after
 * boot the line belongs to the user-space driver (irq_create). */
void console_attach_irq(void)
{
	if (uart && uart_irq)
		plic_attach(uart_irq, uart_interrupt, NULL);
}

void console_detach_irq(void)
{
	if (uart && uart_irq)
		arch_irq_line_detach(uart_irq);
}

void uart_kick_tx_irq(void)
{
	/* With the holding register empty (it always is between polled
	 * writes), enabling ETBEI raises the interrupt at once. */
	if (uart)
		uart_out(UART_IER, uart_in(UART_IER) | IER_ETBEI);
}

unsigned long uart_irq_count(void)
{
	return uart_irqs;
}

bool uart_has_irq(void)
{
	return uart && uart_irq;
}

bool arch_console_describe(struct vg_console_info *out)
{
	if (!uart_pa)
		return false;
	*out = (struct vg_console_info){ .kind = VG_CONSOLE_NS16550_MMIO,
					 .irq = uart_irq,
					 .base = uart_pa,
					 .size = uart_size,
					 .reg_shift = uart_shift };
	return true;
}
