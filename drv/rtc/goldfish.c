// SPDX-License-Identifier: BSD-2-Clause
// The Goldfish RTC (RISC-V virt): nanoseconds since the epoch in two 32-bit
// registers. Reading TIME_LOW latches the high half, so TIME_LOW goes first
// and the two halves belong to the same instant. A write of either half
// sets that half of the count; the high half goes first, as Linux's
// driver writes it, so the low write ends with the whole time in place.
#include "rtc.h"

#define GOLDFISH_TIME_LOW 0x00
#define GOLDFISH_TIME_HIGH 0x04

long rtc_goldfish_read(struct rtc *r, uint64_t *ns)
{
	uint32_t lo = *(volatile uint32_t *)(r->regs + GOLDFISH_TIME_LOW);
	uint32_t hi = *(volatile uint32_t *)(r->regs + GOLDFISH_TIME_HIGH);
	*ns = (uint64_t)hi << 32 | lo;
	return 0;
}

long rtc_goldfish_write(struct rtc *r, uint64_t ns)
{
	*(volatile uint32_t *)(r->regs + GOLDFISH_TIME_HIGH) = (uint32_t)(ns >> 32);
	*(volatile uint32_t *)(r->regs + GOLDFISH_TIME_LOW) = (uint32_t)ns;
	return 0;
}
