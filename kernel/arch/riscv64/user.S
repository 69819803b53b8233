/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Copies between kernel and user memory.
 *
 * int arch_copy_from_user(void *dst, const void *usrc, size_t n)
 * int arch_copy_to_user(void *udst, const void *src, size_t n)
 *
 * The kernel reaches U pages only while sstatus.SUM is set, and it is set
 * only here, around the copy loop. The one instruction that touches user
 * memory in each loop has an exception-table entry. A page fault there on
 * a page the process has mapped but not touched yet is resolved and the
 * instruction retried (trap.c, user_fault_from_kernel); any other fault
 * (unmapped or protected) resumes at the fixup, which clears SUM and
 * returns -1. A fault on the kernel side has no entry and stays fatal.
 * The trap entry clears SUM for the handler, and the return restores it
 * from the saved sstatus, so a preempted copy resumes with SUM set while
 * whatever runs meanwhile does not have it. The caller (usercopy.c) has
 * checked that the user range lies below USER_TOP; n = 0 copies nothing.
 */
#include "riscv.h"

	.text
	.globl arch_copy_from_user
arch_copy_from_user:
	li	t1, SSTATUS_SUM
	beqz	a2, copy_done
	csrs	sstatus, t1
1:	lbu	t0, 0(a1)		/* user */
	sb	t0, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	bnez	a2, 1b
	csrc	sstatus, t1
copy_done:
	li	a0, 0
	ret
/* Both copies fault here (through the exception table): SUM off, -1. */
copy_fault:
	li	t1, SSTATUS_SUM
	csrc	sstatus, t1
	li	a0, -1
	ret
	.pushsection __extable, "a"
	.balign 8
	.quad	1b, copy_fault
	.popsection

	.globl arch_copy_to_user
arch_copy_to_user:
	li	t1, SSTATUS_SUM
	beqz	a2, copy_done
	csrs	sstatus, t1
4:	lbu	t0, 0(a1)
5:	sb	t0, 0(a0)		/* user */
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	bnez	a2, 4b
	csrc	sstatus, t1
	j	copy_done
	.pushsection __extable, "a"
	.balign 8
	.quad	5b, copy_fault
	.popsection
