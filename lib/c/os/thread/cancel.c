// SPDX-License-Identifier: BSD-2-Clause
// Thread cancellation: pthread_cancel, the state and type, cleanup
// handlers, and the cancellation points' regions.
//
// pthread_cancel marks the target (cancel_pending) and then interrupts it
// (thread_interrupt with an arg that carries no signal), the way a signal
// reaches a thread: a wait in the kernel ends with ERR_INTERRUPTED and the
// process's interruption entry runs on the target before it goes on. What
// acts is the target itself, never the canceller:
//
// - deferred (the default): each cancellation point marks its wait as a
//   region (__libc_cp_enter/leave, thread.h). Entering one acts on a
//   request already pending; a request made later interrupts the thread
//   inside the region, and the entry acts there, before the interrupted
//   wait would resume. Marking first and checking second leaves no moment
//   where a request can slip in between the check and the wait (the
//   interruption of a thread not yet in the kernel is delivered at its
//   next return to user mode - still inside the region). No polling: the
//   wait sleeps until the request wakes it.
// - asynchronous: the entry acts wherever the interruption finds the
//   thread (at the next interruption delivery: a thread running in user
//   mode gets it at its next entry to the kernel, a timer tick at the
//   latest).
//
// Acting is pthread_exit(PTHREAD_CANCELED) with cancellation disabled:
// the cleanup handlers run (innermost first), then the TSD destructors,
// and the thread's resources go as for any exit. From the entry, the
// interrupted context's frame is simply abandoned on the stack below the
// handlers' records. A cancellation point that holds something across its
// wait (a condition variable's mutex, a descriptor reference, a
// semaphore's waiter count) pushes a cleanup handler that releases it.
#include <errno.h>
#include <pthread.h>
#include <verdigris/intr.h>

#include "../internal/signal.h"
#include "../internal/thread.h"

/* The interruption pthread_cancel sends: signal 0, which the entry does
 * not take for a signal; only cancel_pending says that a request exists,
 * so an arg forged from outside the process cancels nothing. */
#define CANCEL_ARG VG_SIGARG(0, 'C', 0)

static _Noreturn void act(struct __pthread *t)
{
	__atomic_store_n(&t->in_cp, false, __ATOMIC_RELAXED);
	t->cancel_disabled = true; /* cleanup handlers may call points */
	pthread_exit(PTHREAD_CANCELED);
}

static bool requested(struct __pthread *t)
{
	return !t->cancel_disabled && __atomic_load_n(&t->cancel_pending, __ATOMIC_ACQUIRE);
}

int pthread_cancel(pthread_t t)
{
	if (!__libc_thread_alive(t))
		return ESRCH;
	__atomic_store_n(&t->cancel_pending, 1, __ATOMIC_SEQ_CST);
	/* A thread that has already ended (not yet joined) has nothing to
	 * interrupt: the request is kept and changes nothing (ESRCH from the
	 * send); one with 16 interruptions waiting will reach its entry with
	 * those, which checks the request the same way. */
	int err = __libc_sig_send(t, CANCEL_ARG, 0);
	return err == ESRCH || err == EAGAIN ? 0 : err;
}

void pthread_testcancel(void)
{
	struct __pthread *t = &__libc_self;
	if (requested(t))
		act(t);
}

int pthread_setcancelstate(int state, int *old)
{
	struct __pthread *t = &__libc_self;
	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = t->cancel_disabled ? PTHREAD_CANCEL_DISABLE : PTHREAD_CANCEL_ENABLE;
	t->cancel_disabled = state == PTHREAD_CANCEL_DISABLE;
	/* Deferred: the request waits for the next cancellation point. */
	if (t->cancel_async)
		pthread_testcancel();
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	struct __pthread *t = &__libc_self;
	if (type != PTHREAD_CANCEL_DEFERRED && type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = t->cancel_async ? PTHREAD_CANCEL_ASYNCHRONOUS : PTHREAD_CANCEL_DEFERRED;
	t->cancel_async = type == PTHREAD_CANCEL_ASYNCHRONOUS;
	if (t->cancel_async)
		pthread_testcancel();
	return 0;
}

void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*fn)(void *), void *arg)
{
	struct __pthread *t = &__libc_self;
	c->fn = fn;
	c->arg = arg;
	c->next = t->cleanup;
	/* Linked only once filled in: an asynchronous cancellation may come
	 * between any two instructions. */
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	t->cleanup = c;
}

void __pthread_cleanup_pop(int execute)
{
	struct __pthread_cleanup *c = __libc_self.cleanup;
	__libc_self.cleanup = c->next;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (execute)
		c->fn(c->arg);
}

bool __libc_cp_enter(void)
{
	struct __pthread *t = &__libc_self;
	bool was = __atomic_load_n(&t->in_cp, __ATOMIC_RELAXED);
	__atomic_store_n(&t->in_cp, true, __ATOMIC_RELAXED);
	/* Marked before the check: a request after it finds us inside. */
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	if (requested(t))
		act(t);
	return was;
}

void __libc_cp_leave(bool was)
{
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	__atomic_store_n(&__libc_self.in_cp, was, __ATOMIC_RELAXED);
}

int __libc_cp_futex_wait(const void *word, uint32_t expected, uint64_t deadline)
{
	bool was = __libc_cp_enter();
	int r = __libc_futex_wait(word, expected, deadline);
	__libc_cp_leave(was);
	return r;
}

bool __libc_cancel_entry_begin(void)
{
	bool in_cp = __atomic_load_n(&__libc_self.in_cp, __ATOMIC_RELAXED);
	__atomic_store_n(&__libc_self.in_cp, false, __ATOMIC_RELAXED);
	return in_cp;
}

void __libc_cancel_entry_end(bool in_cp)
{
	struct __pthread *t = &__libc_self;
	__atomic_store_n(&t->in_cp, in_cp, __ATOMIC_RELAXED);
	if ((in_cp || t->cancel_async) && requested(t))
		act(t);
}
