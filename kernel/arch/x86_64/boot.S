/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_64 entry. Both multiboot (QEMU -kernel, which loads the flat
 * kernel.bin through the header's address fields) and multiboot2 (GRUB,
 * which loads kernel.elf) enter _start in 32-bit protected mode with paging
 * off: eax = the loader's magic, ebx = physical address of its information.
 * We build boot page tables (identity 0-4 GiB, the same 4 GiB at the
 * physmap, the kernel at -2 GiB), enter long mode and jump to the kernel's
 * link address. The C code then builds the real tables (core/vm.c).
 */
#define KERNEL_VBASE 0xffffffff80000000
#define PHYS(x) ((x) - KERNEL_VBASE)

#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS ((1 << 0) | (1 << 1) | (1 << 16)) /* page-align modules, memory map, address fields */
#define MB2_MAGIC 0xE85250D6

	.section .boot.header, "a"
	.balign 4
mb1_header:
	.long MB1_MAGIC
	.long MB1_FLAGS
	.long -(MB1_MAGIC + MB1_FLAGS)
	.long mb1_header          /* header_addr */
	.long __boot_start        /* load_addr: kernel.bin starts here */
	.long __load_end_phys     /* load_end_addr */
	.long __bss_end_phys      /* bss_end_addr: the loader zeroes up to here */
	.long _start              /* entry_addr */

	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long 0                   /* i386 protected mode */
	.long mb2_end - mb2_header
	.long -(MB2_MAGIC + (mb2_end - mb2_header))
	.balign 8                 /* module alignment tag: page-aligned modules */
	.short 6, 0
	.long 8
	.balign 8                 /* end tag */
	.short 0, 0
	.long 8
mb2_end:

	.section .boot.text, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	mov %eax, boot_magic            /* keep magic and info for x86_start */
	mov %ebx, boot_info_pa
	mov $PHYS(boot_stack_top), %esp

	/* Long mode available? (CPUID 0x80000001 EDX bit 29) */
	mov $0x80000000, %eax
	cpuid
	cmp $0x80000001, %eax
	jb no_long_mode
	mov $0x80000001, %eax
	cpuid
	test $(1 << 29), %edx
	jz no_long_mode

	/* Zero the boot tables: PML4, two PDPTs, four PDs (7 contiguous pages). */
	mov $PHYS(boot_pml4), %edi
	xor %eax, %eax
	mov $(7 * 4096 / 4), %ecx
	rep stosl

	/* Four PDs of 2 MiB pages covering 0-4 GiB: P | RW | PS. */
	mov $PHYS(boot_pd), %edi
	mov $0x83, %eax
	xor %edx, %edx                  /* high dword of the address, for >= 4 GiB: none here */
	mov $2048, %ecx
1:	mov %eax, (%edi)
	mov %edx, 4(%edi)
	add $0x200000, %eax
	add $8, %edi
	loop 1b

	/* Low PDPT: entries 0-3 point at the four PDs. */
	mov $PHYS(boot_pdpt_low), %edi
	mov $PHYS(boot_pd) + 3, %eax
	mov $4, %ecx
2:	mov %eax, (%edi)
	add $4096, %eax
	add $8, %edi
	loop 2b

	/* High PDPT: entries 510 and 511 (-2 GiB) map the first 2 GiB. */
	mov $PHYS(boot_pdpt_high), %edi
	movl $PHYS(boot_pd) + 3, 510 * 8(%edi)
	movl $PHYS(boot_pd) + 4096 + 3, 511 * 8(%edi)

	/* PML4: identity (0) for this code, physmap (256), kernel (511). */
	mov $PHYS(boot_pml4), %edi
	movl $PHYS(boot_pdpt_low) + 3, (%edi)
	movl $PHYS(boot_pdpt_low) + 3, 256 * 8(%edi)
	movl $PHYS(boot_pdpt_high) + 3, 511 * 8(%edi)

	mov %edi, %cr3
	mov %cr4, %eax
	or $((1 << 5) | (1 << 7) | (1 << 9) | (1 << 10)), %eax  /* PAE, PGE, OSFXSR, OSXMMEXCPT */
	mov %eax, %cr4
	mov $0xC0000080, %ecx                      /* EFER: long mode, NX */
	rdmsr
	or $((1 << 8) | (1 << 11)), %eax
	wrmsr
	mov %cr0, %eax
	and $~((1 << 2) | (1 << 3)), %eax          /* no FPU emulation, no task-switched trap */
	or $((1 << 31) | (1 << 16) | (1 << 1) | 1), %eax /* PG, WP, MP, PE */
	mov %eax, %cr0

	lgdt boot_gdt_ptr
	ljmp $0x08, $long_mode_entry

no_long_mode:
	/* Tell whoever watches COM1, then stop. */
	mov $no_lm_msg, %esi
3:	lodsb
	test %al, %al
	jz 4f
	mov $0x3f8, %dx
	out %al, %dx
	jmp 3b
4:	hlt
	jmp 4b

	.code64
long_mode_entry:
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xor %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	movabs $high_entry, %rax
	jmp *%rax

	.section .boot.data, "aw"
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff        /* 64-bit code */
	.quad 0x00cf92000000ffff        /* data */
boot_gdt_ptr:
	.short boot_gdt_ptr - boot_gdt - 1
	.long boot_gdt
boot_magic:
	.long 0
boot_info_pa:
	.long 0
no_lm_msg:
	.asciz "Verdigris needs a 64-bit (long mode) CPU\r\n"

	.text
high_entry:
	movabs $boot_stack_top, %rsp
	xor %ebp, %ebp                  /* the backtrace ends here */
	movl boot_magic, %edi           /* still reachable through the identity map */
	movl boot_info_pa, %esi
	call x86_start
5:	hlt
	jmp 5b

	.bss
	.balign 4096
	.globl boot_pml4
boot_pml4:      .skip 4096
boot_pdpt_low:  .skip 4096
boot_pdpt_high: .skip 4096
boot_pd:        .skip 4 * 4096
	.balign 16
	.globl boot_stack_bottom
boot_stack_bottom:
	.skip 16384
	.globl boot_stack_top
boot_stack_top:
