/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User FP state: f0-f31 and fcsr (ARCH_FPU_STATE_SIZE bytes, FPU_* offsets
 * in riscv.h), saved and restored eagerly by the scheduler around user
 * threads.
 *
 * The kernel is rv64imac and never touches the FP registers, so between a
 * user thread's entry and its switch-out they still hold its values. In the
 * kernel sstatus.FS is Off (boot.S, and every trap entry clears it), so a
 * stray FP instruction traps; these two routines turn FS on for their few
 * instructions only (the scheduler calls them with interrupts masked).
 * U-mode gets its own FS from the saved sstatus on return (trap.S).
 *
 * This file alone is assembled with the D extension (arch.mk).
 */
#include "riscv.h"

	.text
/* void arch_fpu_save(void *state) */
	.globl arch_fpu_save
arch_fpu_save:
	li	t1, SSTATUS_FS
	csrs	sstatus, t1
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fsd	f\n, FPU_F(\n)(a0)
	.endr
	frcsr	t0
	sd	t0, FPU_FCSR(a0)
	csrc	sstatus, t1
	ret

/* void arch_fpu_restore(const void *state) */
	.globl arch_fpu_restore
arch_fpu_restore:
	li	t1, SSTATUS_FS
	csrs	sstatus, t1
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fld	f\n, FPU_F(\n)(a0)
	.endr
	ld	t0, FPU_FCSR(a0)
	fscsr	t0
	csrc	sstatus, t1
	ret
