/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The S-mode trap vector (stvec, direct mode) and the fault probes.
 *
 * Only the kernel runs for now, so a trap always arrives on a kernel stack
 * and the frame is pushed right there; nested traps (a probe faulting inside
 * a fault handler's backtrace) simply push another frame. sscratch is kept 0
 * for the day user mode needs it to find the kernel stack.
 */
#include "riscv.h"

	.section .text.trap, "ax"
	.balign 4
	.globl trap_vector
trap_vector:
	addi	sp, sp, -TF_SIZE
	sd	x1, TF_X(1)(sp)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, (\n * 8)(sp)
	.endr
	addi	t0, sp, TF_SIZE
	sd	t0, TF_X(2)(sp)
	csrr	t0, sepc
	csrr	t1, sstatus
	csrr	t2, scause
	csrr	t3, stval
	sd	t0, TF_SEPC(sp)
	sd	t1, TF_SSTATUS(sp)
	sd	t2, TF_SCAUSE(sp)
	sd	t3, TF_STVAL(sp)
	/* A call-frame look-alike on top of the frame: the unwinder goes from
	 * the handler to the trapped pc, then on through the trapped s0. */
	sd	t0, TF_UNWIND_RA(sp)
	sd	s0, TF_UNWIND_FP(sp)
	addi	s0, sp, TF_SIZE

	mv	a0, sp
	call	riscv_trap

	/* The handler may have moved sepc (extable fixups); sstatus restores
	 * SPP/SPIE, which a nested trap in the handler overwrote. */
	ld	t0, TF_SEPC(sp)
	ld	t1, TF_SSTATUS(sp)
	csrw	sepc, t0
	csrw	sstatus, t1
	ld	x1, TF_X(1)(sp)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	x\n, (\n * 8)(sp)
	.endr
	ld	sp, TF_X(2)(sp)
	sret

/*
 * int arch_probe_read64(const volatile void *addr, uint64_t *out)
 * int arch_probe_write64(volatile void *addr, uint64_t value)
 * The access at label 1 has an exception-table entry: if it faults, the trap
 * handler resumes at label 2, which returns -1.
 */
	.section .text.probe, "ax"
	.globl arch_probe_read64
arch_probe_read64:
1:	ld	t0, 0(a0)
	sd	t0, 0(a1)
	li	a0, 0
	ret
2:	li	a0, -1
	ret
	.pushsection __extable, "a"
	.balign 8
	.quad	1b, 2b
	.popsection

	.globl arch_probe_write64
arch_probe_write64:
1:	sd	a1, 0(a0)
	li	a0, 0
	ret
2:	li	a0, -1
	ret
	.pushsection __extable, "a"
	.balign 8
	.quad	1b, 2b
	.popsection

/*
 * int arch_probe_exec(const void *addr)
 * An exception-table entry cannot name the faulting instruction here: it is
 * the target, anywhere. Instead the target is recorded in exec_probe_target
 * (one hart for now; per-hart later) and the trap handler, on an instruction
 * page or access fault whose sepc equals it, resumes at exec_probe_fixup.
 * The fault is taken before the target executes anything, so sp is still
 * this function's and the fixup can unwind its frame normally. If the code
 * runs and returns, the result is 0.
 */
	.globl arch_probe_exec
	.globl exec_probe_fixup
arch_probe_exec:
	addi	sp, sp, -16
	sd	ra, 8(sp)
	sd	s0, 0(sp)
	addi	s0, sp, 16
	lla	t0, exec_probe_target
	sd	a0, 0(t0)
	fence.i			/* the code at addr may have been written just now */
	jalr	ra, 0(a0)
	li	a0, 0
	j	1f
exec_probe_fixup:
	li	a0, -1
1:	lla	t0, exec_probe_target
	sd	zero, 0(t0)
	ld	ra, 8(sp)
	ld	s0, 0(sp)
	addi	sp, sp, 16
	ret
