/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 port I/O for drivers: one instruction each, inline like the system
 * call primitives. A port works only after ioport_enable of an ioport
 * object that covers it; otherwise the instruction faults (#GP) and the
 * kernel kills the thread with a report.
 */
#ifndef VG_IOPORT_H
#define VG_IOPORT_H

#include <stdint.h>

static inline uint8_t vg_inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

static inline void vg_outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port) : "memory");
}

#endif
