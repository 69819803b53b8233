/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * RISC-V entry. OpenSBI (fw_dynamic) jumps here in S-mode at the image's
 * physical load address with a0 = hart id, a1 = physical address of the
 * device tree, paging off and interrupts masked.
 *
 * The whole image is linked at KERNEL_VBASE + (phys - KERNEL_PBASE). Until
 * paging is on, this code runs at its physical address, which works because
 * -mcmodel=medany code and the lla below are pc-relative: the distance from
 * here to any symbol in the image is the same in both address spaces. Only
 * the jump to the high half loads an absolute (link-time) address.
 *
 * Boot page table (one root page, Sv39, all gigapages):
 *   slot pa(_start) >> 30   identity, RWX: the code that turns paging on
 *                           keeps fetching from its physical address
 *   slot 510                KERNEL_VBASE -> KERNEL_PBASE, RWX (the image)
 *   slots 256..259          PHYSMAP_BASE -> [0, 4 GiB), RW (RAM, the
 *                           device tree, and early device registers)
 * vm_init replaces it with W^X tables built from the boot information.
 */
#include <arch/hal_arch.h>
#include "riscv.h"

#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif
#define GIGA_SHIFT 30
#define ROOT_SLOT(va) (((va) >> GIGA_SHIFT) & 511)
/* A gigapage leaf's PTE for gigapage number n (PPN = n << 18). */
#define GIGA_PTE_SHIFT (GIGA_SHIFT - PAGE_SHIFT + PTE_PPN_SHIFT)

	.section .text.boot, "ax"
	.globl _start
_start:
	/* A trap vector before anything else, so that even a fault in the
	 * next few instructions is reported rather than looping in firmware. */
	lla	t0, early_trap
	csrw	stvec, t0
	csrw	sie, zero
	csrci	sstatus, SSTATUS_SIE
	/* The kernel is built without F/D/V; with their state off, a stray
	 * floating-point or vector instruction traps instead of silently
	 * using registers nobody saves. */
	li	t0, SSTATUS_FS | SSTATUS_VS
	csrc	sstatus, t0
	mv	s1, a0			/* hart id */
	mv	s2, a1			/* device tree (physical) */

	/* The image must sit where it is linked (kernel_image_phys() and the
	 * page tables assume the fixed offset): compare the runtime address
	 * of _start with its link address minus the offset. */
	lla	t0, _start
	lla	t1, .Lstart_link
	ld	t1, 0(t1)
	li	t2, KERNEL_VBASE - KERNEL_PBASE
	sub	t1, t1, t2
	lla	s3, .Lmsg_address
	bne	t0, t1, early_fail

	/* Zero the bss (it holds the boot page table and stack). */
	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	lla	t0, boot_root
	/* Identity gigapage for this code. */
	li	t3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
	lla	t1, _start
	srli	t1, t1, GIGA_SHIFT
	slli	t2, t1, GIGA_PTE_SHIFT
	or	t2, t2, t3
	slli	t4, t1, 3
	add	t4, t4, t0
	sd	t2, 0(t4)

	/* The kernel image. */
	ori	t3, t3, PTE_G
	li	t1, KERNEL_PBASE >> GIGA_SHIFT
	slli	t2, t1, GIGA_PTE_SHIFT
	or	t2, t2, t3
	li	t4, ROOT_SLOT(KERNEL_VBASE) * 8
	add	t4, t4, t0
	sd	t2, 0(t4)

	/* The boot physmap: read/write, never executable. */
	li	t3, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_G
	li	t1, 0
	li	t5, BOOT_PHYSMAP_LIMIT >> GIGA_SHIFT
	li	t4, ROOT_SLOT(PHYSMAP_BASE) * 8
	add	t4, t4, t0
3:	slli	t2, t1, GIGA_PTE_SHIFT
	or	t2, t2, t3
	sd	t2, 0(t4)
	addi	t4, t4, 8
	addi	t1, t1, 1
	bltu	t1, t5, 3b

	/* Paging on. The first sfence.vma orders the table stores before the
	 * walks; satp is WARL, so reading it back tells whether Sv39 exists. */
	srli	t1, t0, PAGE_SHIFT
	li	t2, SATP_MODE_SV39
	or	t1, t1, t2
	sfence.vma
	csrw	satp, t1
	csrr	t2, satp
	lla	s3, .Lmsg_sv39
	bne	t1, t2, early_fail
	sfence.vma

	/* To the link address. */
	lla	t0, .Lhigh_link
	ld	t0, 0(t0)
	jr	t0

.Lhigh:
	/* Now at KERNEL_VBASE: lla yields high addresses. */
	lla	sp, boot_stack_top
	li	s0, 0			/* ends backtraces */
	li	ra, 0
	li	gp, 0			/* no gp-relative addressing (-mno-relax) */
	li	tp, 0
	csrw	sscratch, zero
	lla	t0, trap_vector
	csrw	stvec, t0
	mv	a0, s1
	mv	a1, s2
	call	riscv_boot
	lla	s3, .Lmsg_returned
	j	early_fail

	.balign 8
.Lstart_link:
	.quad	_start
.Lhigh_link:
	.quad	.Lhigh

/*
 * Before the C trap handler can run (paging off, or the console unknown),
 * traps land here: report through the SBI legacy console, which needs
 * neither memory nor a device address, and power off with a failure status.
 * No stack is used; helpers link through s11.
 */
	.balign 4
early_trap:
	lla	s3, .Lmsg_scause
	jal	s11, early_puts
	csrr	s4, scause
	jal	s11, early_puthex
	lla	s3, .Lmsg_sepc
	jal	s11, early_puts
	csrr	s4, sepc
	jal	s11, early_puthex
	lla	s3, .Lmsg_stval
	jal	s11, early_puts
	csrr	s4, stval
	jal	s11, early_puthex
	lla	s3, .Lmsg_trap
	/* fall through */

/* Prints "verdigris: " and the string at s3, then powers off (failure). */
early_fail:
	mv	s6, s3
	lla	s3, .Lmsg_prefix
	jal	s11, early_puts
	mv	s3, s6
	jal	s11, early_puts
	li	a7, SBI_EXT_SRST
	li	a6, 0
	li	a0, SBI_SRST_SHUTDOWN
	li	a1, SBI_SRST_REASON_FAILURE
	ecall
	li	a7, SBI_EXT_LEGACY_SHUTDOWN
	ecall
4:	wfi
	j	4b

/* Prints the NUL-terminated string at s3. Clobbers a0, a1, a7, s3. */
early_puts:
	lbu	a0, 0(s3)
	beqz	a0, 5f
	li	a7, SBI_EXT_LEGACY_PUTCHAR
	ecall
	addi	s3, s3, 1
	j	early_puts
5:	jr	s11

/* Prints s4 as 16 hex digits. Clobbers a0, a1, a7, s4, s5. */
early_puthex:
	li	s5, 16
6:	srli	a0, s4, 60
	li	a1, 10
	bltu	a0, a1, 7f
	addi	a0, a0, 'a' - '0' - 10
7:	addi	a0, a0, '0'
	li	a7, SBI_EXT_LEGACY_PUTCHAR
	ecall
	slli	s4, s4, 4
	addi	s5, s5, -1
	bnez	s5, 6b
	jr	s11

	.section .rodata.boot, "a"
.Lmsg_prefix:	.asciz "\r\nverdigris: "
.Lmsg_trap:	.asciz "trap before the kernel trap handler was installed\r\n"
.Lmsg_scause:	.asciz "\r\n  scause 0x"
.Lmsg_sepc:	.asciz " sepc 0x"
.Lmsg_stval:	.asciz " stval 0x"
.Lmsg_address:	.asciz "kernel not loaded at its link address (expected phys 0x80200000)\r\n"
.Lmsg_sv39:	.asciz "the hart does not support Sv39 paging\r\n"
.Lmsg_returned:	.asciz "riscv_boot returned\r\n"

	.section .bss.boot, "aw", @nobits
	.balign 4096
	.globl boot_root
boot_root:
	.skip	4096
	.balign 16
boot_stack:
	.skip	16384
	.globl boot_stack_top
boot_stack_top:
