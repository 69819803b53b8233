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
/* Words while both addresses are 8-aligned (a byte a step costs six
 * instructions a byte: the bulk file data goes through here), then bytes. */
	.globl arch_copy_from_user
arch_copy_from_user:
	li	t1, SSTATUS_SUM
	beqz	a2, copy_done
	csrs	sstatus, t1
	or	t2, a0, a1
	andi	t2, t2, 7
	li	t3, 8
	bnez	t2, 2f
	bltu	a2, t3, 2f
1:	ld	t0, 0(a1)		/* user */
	sd	t0, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	bgeu	a2, t3, 1b
	beqz	a2, 3f
2:	lbu	t0, 0(a1)		/* user */
	sb	t0, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	bnez	a2, 2b
3:	csrc	sstatus, t1
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
	.quad	2b, copy_fault
	.popsection

	.globl arch_copy_to_user
arch_copy_to_user:
	li	t1, SSTATUS_SUM
	beqz	a2, copy_done
	csrs	sstatus, t1
	or	t2, a0, a1
	andi	t2, t2, 7
	li	t3, 8
	bnez	t2, 5f
	bltu	a2, t3, 5f
4:	ld	t0, 0(a1)
6:	sd	t0, 0(a0)		/* user */
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	bgeu	a2, t3, 4b
	beqz	a2, 7f
5:	lbu	t0, 0(a1)
8:	sb	t0, 0(a0)		/* user */
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	bnez	a2, 5b
7:	csrc	sstatus, t1
	j	copy_done
	.pushsection __extable, "a"
	.balign 8
	.quad	6b, copy_fault
	.quad	8b, copy_fault
	.popsection
