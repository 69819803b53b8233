// SPDX-License-Identifier: BSD-2-Clause
// Irq objects against a real device of each QEMU machine: the line is
// masked when it fires, delivered through a port and unmasked by irq_ack.
// x86_64: the CMOS RTC's periodic interrupt (ISA IRQ 8, edge-triggered);
// AArch64 virt: the PL031 RTC's alarm (SPI 2, INTID 34, level); RISC-V virt:
// the goldfish RTC's alarm (PLIC source 11).
#include "../utest.h"

#define MS 1000000ull

struct dev {
	uint32_t line;
	uintptr_t regs; /* mapped registers (MMIO devices) */
	vg_handle_t h; /* the ioport or vmo behind them */
};

#if defined(__x86_64__)
#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define NMI_OFF 0x80

static uint8_t cmos_read(uint8_t reg)
{
	vg_outb(CMOS_INDEX, NMI_OFF | reg);
	return vg_inb(CMOS_DATA);
}

static void cmos_write(uint8_t reg, uint8_t v)
{
	vg_outb(CMOS_INDEX, NMI_OFF | reg);
	vg_outb(CMOS_DATA, v);
}

static uint8_t saved_a, saved_b;

static long dev_open(struct dev *d)
{
	d->line = 8; /* ISA IRQ 8 */
	long st = vg_ioport_create(resource_h, CMOS_INDEX, 2, &d->h);
	if (!st)
		st = vg_ioport_enable(d->h, 1);
	return st;
}

/* Periodic interrupts at 1024 Hz: each one raises the line once, and the
 * next only after register C was read. */
static void dev_start(struct dev *d)
{
	(void)d;
	saved_a = cmos_read(0x0a);
	saved_b = cmos_read(0x0b);
	cmos_write(0x0a, (saved_a & 0xf0) | 0x06);
	cmos_read(0x0c);
	cmos_write(0x0b, saved_b | 0x40);
}

/* After an interrupt: makes the device interrupt again soon (dev_again on
 * each arch). Here: reading register C lets the next period (within 1 ms)
 * raise the line again. */
static void dev_again(struct dev *d)
{
	(void)d;
	cmos_read(0x0c);
}

static void dev_stop(struct dev *d)
{
	(void)d;
	cmos_write(0x0b, saved_b & ~0x40);
	cmos_write(0x0a, saved_a);
	cmos_read(0x0c);
}

static void dev_close(struct dev *d)
{
	vg_ioport_enable(d->h, 0);
	vg_handle_close(d->h);
}

#define NO_SUCH_LINE 100 /* q35's one I/O APIC has GSIs 0-23 */

#else /* the MMIO RTCs */

static volatile uint32_t *reg(struct dev *d, uint32_t off)
{
	return (volatile uint32_t *)(d->regs + off);
}

#if defined(__aarch64__)
#define DEV_BASE 0x09010000ull
#define DEV_LINE 34
#define PL031_DR 0x00
#define PL031_MR 0x04
#define PL031_IMSC 0x10
#define PL031_ICR 0x1c
#define NO_SUCH_LINE 27 /* a PPI (the virtual timer's): no SPI */

/* An alarm at the next second: the PL031 counts whole seconds, so this one
 * takes up to 1 s. */
static void dev_start(struct dev *d)
{
	*reg(d, PL031_ICR) = 1;
	*reg(d, PL031_MR) = *reg(d, PL031_DR) + 1;
	*reg(d, PL031_IMSC) = 1;
}

/* The PL031 still asserts its level-triggered line: the GIC delivers it
 * again as soon as it is unmasked. */
static void dev_again(struct dev *d)
{
	(void)d;
}

static void dev_stop(struct dev *d)
{
	*reg(d, PL031_IMSC) = 0;
	*reg(d, PL031_ICR) = 1;
}
#else
#define DEV_BASE 0x101000ull
#define DEV_LINE 11
#define GF_TIME_LOW 0x00
#define GF_TIME_HIGH 0x04
#define GF_ALARM_LOW 0x08
#define GF_ALARM_HIGH 0x0c
#define GF_IRQ_ENABLED 0x10
#define GF_CLEAR_ALARM 0x14
#define GF_CLEAR_INTERRUPT 0x1c
#define NO_SUCH_LINE 0 /* PLIC source 0 does not exist */

/* An alarm 1 ms from now (the goldfish RTC counts nanoseconds). */
static void alarm_soon(struct dev *d)
{
	uint64_t now = *reg(d, GF_TIME_LOW); /* latches TIME_HIGH */
	now |= (uint64_t)*reg(d, GF_TIME_HIGH) << 32;
	uint64_t at = now + 1 * MS;
	*reg(d, GF_CLEAR_INTERRUPT) = 1;
	*reg(d, GF_IRQ_ENABLED) = 1;
	*reg(d, GF_ALARM_HIGH) = (uint32_t)(at >> 32);
	*reg(d, GF_ALARM_LOW) = (uint32_t)at; /* sets the alarm */
}

static void dev_start(struct dev *d)
{
	alarm_soon(d);
}

/* The goldfish RTC's line is level-triggered, but QEMU's PLIC takes a new
 * request from a source only when its line rises again after the claim was
 * completed: clear the interrupt and set another alarm. */
static void dev_again(struct dev *d)
{
	alarm_soon(d);
}

static void dev_stop(struct dev *d)
{
	*reg(d, GF_CLEAR_ALARM) = 1;
	*reg(d, GF_IRQ_ENABLED) = 0;
	*reg(d, GF_CLEAR_INTERRUPT) = 1;
}
#endif

static long dev_open(struct dev *d)
{
	d->line = DEV_LINE;
	long st = vg_vmo_create_physical(resource_h, DEV_BASE, 4096, VG_CACHE_UNCACHED, &d->h);
	if (!st)
		st = vg_vm_map(self_h, d->h, 0, 4096, VG_VM_READ | VG_VM_WRITE, &d->regs);
	return st;
}

static void dev_close(struct dev *d)
{
	vg_vm_unmap(self_h, d->regs, 4096);
	vg_handle_close(d->h);
}
#endif

static void sleep_ms(uint64_t ms)
{
	vg_thread_sleep_until((uint64_t)vg_clock_monotonic() + ms * MS);
}

UTEST(irq_delivers_a_device_interrupt_through_a_port)
{
	struct dev d;
	vg_handle_t irq, port, again;
	struct vg_port_packet pkt;
	CHECK_EQ(dev_open(&d), 0);
	CHECK_EQ(vg_irq_create(resource_h, d.line, 0, &irq), 0);
	CHECK_EQ(vg_port_create(&port), 0);
	CHECK_EQ(vg_port_bind(port, irq, 5), 0);
	CHECK_EQ(next_packet(port, 20 * MS, &pkt), ERR_TIMED_OUT); /* the device is quiet */

	/* The first interrupt. */
	dev_start(&d);
	CHECK_EQ(next_packet(port, 2000 * MS, &pkt), 0);
	CHECK(pkt.key == 5 && pkt.type == VG_PACKET_IRQ);
	CHECK_EQ(pkt.data[0], 1);
	CHECK_EQ(pkt.data[1], d.line);

	/* The line stays masked until irq_ack, though the device wants to
	 * interrupt again. */
	dev_again(&d);
	CHECK_EQ(vg_port_bind(port, irq, 6), 0);
	CHECK_EQ(next_packet(port, 20 * MS, &pkt), ERR_TIMED_OUT);

	/* The second: irq_ack unmasks the line. */
	CHECK_EQ(vg_irq_ack(irq), 0);
	CHECK_EQ(next_packet(port, 1000 * MS, &pkt), 0);
	CHECK(pkt.key == 6 && pkt.type == VG_PACKET_IRQ);
	CHECK_EQ(pkt.data[0], 1);

	/* Interrupts while no binding is armed are counted: two more, one
	 * packet. */
	dev_again(&d);
	CHECK_EQ(vg_irq_ack(irq), 0);
	sleep_ms(20);
	dev_again(&d);
	CHECK_EQ(vg_irq_ack(irq), 0);
	sleep_ms(20);
	CHECK_EQ(vg_port_bind(port, irq, 7), 0);
	CHECK_EQ(next_packet(port, 1000 * MS, &pkt), 0);
	CHECK(pkt.key == 7 && pkt.type == VG_PACKET_IRQ);
	CHECK_EQ(pkt.data[0], 2);

	/* Quiet the device, acknowledge: nothing more arrives, and there is
	 * nothing left to acknowledge. */
	dev_stop(&d);
	CHECK_EQ(vg_irq_ack(irq), 0);
	CHECK_EQ(vg_port_bind(port, irq, 8), 0);
	CHECK_EQ(next_packet(port, 20 * MS, &pkt), ERR_TIMED_OUT);
	CHECK_EQ(vg_irq_ack(irq), ERR_BAD_STATE);

	/* One object per line; closing it frees the line and cancels its
	 * bindings. */
	CHECK_EQ(vg_irq_create(resource_h, d.line, 0, &again), ERR_BUSY);
	CHECK_EQ(vg_handle_close(irq), 0);
	CHECK_EQ(next_packet(port, 1000 * MS, &pkt), ERR_CANCELED);
	CHECK_EQ(pkt.key, 8);
	CHECK_EQ(vg_irq_create(resource_h, d.line, 0, &again), 0);
	CHECK_EQ(vg_handle_close(again), 0);
	CHECK_EQ(vg_handle_close(port), 0);
	dev_close(&d);
}

UTEST(irq_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
#if defined(__x86_64__)
	const uint32_t line = 8;
#else
	const uint32_t line = DEV_LINE;
#endif
	vg_handle_t irq, res, mmio, closed, nomanage, noack, nowait, port, out;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, line, 1, &res), 0);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_MMIO, 0x10000000, 4096, &mmio), 0);
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IRQ, line, 1, &closed), 0);
	CHECK_EQ(vg_handle_close(closed), 0);
	CHECK_EQ(vg_handle_duplicate(res, VG_RIGHT_DUPLICATE, &nomanage), 0);
	CHECK_EQ(vg_port_create(&port), 0);

	/* irq_create */
	CHECK_EQ(vg_irq_create(0, line, 0, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_irq_create(closed, line, 0, &out), ERR_BAD_HANDLE);
	CHECK_EQ(vg_irq_create(port, line, 0, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_irq_create(mmio, line, 0, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_irq_create(nomanage, line, 0, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_irq_create(res, line + 1, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_irq_create(res, line - 1, 0, &out), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_irq_create(res, line, 1, &out), ERR_INVALID_ARGS);
	CHECK_EQ(vg_irq_create(resource_h, NO_SUCH_LINE, 0, &out), ERR_NOT_FOUND);
	CHECK_EQ(vg_irq_create(resource_h, 5000, 0, &out), ERR_NOT_FOUND);
	CHECK_EQ(vg_irq_create(resource_h, 0xffffffffu, 0, &out), ERR_NOT_FOUND);
	/* A bad out pointer leaves the line free. */
	CHECK_EQ(vg_irq_create(res, line, 0, (vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_irq_create(res, line, 0, &irq), 0);
	CHECK_EQ(vg_irq_create(res, line, 0, &out), ERR_BUSY);
#if defined(__x86_64__)
	/* q35's MADT moves ISA IRQ 0 to GSI 2: ISA IRQ 2's pin. */
	CHECK_EQ(vg_irq_create(resource_h, 0, 0, &out), 0);
	vg_handle_t two;
	CHECK_EQ(vg_irq_create(resource_h, 2, 0, &two), ERR_BUSY);
	CHECK_EQ(vg_handle_close(out), 0);
	CHECK_EQ(vg_irq_create(resource_h, 2, 0, &two), 0);
	CHECK_EQ(vg_handle_close(two), 0);
#endif

	/* irq_ack, and binding without the wait right */
	CHECK_EQ(vg_handle_duplicate(irq, VG_RIGHT_WAIT, &noack), 0);
	CHECK_EQ(vg_handle_duplicate(irq, VG_RIGHT_WRITE, &nowait), 0);
	CHECK_EQ(vg_irq_ack(0), ERR_BAD_HANDLE);
	CHECK_EQ(vg_irq_ack(closed), ERR_BAD_HANDLE);
	CHECK_EQ(vg_irq_ack(port), ERR_WRONG_TYPE);
	CHECK_EQ(vg_irq_ack(noack), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_irq_ack(irq), ERR_BAD_STATE); /* nothing fired */
	CHECK_EQ(vg_irq_ack(nowait), ERR_BAD_STATE);
	CHECK_EQ(vg_port_bind(port, nowait, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_port_bind(port, noack, 1), 0);
	struct vg_port_packet pkt;
	CHECK_EQ(next_packet(port, 5 * MS, &pkt), ERR_TIMED_OUT);

	/* The line stays taken until the last handle goes. */
	CHECK_EQ(vg_handle_close(irq), 0);
	CHECK_EQ(vg_handle_close(nowait), 0);
	CHECK_EQ(vg_irq_create(res, line, 0, &out), ERR_BUSY);
	CHECK_EQ(vg_handle_close(noack), 0);
	CHECK_EQ(next_packet(port, 1000 * MS, &pkt), ERR_CANCELED);
	CHECK_EQ(vg_irq_create(res, line, 0, &out), 0);
	CHECK_EQ(vg_handle_close(out), 0);

	CHECK_EQ(vg_handle_close(port), 0);
	CHECK_EQ(vg_handle_close(nomanage), 0);
	CHECK_EQ(vg_handle_close(mmio), 0);
	CHECK_EQ(vg_handle_close(res), 0);
}
