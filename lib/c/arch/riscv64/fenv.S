/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <fenv.h> for RISC-V 64: the rounding mode is fcsr.frm (0 nearest, 1
 * towards zero, 2 down, 3 up), the exception flags fcsr.fflags (NX, UF,
 * OF, DZ, NV from bit 0); the FE_ constants are those values. fenv_t is
 * { fcsr }. RISC-V has no floating-point traps.
 */
#define FE_ALL 0x1f

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
	.word	0
	.size	__fe_dfl_env, 4

func fegetround
	frrm	a0
	ret
	.size	fegetround, . - fegetround

/* A value other than the four modes is refused (nonzero). */
func fesetround
	li	t0, 3
	bgtu	a0, t0, 1f
	fsrm	a0
	li	a0, 0
	ret
1:	li	a0, 1
	ret
	.size	fesetround, . - fesetround

func feclearexcept
	andi	a0, a0, FE_ALL
	csrc	fflags, a0
	li	a0, 0
	ret
	.size	feclearexcept, . - feclearexcept

func feraiseexcept
	andi	a0, a0, FE_ALL
	csrs	fflags, a0
	li	a0, 0
	ret
	.size	feraiseexcept, . - feraiseexcept

func fetestexcept
	andi	a0, a0, FE_ALL
	frflags	t0
	and	a0, a0, t0
	ret
	.size	fetestexcept, . - fetestexcept

/* fegetexceptflag(fexcept_t *flagp, int excepts) */
func fegetexceptflag
	andi	a1, a1, FE_ALL
	frflags	t0
	and	t0, t0, a1
	sw	t0, 0(a0)
	li	a0, 0
	ret
	.size	fegetexceptflag, . - fegetexceptflag

/* fesetexceptflag(const fexcept_t *flagp, int excepts): the flags in
 * excepts take their state from *flagp. */
func fesetexceptflag
	andi	a1, a1, FE_ALL
	lw	t0, 0(a0)
	and	t0, t0, a1
	csrc	fflags, a1
	csrs	fflags, t0
	li	a0, 0
	ret
	.size	fesetexceptflag, . - fesetexceptflag

func fegetenv
	frcsr	t0
	sw	t0, 0(a0)
	li	a0, 0
	ret
	.size	fegetenv, . - fegetenv

func fesetenv
	lw	t0, 0(a0)
	fscsr	t0
	li	a0, 0
	ret
	.size	fesetenv, . - fesetenv

func feholdexcept
	frcsr	t0
	sw	t0, 0(a0)
	csrw	fflags, zero
	li	a0, 0
	ret
	.size	feholdexcept, . - feholdexcept

/* Installs *envp, then raises the flags that were set before. */
func feupdateenv
	frflags	t1
	lw	t0, 0(a0)
	fscsr	t0
	csrs	fflags, t1
	li	a0, 0
	ret
	.size	feupdateenv, . - feupdateenv
