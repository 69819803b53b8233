// SPDX-License-Identifier: BSD-2-Clause
// alarm: SIGALRM to the process after a number of seconds. A thread of
// the library's own sleeps until the deadline (a futex wait on a
// generation word, so that a new alarm wakes it) and then sends the
// signal to the process (its first thread, like kill would).
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <unistd.h>
#include <verdigris/intr.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/signal.h"

static int lock;
static uint64_t deadline; /* 0: no alarm */
static uint32_t gen; /* bumped at every alarm call: the timer thread looks again */
static int started;

static void *timer_thread(void *arg)
{
	(void)arg;
	for (;;) {
		__libc_lock(&lock);
		uint32_t g = gen;
		uint64_t d = deadline;
		__libc_unlock(&lock);
		long st = vg_futex_wait(&gen, g, d ? d : UINT64_MAX);
		if (st != ERR_TIMED_OUT)
			continue;
		__libc_lock(&lock);
		bool due = gen == g && deadline == d && d;
		if (due)
			deadline = 0;
		__libc_unlock(&lock);
		if (due)
			vg_process_interrupt(vg_self(), VG_SIGARG(SIGALRM, SI_TIMER, 0));
	}
	return NULL;
}

unsigned alarm(unsigned seconds)
{
	if (__libc_sig_ready())
		return 0;
	uint64_t now = (uint64_t)vg_clock_monotonic();
	__libc_lock(&lock);
	uint64_t old = deadline;
	deadline = seconds ? now + (uint64_t)seconds * 1000000000u : 0;
	__atomic_fetch_add(&gen, 1, __ATOMIC_RELEASE);
	bool start = !started;
	started = 1;
	__libc_unlock(&lock);
	vg_futex_wake(&gen, 1);
	if (start) {
		pthread_t t;
		pthread_attr_t a;
		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		/* The library's thread takes no signal sent to the process: it
		 * starts with every one blocked (a new thread has its creator's
		 * mask). */
		sigset_t mask = __libc_sig_mask;
		__libc_sig_mask = ~SIG_UNBLOCKABLE;
		pthread_create(&t, &a, timer_thread, NULL);
		__libc_sig_mask = mask;
		__libc_sig_flush();
	}
	/* The seconds left of the previous alarm, rounded up. */
	return old > now ? (unsigned)((old - now + 999999999u) / 1000000000u) : 0;
}
