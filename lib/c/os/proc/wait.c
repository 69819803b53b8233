// SPDX-License-Identifier: BSD-2-Clause
// wait and waitpid. The server never blocks: it reaps a child that has
// ended or says "again". Then one waiting thread (the leader) sleeps on
// the process's events notification, which the server signals whenever a
// child ends, and wakes every other waiting thread through a futex
// generation count; all ask again. The notification is fetched before the
// first question, so an end between the question and the sleep is not
// lost (its bit stays set).
#include <errno.h>
#include <limits.h>
#include <proc.h>
#include <sys/wait.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/proc.h"

static int events_lock;
static vg_handle_t events;
static uint32_t generation;
static int leader;

void __libc_wait_forked(void)
{
	/* The parent's handle value means nothing here; no thread but this
	 * one exists to hold the lock or lead. */
	events = VG_HANDLE_INVALID;
	events_lock = 0;
	leader = 0;
}

static vg_handle_t events_note(vg_handle_t ep)
{
	__libc_lock(&events_lock);
	if (!events && proc_process_events(ep, &events))
		events = VG_HANDLE_INVALID;
	vg_handle_t n = events;
	__libc_unlock(&events_lock);
	return n;
}

/* Sleeps until some child may have changed state since generation was g. */
static void sleep_for_children(vg_handle_t note, uint32_t g)
{
	if (!__atomic_exchange_n(&leader, 1, __ATOMIC_ACQUIRE)) {
		vg_notification_wait(note, UINT64_MAX);
		__atomic_fetch_add(&generation, 1, __ATOMIC_RELEASE);
		vg_futex_wake(&generation, UINT32_MAX);
		__atomic_store_n(&leader, 0, __ATOMIC_RELEASE);
	} else {
		vg_futex_wait(&generation, g, UINT64_MAX);
	}
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED)) {
		errno = EINVAL;
		return -1;
	}
	vg_handle_t ep = __libc_proc_ep();
	vg_handle_t note = options & WNOHANG ? VG_HANDLE_INVALID : events_note(ep);
	if (!(options & WNOHANG) && !note)
		return __libc_proc_fail(ERR_BAD_HANDLE);
	for (;;) {
		uint32_t g = __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
		int32_t child, st_word;
		long st = proc_process_wait(ep, pid, &child, &st_word);
		if (!st) {
			if (status)
				*status = st_word;
			return child;
		}
		if (st != PROC_PROC_ERROR_AGAIN)
			return __libc_proc_fail(st);
		if (options & WNOHANG)
			return 0;
		sleep_for_children(note, g);
	}
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}
