/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How a process's end is described (docs/ARCHITECTURE.md sections 14 and
 * 15): the code given to thread_exit, process_kill or interrupt_return,
 * which the kernel keeps whole (a long) as the process's exit code, in its
 * exit packet (data[0]) and in process_info. Three forms, apart:
 *
 * - 0-255: the program ended itself with exit(n) (the C library passes
 *   n & 0xff);
 * - VG_EXIT_SIGNAL(sig, core): ended by signal sig (1-63), with the
 *   core-dump bit when the signal's default action dumps core (the C
 *   library's default actions, the process server's SIGKILL and its
 *   default action for a program without an entry);
 * - negative: the kernel ended it for a fault no one handled (-1), or a
 *   manager killed it as a failed start: counted as SIGSEGV with the
 *   core-dump bit.
 *
 * So exit(130) is an exit code and SIGINT's default action is not, unlike
 * a shell's $? (128 + sig), which the shell computes from the wait status.
 */
#ifndef VERDIGRIS_EXIT_H
#define VERDIGRIS_EXIT_H

#include <stdint.h>

/* The flag of a signal's end; bits 0-6 the signal, bit 7 the core dump,
 * as in the low byte of a POSIX wait status. Below VG_INTR_QUIET (bit 30,
 * interrupt_return's flag), apart from it. */
#define VG_EXIT_SIGNALED (1l << 16)
#define VG_EXIT_CORE 0x80l
#define VG_EXIT_SIGNAL(sig, core) \
	(VG_EXIT_SIGNALED | ((long)(sig)&0x7f) | ((core) ? VG_EXIT_CORE : 0))
#define VG_EXIT_IS_SIGNAL(code) ((code) < 0 || ((code)&VG_EXIT_SIGNALED) != 0)

/* The signals whose default action dumps core (POSIX's "A" action):
 * SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU,
 * SIGXFSZ, SIGSYS (Linux's numbers), as a mask of 1 << sig. Verdigris
 * writes no core file: the bit says the signal is of that kind (a crash
 * report is in the kernel log for the faults and abort). */
#define VG_EXIT_CORE_SIGNALS                                                                 \
	((1ull << 3) | (1ull << 4) | (1ull << 5) | (1ull << 6) | (1ull << 7) | (1ull << 8) | \
	 (1ull << 11) | (1ull << 24) | (1ull << 25) | (1ull << 31))
#define VG_EXIT_SIG_DUMPS_CORE(sig) \
	((sig) > 0 && (sig) < 64 && ((VG_EXIT_CORE_SIGNALS >> (sig)) & 1))
/* A default action's end for sig: with the core-dump bit when it dumps. */
#define VG_EXIT_SIGNAL_DEFAULT(sig) VG_EXIT_SIGNAL(sig, VG_EXIT_SIG_DUMPS_CORE(sig))
/* The kernel's fault kill, and a failed start's. */
#define VG_EXIT_FAULT (-1l)
#define VG_EXIT_FAULT_SIGNAL 11 /* SIGSEGV */

/* The POSIX wait status of an end code (<sys/wait.h>'s encoding, as
 * Linux's): the exit code in bits 8-15, or the signal in bits 0-6 and the
 * core-dump bit 7. */
static inline int32_t vg_exit_wait_status(long code)
{
	if (code < 0)
		return VG_EXIT_FAULT_SIGNAL | (int32_t)VG_EXIT_CORE;
	if (code & VG_EXIT_SIGNALED)
		return (int32_t)(code & 0xff);
	return (int32_t)((code & 0xff) << 8);
}

#endif
