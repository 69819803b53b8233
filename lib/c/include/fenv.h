// SPDX-License-Identifier: BSD-2-Clause
// The floating-point environment (C11 7.6): the rounding mode and the
// exception flags of the FPU, read and written by lib/c/arch/<arch>/fenv.S.
// The constants are each architecture's own bits, so that the assembly
// moves them into the control register without translation.
#ifndef _FENV_H
#define _FENV_H

#if defined(__x86_64__)
/* x87 status word / MXCSR flag bits; the rounding field of MXCSR >> 3
 * (bits 10-11 of the x87 control word). */
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x04
#define FE_OVERFLOW 0x08
#define FE_UNDERFLOW 0x10
#define FE_INEXACT 0x20
#define FE_TONEAREST 0x000
#define FE_DOWNWARD 0x400
#define FE_UPWARD 0x800
#define FE_TOWARDZERO 0xc00
typedef struct {
	unsigned short x87_control, x87_status;
	unsigned int mxcsr;
} fenv_t;
#elif defined(__aarch64__)
/* FPSR cumulative flags; FPCR.RMode (bits 22-23). */
#define FE_INVALID 0x01
#define FE_DIVBYZERO 0x02
#define FE_OVERFLOW 0x04
#define FE_UNDERFLOW 0x08
#define FE_INEXACT 0x10
#define FE_TONEAREST 0x000000
#define FE_UPWARD 0x400000
#define FE_DOWNWARD 0x800000
#define FE_TOWARDZERO 0xc00000
typedef struct {
	unsigned long fpcr, fpsr;
} fenv_t;
#elif defined(__riscv)
/* fflags and frm of fcsr. */
#define FE_INEXACT 0x01
#define FE_UNDERFLOW 0x02
#define FE_OVERFLOW 0x04
#define FE_DIVBYZERO 0x08
#define FE_INVALID 0x10
#define FE_TONEAREST 0
#define FE_TOWARDZERO 1
#define FE_DOWNWARD 2
#define FE_UPWARD 3
typedef struct {
	unsigned int fcsr;
} fenv_t;
#else
#error "fenv.h: unknown architecture"
#endif

#define FE_ALL_EXCEPT (FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT)

typedef unsigned int fexcept_t;

/* The environment at program start: round to nearest, no flags. */
extern const fenv_t __fe_dfl_env;
#define FE_DFL_ENV (&__fe_dfl_env)

int feclearexcept(int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feholdexcept(fenv_t *envp);
int feupdateenv(const fenv_t *envp);

#endif
