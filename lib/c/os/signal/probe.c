// SPDX-License-Identifier: BSD-2-Clause
// Probing a caller's buffer before it is used (internal/signal.h): read,
// write and the rest copy small transfers between the caller's buffer and
// the IPC message themselves, so a wild pointer would fault in the C
// library instead of failing with EFAULT as a system call does. Each page
// of the buffer is touched once under a guard: a fault there comes to the
// interruption entry, which jumps back here (__libc_probe_fault) instead
// of raising SIGSEGV. A write probe stores the byte's own value with a
// compare-and-swap, so it cannot lose a concurrent store.
#include <errno.h>
#include <setjmp.h>

#include "../internal/signal.h"

#define PAGE 4096u /* the smallest page of the three architectures */

static _Thread_local jmp_buf *guard;

void __libc_probe_fault(void)
{
	if (guard)
		longjmp(*guard, 1);
}

/* A store of the byte's own value, which no concurrent store can be lost
 * to: a compare-and-swap that writes what it read (not an OR of 0, which
 * compilers turn into a load). */
static void store_own_value(unsigned char *p)
{
	unsigned char v = __atomic_load_n(p, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(p, &v, v, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

int __libc_probe(const void *buf, size_t n, bool writable)
{
	uintptr_t p = (uintptr_t)buf, last = p + n - 1;
	if (!n)
		return 0;
	if (last < p)
		return EFAULT; /* wraps around the address space */
	/* A signal handler's probe inside ours puts ours back. */
	jmp_buf env, *outer = guard;
	if (setjmp(env)) {
		guard = outer;
		return EFAULT;
	}
	guard = &env;
	for (;;) {
		if (writable)
			store_own_value((unsigned char *)p);
		else
			(void)*(volatile const unsigned char *)p;
		if (p / PAGE == last / PAGE)
			break;
		p = (p | (PAGE - 1)) + 1;
	}
	guard = outer;
	return 0;
}
