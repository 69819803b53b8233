/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Register helpers for tests/user/utest/t_signal_regs.c (RISC-V).
 *
 * void intr_spin_regs(void)
 *   Loads f0-f31 from intr_fp_in (32 words) and x1, x5-x31 from
 *   intr_gpr_in (word n for xn; sp, gp and tp stay), then spins until the
 *   word at x31's address is non-zero, reading it into x30; then stores
 *   the same registers to intr_gpr_out and intr_fp_out. An interruption
 *   that arrives while it spins must leave every register as it was.
 * void intr_clobber(void)
 *   Loads intr_fp_junk into f0-f31 and trashes the caller-saved GPRs.
 * ra, s0-s11 and fs0-fs11 are saved and restored around it (lp64d).
 */
	.text
	.globl	intr_spin_regs
intr_spin_regs:
	addi	sp, sp, -208
	sd	ra, 0(sp)
	sd	s0, 8(sp)
	sd	s1, 16(sp)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	sd	s\n, (8 + \n * 8)(sp)
	.endr
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	fsd	fs\n, (104 + \n * 8)(sp)
	.endr
	la	t6, intr_fp_in
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fld	f\n, (\n * 8)(t6)
	.endr
	la	x31, intr_gpr_in
	ld	x1, 8(x31)
	.irp	n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, (\n * 8)(x31)
	.endr
1:	ld	x30, 0(x31)
	beqz	x30, 1b
	addi	sp, sp, -16
	sd	x31, 0(sp)
	la	x31, intr_gpr_out
	sd	x1, 8(x31)
	.irp	n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
	sd	x\n, (\n * 8)(x31)
	.endr
	ld	x30, 0(sp)
	sd	x30, 248(x31)
	addi	sp, sp, 16
	la	x31, intr_fp_out
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fsd	f\n, (\n * 8)(x31)
	.endr
	ld	ra, 0(sp)
	ld	s0, 8(sp)
	ld	s1, 16(sp)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	ld	s\n, (8 + \n * 8)(sp)
	.endr
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
	fld	fs\n, (104 + \n * 8)(sp)
	.endr
	addi	sp, sp, 208
	ret

	.globl	intr_clobber
intr_clobber:
	la	t6, intr_fp_junk
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fld	f\n, (\n * 8)(t6)
	.endr
	li	t0, -1
	.irp	r, t1, t2, t3, t4, t5, t6, a0, a1, a2, a3, a4, a5, a6, a7
	mv	\r, t0
	.endr
	ret

/* Faults for the delivery tests: an illegal instruction, a load-reserved
 * from a misaligned address (a0), which always traps. */
	.globl	intr_illegal
intr_illegal:
	unimp
	ret

	.globl	intr_misaligned
intr_misaligned:
	lr.d	a0, (a0)
	ret
