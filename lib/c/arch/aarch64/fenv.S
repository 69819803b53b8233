/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <fenv.h> for AArch64: the rounding mode is FPCR.RMode (bits 22-23), the
 * cumulative exception flags FPSR bits 0-4 (IOC, DZC, OFC, UFC, IXC); the
 * FE_ constants are those bits. fenv_t is { fpcr, fpsr }. Trap enables
 * (FPCR bits 8-12) are left off: non-stop mode throughout.
 */
#define FE_ALL 0x1f
#define RMODE 0xc00000

	.macro	func name
	.text
	.globl	\name
	.type	\name, %function
\name:
	.endm

	.section .rodata
	.globl	__fe_dfl_env
	.type	__fe_dfl_env, %object
	.balign	8
__fe_dfl_env:
	.quad	0, 0
	.size	__fe_dfl_env, 16

func fegetround
	mrs	x0, fpcr
	and	x0, x0, #RMODE
	ret
	.size	fegetround, . - fegetround

/* A value other than the four modes is refused (nonzero). */
func fesetround
	mov	w1, #RMODE
	bics	wzr, w0, w1
	b.ne	1f
	mrs	x1, fpcr
	bic	x1, x1, #RMODE
	orr	x1, x1, x0
	msr	fpcr, x1
	mov	w0, #0
	ret
1:	mov	w0, #1
	ret
	.size	fesetround, . - fesetround

func feclearexcept
	and	x0, x0, #FE_ALL
	mrs	x1, fpsr
	bic	x1, x1, x0
	msr	fpsr, x1
	mov	w0, #0
	ret
	.size	feclearexcept, . - feclearexcept

func feraiseexcept
	and	x0, x0, #FE_ALL
	mrs	x1, fpsr
	orr	x1, x1, x0
	msr	fpsr, x1
	mov	w0, #0
	ret
	.size	feraiseexcept, . - feraiseexcept

func fetestexcept
	and	x0, x0, #FE_ALL
	mrs	x1, fpsr
	and	x0, x0, x1
	ret
	.size	fetestexcept, . - fetestexcept

/* fegetexceptflag(fexcept_t *flagp, int excepts) */
func fegetexceptflag
	and	x1, x1, #FE_ALL
	mrs	x2, fpsr
	and	x2, x2, x1
	str	w2, [x0]
	mov	w0, #0
	ret
	.size	fegetexceptflag, . - fegetexceptflag

/* fesetexceptflag(const fexcept_t *flagp, int excepts): the flags in
 * excepts take their state from *flagp. */
func fesetexceptflag
	and	x1, x1, #FE_ALL
	ldr	w2, [x0]
	and	x2, x2, x1
	mrs	x3, fpsr
	bic	x3, x3, x1
	orr	x3, x3, x2
	msr	fpsr, x3
	mov	w0, #0
	ret
	.size	fesetexceptflag, . - fesetexceptflag

func fegetenv
	mrs	x1, fpcr
	mrs	x2, fpsr
	stp	x1, x2, [x0]
	mov	w0, #0
	ret
	.size	fegetenv, . - fegetenv

func fesetenv
	ldp	x1, x2, [x0]
	msr	fpcr, x1
	msr	fpsr, x2
	mov	w0, #0
	ret
	.size	fesetenv, . - fesetenv

/* Saves the environment, then clears the flags (traps are already off). */
func feholdexcept
	mrs	x1, fpcr
	mrs	x2, fpsr
	stp	x1, x2, [x0]
	bic	x2, x2, #FE_ALL
	msr	fpsr, x2
	mov	w0, #0
	ret
	.size	feholdexcept, . - feholdexcept

/* Installs *envp, then raises the flags that were set before. */
func feupdateenv
	mrs	x3, fpsr
	and	x3, x3, #FE_ALL
	ldp	x1, x2, [x0]
	msr	fpcr, x1
	orr	x2, x2, x3
	msr	fpsr, x2
	mov	w0, #0
	ret
	.size	feupdateenv, . - feupdateenv
