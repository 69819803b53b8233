// SPDX-License-Identifier: BSD-2-Clause
// <setjmp.h>: non-local jumps (lib/c/arch/<arch>/setjmp.S and
// lib/c/os/signal/sigjmp.c). setjmp also keeps, in word 29, the signal
// handlers running at the time, whose IPC buffers longjmp lets go of when
// it leaves them; sigsetjmp keeps the signal mask in the last two words and
// siglongjmp puts it back.
#ifndef _SETJMP_H
#define _SETJMP_H

typedef unsigned long jmp_buf[32];
typedef unsigned long sigjmp_buf[32];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
int _setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void _longjmp(jmp_buf env, int val);
void __sigsetjmp_mask(sigjmp_buf env, int save);
#define sigsetjmp(env, save) (__sigsetjmp_mask(env, save), setjmp(env))
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
