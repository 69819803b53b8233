// SPDX-License-Identifier: BSD-2-Clause
// Waiting for a file server (docs/ARCHITECTURE.md section 17, "Waking").
// A server answers every call at once, so a call that would block (a pipe
// read with nothing buffered, a write with no room, F_SETLKW) waits here
// and asks again. The first waits are yields, since the other side is
// usually about to run; then the call hands the server a notification
// (file.arm, file.lockwait), which the server signals when the call may
// go on, and sleeps on it. The server checks and keeps the notification in
// one step, and a notification is a sticky bit, so a wake-up between the
// server's answer and the sleep is not lost. A server without arm is
// polled as before: sleeps growing to a millisecond.
//
// The wait is a cancellation point, and a signal handler that runs during
// it ends the call with EINTR unless it was installed with SA_RESTART and
// the call is restartable (pipes and locks are; poll is not).
#include <errno.h>
#include <pthread.h>

#include "../internal/fd.h"
#include "../internal/signal.h"
#include "../internal/thread.h"

#define YIELDS 32
#define SLEEP_MAX_NS 1000000

void __fd_wait(unsigned *round, uint64_t deadline)
{
	if (*round < YIELDS) {
		vg_thread_yield();
	} else {
		uint64_t ns = (uint64_t)1000 << (*round - YIELDS < 10 ? *round - YIELDS : 10);
		uint64_t until = vg_clock_monotonic() + (ns < SLEEP_MAX_NS ? ns : SLEEP_MAX_NS);
		vg_thread_sleep_until(until < deadline ? until : deadline);
	}
	(*round)++;
}

/* A cancelled thread lets go of what the call holds. */
static void abandon(void *arg)
{
	struct fd_wait *w = arg;
	__fd_wait_end(w);
	if (w->d)
		__fd_put(w->d);
}

/* w's notification, made at its first need: 0 or ERR_*. */
static long note_of(struct fd_wait *w)
{
	struct vg_handle_info info;
	long st;
	if (w->note)
		return 0;
	if ((st = vg_notification_create(&w->note))) {
		w->note = 0;
		return st;
	}
	if ((st = vg_handle_info(w->note, &info))) {
		__fd_wait_end(w);
		return st;
	}
	w->koid = info.koid;
	return 0;
}

long __fd_note_give(struct fd_wait *w, vg_handle_t *give)
{
	long st = note_of(w);
	return st ? st : vg_handle_duplicate(w->note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, give);
}

bool __fd_arming(const struct fd_wait *w)
{
	return w->round >= YIELDS && !w->polling;
}

void __fd_note_unsent(struct fd_wait *w, vg_handle_t give)
{
	/* A call that failed may have moved it (a reply lost to an
	 * interruption) or not (refused before sending): closed only if
	 * the number still names our notification. */
	struct vg_handle_info info;
	if (!vg_handle_info(give, &info) && info.koid == w->koid)
		vg_handle_close(give);
}

/* An interruption during the call's wait: EINTR when a handler says so. */
static int after_signal(struct fd_wait *w, bool restartable)
{
	if (!__libc_sig_eintr(w->handled, restartable))
		return 0;
	errno = EINTR;
	return -1;
}

int __fd_interrupted(struct fd_wait *w, bool restartable)
{
	pthread_cleanup_push(abandon, w);
	pthread_testcancel(); /* pthread_cancel's interruption acts here */
	pthread_cleanup_pop(0);
	return after_signal(w, restartable);
}

int __fd_sleep(struct fd_wait *w, uint64_t deadline, bool restartable)
{
	pthread_cleanup_push(abandon, w);
	bool was = __libc_cp_enter();
	/* Woken, timed out or interrupted: the caller asks again. */
	if (!w->polling && (w->note || (__fd_arming(w) && !note_of(w))))
		vg_notification_wait(w->note, deadline);
	else
		__fd_wait(&w->round, deadline);
	__libc_cp_leave(was);
	pthread_cleanup_pop(0);
	return after_signal(w, restartable);
}

int __fd_block(struct fd_wait *w, uint8_t events, uint32_t need, bool restartable)
{
	if (!__fd_arming(w)) {
		/* A yield is no wait: no cancellation region around it (a
		 * cleanup handler, __libc_cp_enter), which cost the round trip
		 * of a pipe 170 instructions; a request that came meanwhile is
		 * acted on right after it, as a handler's EINTR is. */
		vg_thread_yield();
		w->round++;
		if (__atomic_load_n(&__libc_self.cancel_pending, __ATOMIC_ACQUIRE))
			return __fd_interrupted(w, restartable);
		return after_signal(w, restartable);
	}
	vg_handle_t give;
	uint8_t ready = 0;
	long st = __fd_note_give(w, &give);
	if (st) {
		w->polling = true; /* no notification to give: poll */
		return __fd_sleep(w, UINT64_MAX, restartable);
	}
	if ((st = fs_file_arm(w->d->h, events, need, give, &ready)))
		__fd_note_unsent(w, give);
	if (st == ERR_INTERRUPTED)
		return __fd_interrupted(w, restartable);
	if (st == ERR_NOT_SUPPORTED || st == FS_FS_ERROR_NOT_SUPPORTED)
		w->polling = true; /* the server cannot wake us: poll it */
	else if (st || (ready & events))
		return 0; /* ready now, or an error the call itself will report */
	return __fd_sleep(w, UINT64_MAX, restartable);
}
