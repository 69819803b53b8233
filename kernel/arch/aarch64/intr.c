// SPDX-License-Identifier: BSD-2-Clause
// Interruptions on AArch64: entering the user's entry and taking a saved
// context back (hal.h; the generic part is kernel/core/interrupt.c).
#include <kernel/hal.h>
#include <verdigris/errors.h>

/* What EL0 may hold in SPSR: NZCV, DIT (24), SSBS (12) and BTYPE (11:10).
 * Never the mode (EL0t only), the DAIF masks, SS, IL, PAN or UAO. */
#define SPSR_USER 0xf1001c00ull

void arch_regs_enter_handler(struct arch_regs *r, uintptr_t entry, uintptr_t sp, uint64_t arg0,
			     uint64_t arg1)
{
	r->elr = entry;
	r->sp = sp;
	r->x[0] = arg0;
	r->x[1] = arg1;
	r->x[29] = 0; /* the end of the frame chain */
	r->x[30] = 0; /* a return from the entry faults */
	r->spsr = 0; /* EL0t, flags clear */
}

int arch_regs_restore_user(struct arch_regs *r, const struct arch_regs *from)
{
	if (from->elr >= USER_TOP || (from->spsr & ~SPSR_USER))
		return ERR_INVALID_ARGS;
	uint64_t esr = r->esr, far = r->far;
	*r = *from;
	r->esr = esr;
	r->far = far;
	r->pad = 0;
	return 0;
}

int arch_fpu_check_state(const void *state)
{
	/* FPSR and FPCR ignore writes to bits they do not implement. */
	(void)state;
	return 0;
}
