/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AArch64 entry, from QEMU's Linux arm64 Image loader (or any loader that
 * follows the arm64 boot protocol): MMU and D-cache off, x0 = physical
 * address of the device tree, at EL2 or EL1. The kernel is linked at its high
 * virtual address but runs at its physical one until the MMU is on, so
 * everything before high_entry uses PC-relative addressing only (adrp/adr),
 * which yields physical addresses there; absolute addresses (ldr =sym) are
 * used only to jump high.
 *
 * Order: drop EL2 -> EL1, early vectors, FP/SIMD on, check the load address,
 * zero bss, build the boot page tables (in bss), MMU on, jump high, real
 * vectors, stack, TTBR0 walks off, aarch64_boot(dtb, boot EL) in C.
 */
#include <arch/hal_arch.h>
#include <arch/aarch64.h>

/* SCTLR_EL1: the bits that are RES1 in ARMv8.0 (and keep later extensions
 * at their v8.0 behaviour), then M (MMU), C and I (caches), SA and SA0 (stack
 * alignment checks). WXN stays off: W^X is the page tables' job, so that an
 * explicit VM_WRITE|VM_EXEC request means what it says. */
#define SCTLR_RES1 0x30d00800
#define SCTLR_ON (SCTLR_RES1 | (1 << 12) | (1 << 4) | (1 << 3) | (1 << 2) | (1 << 0))

/* TCR_EL1: 48-bit VAs in both halves (T0SZ = T1SZ = 16), 4 KiB granules,
 * walks inner shareable write-back cacheable. IPS is filled in from
 * ID_AA64MMFR0_EL1.PARange at run time. */
#define TCR_BASE (16 | (1 << 8) | (1 << 10) | (3 << 12) | (16 << 16) | \
		  (1 << 24) | (1 << 26) | (3 << 28) | (2 << 30))
#define TCR_EPD1 (1 << 23)

/* Boot table descriptors (see hal_arch.h for the bits). */
#define DESC_TABLE 3
#define BLOCK_RAM_X (PTE_VALID | PTE_AF | PTE_SH_INNER | PTE_ATTR(MAIR_IDX_NORMAL) | PTE_UXN)
#define BLOCK_RAM_NX (BLOCK_RAM_X | PTE_PXN)
#define BLOCK_DEVICE (PTE_VALID | PTE_AF | PTE_ATTR(MAIR_IDX_DEVICE) | PTE_PXN | PTE_UXN)

#define L0_INDEX(va) (((va) >> 39) & 511)
#define L1_INDEX(va) (((va) >> 30) & 511)

#define EARLY_UART 0x09000000	/* QEMU virt's PL011, before the DT is read */
#define PSCI_SYSTEM_OFF 0x84000008
#define SEMIHOST_SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

.macro adr_l reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

/* An exception-table entry: a fault at insn resumes at fixup. */
.macro extable insn, fixup
	.pushsection __extable, "a"
	.balign 8
	.quad	\insn, \fixup
	.popsection
.endm

/* ---- The arm64 Image header (Documentation/arch/arm64/booting.rst) ---- */
	.section .text.head, "ax"
	.globl	_start
_start:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	KERNEL_LOAD_PHYS - KERNEL_PBASE	/* text_offset from the RAM base */
	.quad	__image_size		/* image_size, bss included */
	.quad	0x2			/* flags: little endian, 4 KiB pages, 2 MiB base near RAM start */
	.quad	0, 0, 0			/* res2..res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 (PE header offset: none) */

	.section .text.boot, "ax"
primary_entry:
	mov	x19, x0			/* x19: device tree from the loader (or 0) */
	mov	x26, xzr		/* x26: set once early_exit has been tried */
	msr	daifset, #0xf
	mrs	x20, CurrentEL
	ubfx	x20, x20, #2, #2	/* x20: the EL we were entered at */
	cmp	x20, #2
	b.eq	el2_entry
	cmp	x20, #1
	b.eq	el1_entry
	adr_l	x0, msg_bad_el		/* EL3 (virt,secure=on) is not supported */
	b	early_fail

/*
 * EL2 (virt,virtualization=on): make EL1 a plain AArch64 kernel mode with
 * nothing trapped to EL2, then eret to el1_entry. The kernel never returns to
 * EL2; PSCI then uses SMC, as the device tree says.
 */
el2_entry:
	adr_l	x0, early_vectors
	msr	vbar_el2, x0
	isb
	mov	x0, #(1 << 31)		/* HCR_EL2.RW: EL1 is AArch64; no IMO/FMO: IRQs go to EL1 */
	msr	hcr_el2, x0
	mrs	x0, cnthctl_el2
	orr	x0, x0, #3		/* EL1PCTEN | EL1PCEN: EL1 owns the physical counter/timer */
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr	/* virtual count == physical count */
	mov	x0, #0x33ff		/* CPTR_EL2: RES1 bits, TFP clear: FP/SIMD not trapped */
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	mrs	x0, midr_el1		/* EL1 reads of MIDR/MPIDR return these */
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	/* GICv3 CPU interface: let EL1 use the ICC_* system registers. */
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #24, #4		/* GIC system register interface implemented? */
	cbz	x0, 1f
	mrs	x0, icc_sre_el2
	mov	x1, #0x9		/* Enable (EL1 may use ICC_SRE_EL1) | SRE */
	orr	x0, x0, x1
	msr	icc_sre_el2, x0
	isb
	msr	ich_hcr_el2, xzr	/* no virtual CPU interface */
1:	ldr	x0, =SCTLR_RES1		/* EL1 MMU off, caches off, little endian */
	msr	sctlr_el1, x0
	mov	x0, #0x3c5		/* SPSR: EL1h, D, A, I and F masked */
	msr	spsr_el2, x0
	adr_l	x0, el1_entry
	msr	elr_el2, x0
	eret

el1_entry:
	/* Vectors first: a fault from here on is reported, not a silent hang. */
	adr_l	x0, early_vectors
	msr	vbar_el1, x0
	msr	spsel, #1
	isb
	/* FP/SIMD: no traps, for compiler-generated code in user space later and
	 * for the kernel's own explicit uses. */
	mov	x0, #CPACR_FPEN
	msr	cpacr_el1, x0
	ldr	x0, =SCTLR_RES1
	msr	sctlr_el1, x0
	isb

	/* The image is linked for one physical address (KERNEL_PBASE is a
	 * constant); anything else would build wrong page tables. */
	adr_l	x0, _start
	ldr	x1, =KERNEL_LOAD_PHYS
	cmp	x0, x1
	b.eq	1f
	adr_l	x0, msg_bad_load
	b	early_fail
1:
	/*
	 * Zero bss. The MMU is off, so these are Device-nGnRnE stores: aligned
	 * 16-byte ones only. Stale lines the loader may have left for bss are
	 * invalidated first so that they cannot be written back over what we
	 * store, and again afterwards so that the cacheable view once the MMU is
	 * on reads memory.
	 */
	adr_l	x0, __bss_start
	adr_l	x1, __bss_end
	bl	dcache_inval_range
	adr_l	x0, __bss_start
2:	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	2b

	bl	build_boot_tables
	adr_l	x0, __bss_start
	adr_l	x1, __bss_end
	bl	dcache_inval_range

	/* MMU on. */
	ldr	x0, =MAIR_VALUE
	msr	mair_el1, x0
	ldr	x0, =TCR_BASE
	mrs	x1, id_aa64mmfr0_el1
	and	x1, x1, #0xf		/* PARange */
	mov	x2, #5			/* 48 bits at most: 52 would need LPA2 */
	cmp	x1, x2
	csel	x1, x1, x2, ls
	bfi	x0, x1, #32, #3		/* IPS */
	msr	tcr_el1, x0
	adr_l	x0, boot_id_l0
	msr	ttbr0_el1, x0
	adr_l	x0, boot_k_l0
	msr	ttbr1_el1, x0
	isb
	tlbi	vmalle1
	ic	iallu
	dsb	nsh
	isb
	ldr	x0, =SCTLR_ON
	msr	sctlr_el1, x0
	isb
	ldr	x0, =high_entry		/* still running through the identity map */
	br	x0

/*
 * Boot page tables, all in bss (so inside the reserved kernel image):
 *   TTBR0  boot_id_l0[0] -> boot_id_l1: [0] phys 0..1G device (the early
 *          UART for early_fail), [1] phys 1G..2G RAM executable (this code).
 *   TTBR1  boot_k_l0[0] -> boot_pm_l1: the physmap, [1..3] phys 1G..4G RAM
 *            (BOOT_PHYSMAP_START..BOOT_PHYSMAP_LIMIT), never executable;
 *          boot_k_l0[511] -> boot_k_l1: [510] kernel image (1 GiB block at
 *            KERNEL_VBASE -> KERNEL_PBASE, RWX until vm_init applies W^X),
 *            [511] phys 0..1G device at EARLY_DEVICE_VA.
 * Clobbers x0-x4.
 */
build_boot_tables:
	adr_l	x0, boot_id_l0
	adr_l	x1, boot_id_l1
	orr	x2, x1, #DESC_TABLE
	str	x2, [x0, #0]
	ldr	x2, =BLOCK_DEVICE
	str	x2, [x1, #0]
	ldr	x2, =(KERNEL_PBASE | BLOCK_RAM_X)
	str	x2, [x1, #8 * L1_INDEX(KERNEL_PBASE)]

	adr_l	x0, boot_k_l0
	adr_l	x1, boot_pm_l1
	orr	x2, x1, #DESC_TABLE
	str	x2, [x0, #8 * L0_INDEX(PHYSMAP_BASE)]
	ldr	x2, =(BOOT_PHYSMAP_START | BLOCK_RAM_NX)
	mov	x3, #(BOOT_PHYSMAP_START >> 30)
	mov	x4, #(1 << 30)
3:	str	x2, [x1, x3, lsl #3]
	add	x2, x2, x4
	add	x3, x3, #1
	cmp	x3, #(BOOT_PHYSMAP_LIMIT >> 30)
	b.lo	3b

	adr_l	x1, boot_k_l1
	orr	x2, x1, #DESC_TABLE
	str	x2, [x0, #8 * L0_INDEX(KERNEL_VBASE)]
	ldr	x2, =(KERNEL_PBASE | BLOCK_RAM_X)
	str	x2, [x1, #8 * L1_INDEX(KERNEL_VBASE)]
	ldr	x2, =BLOCK_DEVICE
	str	x2, [x1, #8 * L1_INDEX(EARLY_DEVICE_VA)]
	dsb	sy
	ret

/* Invalidate data cache lines covering [x0, x1) to the point of coherency.
 * Clobbers x2-x4. */
dcache_inval_range:
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4		/* DminLine: log2(words per line) */
	mov	x2, #4
	lsl	x2, x2, x3		/* line size in bytes */
	sub	x3, x2, #1
	bic	x4, x0, x3
4:	dc	ivac, x4
	add	x4, x4, x2
	cmp	x4, x1
	b.lo	4b
	dsb	sy
	ret

/*
 * Failure before the MMU (or before the real vectors): print on the PL011 at
 * its QEMU virt address, exit QEMU with status 1 through semihosting, and
 * power off through PSCI should semihosting be disabled.
 * x0 = physical address of a NUL-terminated message.
 */
early_fail:
	mov	x21, x0
	adr_l	x0, msg_early
	bl	early_puts
	mov	x0, x21
	bl	early_puts
	adr_l	x0, msg_nl
	bl	early_puts
early_exit:
	cbnz	x26, 5f			/* the exit itself trapped: just stop */
	mov	x26, #1
	mov	x0, #SEMIHOST_SYS_EXIT
	adr_l	x1, early_exit_block
	hlt	#0xf000
	ldr	x0, =PSCI_SYSTEM_OFF
	hvc	#0
5:	wfe
	b	5b

/* Exceptions before the real vectors are installed: report and stop. */
early_exception:
	mov	x21, x0			/* vector index */
	adr_l	x0, msg_early
	bl	early_puts
	adr_l	x0, msg_early_exc
	bl	early_puts
	mov	x0, x21
	bl	early_puthex
	mrs	x22, CurrentEL
	cmp	x22, #(2 << 2)
	b.eq	6f
	mrs	x23, esr_el1
	mrs	x24, elr_el1
	mrs	x25, far_el1
	b	7f
6:	mrs	x23, esr_el2
	mrs	x24, elr_el2
	mrs	x25, far_el2
7:	adr_l	x0, msg_esr
	bl	early_puts
	mov	x0, x23
	bl	early_puthex
	adr_l	x0, msg_elr
	bl	early_puts
	mov	x0, x24
	bl	early_puthex
	adr_l	x0, msg_far
	bl	early_puts
	mov	x0, x25
	bl	early_puthex
	adr_l	x0, msg_nl
	bl	early_puts
	b	early_exit

/* x0: string. Clobbers x0-x2. */
early_puts:
	ldr	x1, =EARLY_UART
8:	ldrb	w2, [x0], #1
	cbz	w2, 10f
9:	ldr	w3, [x1, #0x18]		/* UARTFR */
	tbnz	w3, #5, 9b		/* TXFF: transmit FIFO full */
	str	w2, [x1]		/* UARTDR */
	b	8b
10:	ret

/* x0: value, printed as 16 hex digits. Clobbers x0-x4. */
early_puthex:
	ldr	x1, =EARLY_UART
	mov	x4, #60
11:	lsr	x2, x0, x4
	and	x2, x2, #0xf
	cmp	x2, #10
	add	x3, x2, #'0'
	add	x2, x2, #('a' - 10)
	csel	x2, x3, x2, lo
12:	ldr	w3, [x1, #0x18]
	tbnz	w3, #5, 12b
	str	w2, [x1]
	subs	x4, x4, #4
	b.ge	11b
	ret

	.balign 8
early_exit_block:
	.quad	ADP_STOPPED_APPLICATION_EXIT, 1
	.ltorg

	.section .rodata.boot, "a"
msg_early:	.asciz "\r\nverdigris: early boot failure: "
msg_bad_el:	.asciz "entered at EL3 (only EL2 and EL1 are supported)"
msg_bad_load:	.asciz "not loaded at physical 0x40200000 (the Image text_offset)"
msg_early_exc:	.asciz "exception before the kernel vectors, vector "
msg_esr:	.asciz " ESR "
msg_elr:	.asciz " ELR "
msg_far:	.asciz " FAR "
msg_nl:		.asciz "\r\n"

/* Early vector table: every entry reports its index and stops. */
	.section .text.boot, "ax"
	.balign	2048
early_vectors:
	.irp	idx, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign	0x80
	mov	x0, #\idx
	b	early_exception
	.endr

/* ---- From here on the kernel runs at its link address. ---- */
	.text
high_entry:
	adr_l	x0, vectors
	msr	vbar_el1, x0
	isb
	msr	daifclr, #4		/* SErrors now reach the vectors and are reported */
	adr_l	x0, boot_stack_top
	mov	sp, x0
	/* No more walks through TTBR0: the identity map is gone from the
	 * kernel's view, and a NULL dereference faults. */
	mrs	x0, tcr_el1
	orr	x0, x0, #TCR_EPD0
	msr	tcr_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	mov	x29, xzr		/* the end of every backtrace */
	mov	x30, xzr
	mov	x0, x19
	mov	x1, x20
	bl	aarch64_boot
13:	wfe				/* aarch64_boot does not return */
	b	13b

/*
 * void aarch64_replace_ttbr1(paddr_t root, paddr_t trampoline_pa)
 * Switching TTBR1 while running through it would let TLB entries of the old
 * tables (1 GiB blocks) and the new ones (pages) for the same addresses
 * coexist, which the architecture forbids (break-before-make). So the switch
 * itself runs from the boot identity map: TTBR0 is walked again for a
 * moment, the trampoline (reached at its physical address) turns TTBR1 walks
 * off, flushes the TLB, installs the new root and turns them back on. It
 * touches no memory, as the stack is in TTBR1 space. IRQs must be masked.
 */
	.globl	aarch64_replace_ttbr1
aarch64_replace_ttbr1:
	mrs	x2, ttbr0_el1
	mrs	x3, tcr_el1
	adr_l	x4, boot_id_l0
	ldr	x5, =(KERNEL_VBASE - KERNEL_PBASE)
	sub	x4, x4, x5		/* physical address of the identity tables */
	msr	ttbr0_el1, x4
	bic	x4, x3, #TCR_EPD0
	msr	tcr_el1, x4
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	mov	x6, x30
	blr	x1			/* the trampoline at its physical address; x4 = TCR */
	mov	x30, x6
	msr	tcr_el1, x3		/* TTBR0 back as it was */
	msr	ttbr0_el1, x2
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	ret

/* Runs from the identity map. x0 = new root, x4 = current TCR_EL1. */
	.globl	aarch64_ttbr1_trampoline
aarch64_ttbr1_trampoline:
	orr	x4, x4, #TCR_EPD1
	msr	tcr_el1, x4
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	msr	ttbr1_el1, x0
	bic	x4, x4, #TCR_EPD1
	msr	tcr_el1, x4
	isb
	ret

/* ---- Small helpers C calls (declared in arch/aarch64.h and hal.h) ---- */

/* int aarch64_semihost_exit(uint64_t reason, uint64_t subcode) */
	.globl	aarch64_semihost_exit
aarch64_semihost_exit:
	stp	x0, x1, [sp, #-16]!	/* the AArch64 SYS_EXIT parameter block */
	mov	x1, sp
	mov	x0, #SEMIHOST_SYS_EXIT
14:	hlt	#0xf000			/* UNDEFINED when QEMU has semihosting off */
15:	add	sp, sp, #16
	mov	w0, #-1
	ret
	extable	14b, 15b

/* uint64_t aarch64_psci_hvc(uint64_t fn), aarch64_psci_smc(uint64_t fn):
 * a conduit that does not exist is UNDEFINED; that is recovered too. */
	.globl	aarch64_psci_hvc
aarch64_psci_hvc:
16:	hvc	#0
	ret
17:	mov	x0, #-1
	ret
	extable	16b, 17b

	.globl	aarch64_psci_smc
aarch64_psci_smc:
18:	smc	#0
	ret
19:	mov	x0, #-1
	ret
	extable	18b, 19b

/* int arch_probe_read64(const volatile void *addr, uint64_t *out) */
	.globl	arch_probe_read64
arch_probe_read64:
20:	ldr	x2, [x0]
	str	x2, [x1]
	mov	w0, #0
	ret
21:	mov	w0, #-1
	ret
	extable	20b, 21b

/* int arch_probe_write64(volatile void *addr, uint64_t value) */
	.globl	arch_probe_write64
arch_probe_write64:
22:	str	x1, [x0]
	mov	w0, #0
	ret
23:	mov	w0, #-1
	ret
	extable	22b, 23b

/*
 * int arch_probe_exec(const void *addr)
 * The faulting instruction of an exec probe is the target itself, which no
 * table can know. So the extable entry is keyed on the call site (the blr):
 * for an instruction abort or PC alignment fault in EL1 that no entry
 * covers, trap.c looks up x30 - 4, the branch that got there, and resumes at
 * its fixup. The target never ran, so x30 and sp are still the probe's.
 */
	.globl	arch_probe_exec
arch_probe_exec:
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp
24:	blr	x0
	mov	w0, #0
	ldp	x29, x30, [sp], #16
	ret
25:	mov	w0, #-1
	ldp	x29, x30, [sp], #16
	ret
	extable	24b, 25b

/* Test helpers. */
	.globl	aarch64_ret_only
aarch64_ret_only:
	ret

	.arch_extension fp
	.arch_extension simd
	.globl	aarch64_fp_roundtrip
aarch64_fp_roundtrip:
	fmov	d0, x0
	mov	v1.16b, v0.16b
	fmov	x0, d1
	ret

	.ltorg

/* ---- Boot page tables and the boot stack ---- */
	.section .bss.pgtables, "aw", %nobits
	.balign	4096
boot_id_l0:	.space	4096
boot_id_l1:	.space	4096
boot_k_l0:	.space	4096
boot_pm_l1:	.space	4096
boot_k_l1:	.space	4096

	.section .bss, "aw", %nobits
	.balign	16
	.globl	boot_stack, boot_stack_top
boot_stack:	.space	32768		/* also the exception stack, until threads exist */
boot_stack_top:
