/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FP register helpers for tests/user/utest/t_fpu.c (RISC-V: f0-f31, 32 words).
 *
 * long fpu_check_loop(const uint64_t *pattern, uint64_t *scratch, long n,
 *                     const uint64_t *sys)
 *   Loads f0-f31 from pattern, then n times: the system call sys[0] with
 *   arguments sys[1..6], f0-f31 stored to scratch and compared with pattern.
 *   Returns how many of the n calls came back with any register changed.
 *   No C runs in between, so only the kernel can have changed them.
 * void fpu_store(uint64_t *buf)
 *   Stores f0-f31 to buf.
 * fs0-fs11 are callee-saved (lp64d): saved and restored around the loop.
 */
	.text
	.globl	fpu_check_loop
fpu_check_loop:
	addi	sp, sp, -160
	sd	ra, 152(sp)
	sd	s0, 144(sp)
	sd	s1, 136(sp)
	sd	s2, 128(sp)
	sd	s3, 120(sp)
	sd	s4, 112(sp)
	fsd	fs0, 0(sp)
	fsd	fs1, 8(sp)
	fsd	fs2, 16(sp)
	fsd	fs3, 24(sp)
	fsd	fs4, 32(sp)
	fsd	fs5, 40(sp)
	fsd	fs6, 48(sp)
	fsd	fs7, 56(sp)
	fsd	fs8, 64(sp)
	fsd	fs9, 72(sp)
	fsd	fs10, 80(sp)
	fsd	fs11, 88(sp)
	mv	s0, a0
	mv	s1, a1
	mv	s2, a2
	mv	s3, a3
	li	s4, 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fld	f\n, (\n * 8)(s0)
	.endr
1:	beqz	s2, 4f
	ld	a7, 0(s3)
	ld	a0, 8(s3)
	ld	a1, 16(s3)
	ld	a2, 24(s3)
	ld	a3, 32(s3)
	ld	a4, 40(s3)
	ld	a5, 48(s3)
	ecall
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fsd	f\n, (\n * 8)(s1)
	.endr
	li	t0, 0			/* word index */
	li	t3, 0			/* any difference */
	mv	t4, s0
	mv	t5, s1
2:	ld	t1, 0(t4)
	ld	t2, 0(t5)
	beq	t1, t2, 3f
	li	t3, 1
3:	addi	t4, t4, 8
	addi	t5, t5, 8
	addi	t0, t0, 1
	li	t6, 32
	bltu	t0, t6, 2b
	add	s4, s4, t3
	addi	s2, s2, -1
	j	1b
4:	mv	a0, s4
	fld	fs0, 0(sp)
	fld	fs1, 8(sp)
	fld	fs2, 16(sp)
	fld	fs3, 24(sp)
	fld	fs4, 32(sp)
	fld	fs5, 40(sp)
	fld	fs6, 48(sp)
	fld	fs7, 56(sp)
	fld	fs8, 64(sp)
	fld	fs9, 72(sp)
	fld	fs10, 80(sp)
	fld	fs11, 88(sp)
	ld	ra, 152(sp)
	ld	s0, 144(sp)
	ld	s1, 136(sp)
	ld	s2, 128(sp)
	ld	s3, 120(sp)
	ld	s4, 112(sp)
	addi	sp, sp, 160
	ret

	.globl	fpu_store
fpu_store:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	fsd	f\n, (\n * 8)(a0)
	.endr
	ret
