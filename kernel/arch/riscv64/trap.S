/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The S-mode trap vector (stvec, direct mode), the return to user mode and
 * the fault probes.
 *
 * In S-mode tp holds this hart's struct percpu (kernel/percpu.h) and
 * sscratch is 0; while the hart runs in U-mode sscratch holds the percpu
 * pointer and tp is the user's. The first instruction swaps tp and
 * sscratch:
 *   - nonzero: the trap came from U-mode; tp is now the percpu pointer and
 *     sscratch the user's tp. The user's sp is parked in percpu->scratch,
 *     sp becomes percpu->kstack_top (the current thread's kernel stack top),
 *     struct arch_regs is built right below it (where thread->uregs
 *     points) and sscratch goes back to 0.
 *   - zero: the trap came from the kernel; swap back and push the frame on
 *     the current stack. Nested traps (a probe faulting inside a fault
 *     handler's backtrace) simply push another frame.
 * Nothing between the swap and the test can trap: traps mask interrupts
 * (sstatus.SIE) and the two instructions do not fault.
 *
 * Every entry clears sstatus.SUM (user memory is reachable only inside the
 * copy routines, user.S, which set it themselves; a trap taken inside one
 * gets it back from the saved sstatus on return) and sstatus.FS (the kernel
 * never uses the FP registers, which hold the FP owner's values; see fpu.S).
 * The saved sstatus keeps the user's FS: Dirty there tells the lazy FP
 * switch (user.c) that the registers must be saved before anyone else gets
 * them.
 */
#include "riscv.h"
#include <kernel/percpu.h>

	/* Every register but sp (x2) into the frame at sp. */
.macro SAVE_GPRS
	sd	x1, TF_X(1)(sp)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	sd	x\n, (\n * 8)(sp)
	.endr
.endm

/* The trap CSRs into the frame (sepc in t0 afterwards); SUM and FS off: the
 * kernel touches neither user memory nor FP unless it says so. */
.macro SAVE_CSRS
	csrr	t0, sepc
	csrr	t1, sstatus
	csrr	t2, scause
	csrr	t3, stval
	sd	t0, TF_SEPC(sp)
	sd	t1, TF_SSTATUS(sp)
	sd	t2, TF_SCAUSE(sp)
	sd	t3, TF_STVAL(sp)
	li	t4, SSTATUS_SUM | SSTATUS_FS
	csrc	sstatus, t4
.endm

.section .text.trap, "ax"
	.balign 4
	.globl trap_vector
trap_vector:
	csrrw	tp, sscratch, tp
	bnez	tp, from_user
	csrrw	tp, sscratch, tp

	/* From S-mode. */
	addi	sp, sp, -TF_SIZE
	SAVE_GPRS
	addi	t0, sp, TF_SIZE
	sd	t0, TF_X(2)(sp)
	SAVE_CSRS
	/* A call-frame look-alike on top of the frame: the unwinder goes from
	 * the handler to the trapped pc, then on through the trapped s0. */
	sd	t0, TF_UNWIND_RA(sp)
	sd	s0, TF_UNWIND_FP(sp)
	addi	s0, sp, TF_SIZE

	mv	a0, sp
	call	riscv_trap

	/* The handler may have moved sepc (extable fixups); sstatus restores
	 * SPP/SPIE, which a nested trap in the handler overwrote, and SUM. */
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

	/* From U-mode: tp is the percpu pointer, sscratch the user's tp. */
from_user:
	sd	sp, PERCPU_SCRATCH(tp)
	ld	sp, PERCPU_KSTACK_TOP(tp)
	addi	sp, sp, -TF_SIZE
	SAVE_GPRS			/* its x4 slot is overwritten below */
	ld	t0, PERCPU_SCRATCH(tp)
	sd	t0, TF_X(2)(sp)
	csrrw	t0, sscratch, zero	/* the user's tp; 0: in the kernel now */
	sd	t0, TF_X(4)(sp)
	SAVE_CSRS
	/* Backtraces stop at the user boundary: no frame links out of here. */
	sd	zero, TF_UNWIND_RA(sp)
	sd	zero, TF_UNWIND_FP(sp)
	li	s0, 0
	/* The kernel does not use gp (-mno-relax); it keeps the user's value. */

	/* System calls go straight to the dispatcher (what riscv_user_trap
	 * would do for them): interrupts on, sepc past the ecall (never
	 * compressed), dispatch, user_return. t0 and t2 still hold sepc and
	 * scause from SAVE_CSRS. */
	li	t4, EXC_ECALL_U
	bne	t2, t4, 1f
	addi	t0, t0, 4
	sd	t0, TF_SEPC(sp)
	csrsi	sstatus, SSTATUS_SIE
	mv	a0, sp
	call	syscall_dispatch
	mv	a0, sp
	call	user_return
	j	return_to_user
1:	mv	a0, sp
	call	riscv_user_trap
	j	return_to_user

/* _Noreturn void arch_enter_user(struct arch_regs *r)
 * r is at the top of the current thread's kernel stack: the stack below it
 * is given up. */
	.globl arch_enter_user
arch_enter_user:
	mv	sp, a0
return_to_user:
	/* No interrupts from here to sret: with sscratch set, a trap would be
	 * taken for one from U-mode. sscratch gets the percpu pointer (tp),
	 * tp the user's from the frame. */
	csrci	sstatus, SSTATUS_SIE
	ld	t0, TF_SEPC(sp)
	csrw	sepc, t0
	/* The user's sstatus (FS above all), forced to a U-mode return:
	 * SPP = 0 (U), SPIE = 1 (interrupts on after sret), SUM off. SIE stays
	 * 0 until sret copies SPIE into it. */
	ld	t1, TF_SSTATUS(sp)
	li	t2, SSTATUS_SPP | SSTATUS_SUM | SSTATUS_SIE
	not	t2, t2
	and	t1, t1, t2
	ori	t1, t1, SSTATUS_SPIE
	csrw	sstatus, t1
	csrw	sscratch, tp
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
