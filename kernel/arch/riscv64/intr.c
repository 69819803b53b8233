// SPDX-License-Identifier: BSD-2-Clause
// Interruptions on RISC-V: entering the user's entry and taking a saved
// context back (hal.h; the generic part is kernel/core/interrupt.c).
#include "riscv.h"
#include <kernel/hal.h>
#include <verdigris/errors.h>

/* The sstatus bits that may differ from the kernel's copy: FS, VS, XS and
 * SD, which the kernel manages (lazy FP). Everything else (SPP, SPIE, SUM,
 * MXR, UXL...) is not the user's to choose. */
#define SSTATUS_MANAGED (SSTATUS_FS | SSTATUS_VS | (3ul << 15) | (1ul << 63))

void arch_regs_enter_handler(struct arch_regs *r, uintptr_t entry, uintptr_t sp, uint64_t arg0,
			     uint64_t arg1)
{
	r->sepc = entry;
	r->x[2] = sp;
	r->x[10] = arg0;
	r->x[11] = arg1;
	r->x[1] = 0; /* a return from the entry faults */
	r->x[8] = 0; /* the end of the frame chain */
}

int arch_regs_restore_user(struct arch_regs *r, const struct arch_regs *from)
{
	if (from->sepc >= USER_TOP || ((from->sstatus ^ r->sstatus) & ~SSTATUS_MANAGED))
		return ERR_INVALID_ARGS;
	for (int i = 1; i < 32; i++)
		r->x[i] = from->x[i];
	r->sepc = from->sepc;
	return 0;
}

int arch_fpu_check_state(const void *state)
{
	/* fcsr ignores writes to its reserved bits. */
	(void)state;
	return 0;
}
