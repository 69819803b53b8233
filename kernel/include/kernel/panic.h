/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <kernel/types.h>

/* Prints "PANIC: <message>" and a backtrace, then powers off with a failure
 * status the test harness sees. */
_Noreturn void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* For arch fault handlers, which have printed the registers already: the
 * backtrace starts at the faulting context's frame pointer. */
_Noreturn void panic_at(uintptr_t pc, uintptr_t fp, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));
void backtrace_print(uintptr_t pc, uintptr_t fp);

#define kassert(cond)                                                                      \
	do {                                                                               \
		if (!(cond))                                                               \
			panic("assertion failed: %s at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
