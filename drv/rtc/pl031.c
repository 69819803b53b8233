// SPDX-License-Identifier: BSD-2-Clause
// The ARM PL031 (AArch64 virt): its data register (RTCDR, offset 0) counts
// seconds since the epoch in 32 bits; a write of the load register
// (RTCLR, offset 8) sets it.
#include "rtc.h"

#define PL031_DR 0x00
#define PL031_LR 0x08

long rtc_pl031_read(struct rtc *r, uint64_t *ns)
{
	uint32_t s = *(volatile uint32_t *)(r->regs + PL031_DR);
	*ns = (uint64_t)s * 1000000000u;
	return 0;
}

long rtc_pl031_write(struct rtc *r, uint64_t ns)
{
	uint64_t s = ns / 1000000000u;
	if (s > UINT32_MAX) /* after 2106 */
		return ERR_OUT_OF_RANGE;
	*(volatile uint32_t *)(r->regs + PL031_LR) = (uint32_t)s;
	return 0;
}
