// SPDX-License-Identifier: BSD-2-Clause
// Interruptions on x86_64: entering the user's entry and taking a saved
// context back (hal.h; the generic part is kernel/core/interrupt.c).
#include <arch/x86.h>
#include <kernel/hal.h>
#include <verdigris/errors.h>

#define RFLAGS_FIXED 0x2 /* always reads as 1 */
#define RFLAGS_IF 0x200
/* What user mode may hold in RFLAGS: CF PF AF ZF SF DF OF, RF (set in
 * the image a fault pushes), AC and ID.
 * Never TF (a debug trap the kernel does not expect), IOPL, NT, RF, VM,
 * VIF or VIP; IF always on. */
#define RFLAGS_USER 0x254cd5ull
/* The lower half of the 48-bit address space: a stack pointer beyond it is
 * not canonical. */
#define USER_CANONICAL_END 0x0000800000000000ull

void arch_regs_enter_handler(struct arch_regs *r, uintptr_t entry, uintptr_t sp, uint64_t arg0,
			     uint64_t arg1)
{
	/* As if called: the zero "return address" below the frame is at
	 * rsp, so rsp + 8 is 16-byte aligned as the ABI wants at entry; DF
	 * clear. */
	r->rip = entry;
	r->rsp = sp - 8;
	r->rdi = arg0;
	r->rsi = arg1;
	r->rbp = 0;
	r->rflags = RFLAGS_IF | RFLAGS_FIXED;
}

int arch_regs_restore_user(struct arch_regs *r, const struct arch_regs *from)
{
	if (from->rip >= USER_TOP || from->rsp >= USER_CANONICAL_END || from->cs != USER_CS ||
	    from->ss != USER_SS || (from->rflags & ~(RFLAGS_USER | RFLAGS_IF | RFLAGS_FIXED)) ||
	    !(from->rflags & RFLAGS_IF))
		return ERR_INVALID_ARGS;
	uint64_t vector = r->vector, error = r->error;
	*r = *from;
	r->vector = vector;
	r->error = error;
	return 0;
}

int arch_fpu_check_state(const void *state)
{
	/* fxrstor64 faults (#GP, in the kernel) on MXCSR bits the CPU does
	 * not implement: MXCSR_MASK from a save of the live state says which
	 * (0 there means the default mask, without DAZ). */
	static uint32_t mask;
	if (!mask) {
		static uint8_t probe[ARCH_FPU_STATE_SIZE] __attribute__((aligned(16)));
		arch_fpu_save(probe);
		mask = *(const uint32_t *)(probe + 28);
		if (!mask)
			mask = 0xffbf;
	}
	uint32_t mxcsr = *(const uint32_t *)((const uint8_t *)state + 24);
	return mxcsr & ~mask ? ERR_INVALID_ARGS : 0;
}
