// SPDX-License-Identifier: BSD-2-Clause
// sigwait, sigwaitinfo, sigtimedwait: take one pending signal of a set.
//
// The caller blocks the signals of the set, so the entry (signal.c) leaves
// each one pending and counts its arrival in a futex word.
// The waiter reads that word, looks at the pending set, and sleeps on the
// word: an arrival between the look and the sleep makes the sleep return
// at once, one during it ends the sleep with ERR_INTERRUPTED. No polling.
// A signal sent to the process that every thread blocks waits in the
// process's pending set, which any thread's sigwait takes (signal.c); the
// arrivals word is the process's, and the entry wakes its sleepers when
// it adds one there.
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <vg/vg.h>

#include "../internal/signal.h"
#include "../internal/thread.h"

/* The signal taken (its info in *info), or minus an errno value: EAGAIN
 * at the deadline, EINTR when a handler ran and eintr says to fail. A
 * cancellation point; nothing is held across the wait. */
static int wait_for(const sigset_t *set, siginfo_t *info, uint64_t deadline, bool eintr)
{
	if (__libc_sig_ready())
		return -EINVAL;
	__libc_sigchld_wanted(*set);
	const uint32_t *word = __libc_sig_arrivals_word();
	uint64_t before = __libc_sig_handled();
	for (;;) {
		uint32_t seen = __atomic_load_n(word, __ATOMIC_ACQUIRE);
		int sig = __libc_sig_take(*set & ~SIG_UNBLOCKABLE, info);
		if (sig)
			return sig;
		if (eintr && __libc_sig_eintr(before, 0))
			return -EINTR;
		if (__libc_cp_futex_wait(word, seen, deadline) == ETIMEDOUT)
			return -EAGAIN;
	}
}

/* POSIX gives sigwait no EINTR: a handler that runs meanwhile does not
 * end the wait. */
int sigwait(const sigset_t *restrict set, int *restrict sig)
{
	siginfo_t info;
	int r = wait_for(set, &info, UINT64_MAX, false);
	if (r < 0)
		return -r;
	*sig = r;
	return 0;
}

int sigtimedwait(const sigset_t *restrict set, siginfo_t *restrict info,
		 const struct timespec *restrict timeout)
{
	uint64_t deadline = UINT64_MAX;
	if (timeout) {
		if (timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000L ||
		    timeout->tv_sec < 0) {
			errno = EINVAL;
			return -1;
		}
		uint64_t now = (uint64_t)vg_clock_monotonic();
		uint64_t room = (UINT64_MAX - 1 - now) / 1000000000u;
		deadline = (uint64_t)timeout->tv_sec >= room
			? UINT64_MAX - 1
			: now + (uint64_t)timeout->tv_sec * 1000000000u +
				(uint64_t)timeout->tv_nsec;
	}
	siginfo_t local;
	int r = wait_for(set, info ? info : &local, deadline, true);
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}

int sigwaitinfo(const sigset_t *restrict set, siginfo_t *restrict info)
{
	return sigtimedwait(set, info, NULL);
}
