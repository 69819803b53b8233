// SPDX-License-Identifier: BSD-2-Clause
// <setjmp.h>: non-local jumps (lib/c/arch/<arch>/setjmp.S). There are no
// signals yet, so sigsetjmp saves no mask and is setjmp.
#ifndef _SETJMP_H
#define _SETJMP_H

typedef unsigned long jmp_buf[32];
typedef unsigned long sigjmp_buf[32];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
int _setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void _longjmp(jmp_buf env, int val);
#define sigsetjmp(env, save) setjmp(env)
#define siglongjmp(env, val) longjmp(env, val)

#endif
