/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <fenv.h> for x86_64: both units are kept in step, the x87 (control word
 * bits 10-11 for rounding, status word bits 0-5 for flags) and SSE (MXCSR
 * bits 13-14 and 0-5); the FE_ constants are the x87 bits. The flags read
 * are those of either unit. fenv_t is { x87 control, x87 status, mxcsr }.
 * Exceptions stay masked (no traps).
 */
#define FE_ALL 0x3d
#define RMODE 0xc00

	.macro	func name
	.text
	.globl	\name
	.type	\name, @function
\name:
	.endm

	.section .rodata
	.globl	__fe_dfl_env
	.type	__fe_dfl_env, @object
	.balign	4
__fe_dfl_env:
	.short	0x37f, 0
	.long	0x1f80
	.size	__fe_dfl_env, 8

func fegetround
	subq	$8, %rsp
	stmxcsr	(%rsp)
	movl	(%rsp), %eax
	shrl	$3, %eax
	andl	$RMODE, %eax
	addq	$8, %rsp
	ret
	.size	fegetround, . - fegetround

/* A value other than the four modes is refused (nonzero). */
func fesetround
	testl	$~RMODE, %edi
	jnz	1f
	subq	$8, %rsp
	fnstcw	(%rsp)
	andw	$~RMODE, (%rsp)
	orw	%di, (%rsp)
	fldcw	(%rsp)
	stmxcsr	4(%rsp)
	andl	$~(RMODE << 3), 4(%rsp)
	shll	$3, %edi
	orl	%edi, 4(%rsp)
	ldmxcsr	4(%rsp)
	addq	$8, %rsp
	xorl	%eax, %eax
	ret
1:	movl	$1, %eax
	ret
	.size	fesetround, . - fesetround

/* Clears the flags in %edi from both units: the x87 status word through
 * its environment (fnstenv/fldenv), MXCSR directly. */
func feclearexcept
	andl	$FE_ALL, %edi
	subq	$32, %rsp
	fnstenv	(%rsp)
	movl	%edi, %eax
	notl	%eax
	andw	%ax, 4(%rsp)
	fldenv	(%rsp)
	stmxcsr	28(%rsp)
	andl	%eax, 28(%rsp)
	ldmxcsr	28(%rsp)
	addq	$32, %rsp
	xorl	%eax, %eax
	ret
	.size	feclearexcept, . - feclearexcept

/* Sets the flags in MXCSR (the exceptions are masked: no trap). */
func feraiseexcept
	andl	$FE_ALL, %edi
	subq	$8, %rsp
	stmxcsr	(%rsp)
	orl	%edi, (%rsp)
	ldmxcsr	(%rsp)
	addq	$8, %rsp
	xorl	%eax, %eax
	ret
	.size	feraiseexcept, . - feraiseexcept

func fetestexcept
	andl	$FE_ALL, %edi
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstsw	%ax
	orl	(%rsp), %eax
	andl	%edi, %eax
	addq	$8, %rsp
	ret
	.size	fetestexcept, . - fetestexcept

/* fegetexceptflag(fexcept_t *flagp, int excepts) */
func fegetexceptflag
	pushq	%rdi
	movl	%esi, %edi
	call	fetestexcept
	popq	%rdi
	movl	%eax, (%rdi)
	xorl	%eax, %eax
	ret
	.size	fegetexceptflag, . - fegetexceptflag

/* fesetexceptflag(const fexcept_t *flagp, int excepts): the flags in
 * excepts take their state from *flagp. */
func fesetexceptflag
	pushq	%rdi
	pushq	%rsi
	movl	%esi, %edi
	call	feclearexcept
	popq	%rsi
	popq	%rdi
	movl	(%rdi), %edi
	andl	%esi, %edi
	jmp	feraiseexcept
	.size	fesetexceptflag, . - fesetexceptflag

func fegetenv
	fnstcw	(%rdi)
	fnstsw	2(%rdi)
	stmxcsr	4(%rdi)
	xorl	%eax, %eax
	ret
	.size	fegetenv, . - fegetenv

/* The x87 control and status words through its environment, MXCSR
 * directly. */
func fesetenv
	subq	$32, %rsp
	fnstenv	(%rsp)
	movw	(%rdi), %ax
	movw	%ax, (%rsp)
	movw	2(%rdi), %ax
	movw	%ax, 4(%rsp)
	fldenv	(%rsp)
	ldmxcsr	4(%rdi)
	addq	$32, %rsp
	xorl	%eax, %eax
	ret
	.size	fesetenv, . - fesetenv

func feholdexcept
	pushq	%rdi
	call	fegetenv
	movl	$FE_ALL, %edi
	call	feclearexcept
	popq	%rdi
	xorl	%eax, %eax
	ret
	.size	feholdexcept, . - feholdexcept

/* Installs *envp, then raises the flags that were set before. */
func feupdateenv
	pushq	%rdi
	movl	$FE_ALL, %edi
	call	fetestexcept
	popq	%rdi
	pushq	%rax
	call	fesetenv
	popq	%rdi
	jmp	feraiseexcept
	.size	feupdateenv, . - feupdateenv
