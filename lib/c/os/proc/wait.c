// SPDX-License-Identifier: BSD-2-Clause
// wait, waitpid and waitid. The server never blocks: it reports a child
// that has ended (reaping it), stopped or continued, or says "again". Then one waiting thread (the
// leader) sleeps on the process's events notification, which the server signals whenever a child
// ends, and wakes every other waiting thread through a futex generation count; all ask again. The
// notification is fetched before the first question, so an end between the question and the sleep
// is not lost (its bit stays set).
#include <errno.h>
#include <limits.h>
#include <proc.h>
#include <pthread.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/proc.h"
#include "../internal/signal.h"
#include "../internal/thread.h"

/* The server's waitid flags (idl/proc.idl). */
#define WAIT_EXITED 1u
#define WAIT_STOPPED 2u
#define WAIT_CONTINUED 4u
#define WAIT_NOWAIT 8u

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
	long st = events ? 0 : ERR_INTERRUPTED;
	/* Ask again when the call never reached the server (an interruption
	 * refused it): else waitpid failed with ENOSYS under signals. A reply
	 * always lands, even when another thread forks meanwhile (the kernel
	 * keeps pinned IPC buffer pages out of the snapshot). */
	while (st == ERR_INTERRUPTED)
		st = proc_process_events(ep, &events);
	if (st)
		events = VG_HANDLE_INVALID;
	vg_handle_t n = events;
	__libc_unlock(&events_lock);
	return n;
}

/* The leader's sleep is over: every waiter asks again, and one of them
 * leads the next. Also a cancelled leader's cleanup, so that the others
 * neither wait on a leader that is gone nor miss what it consumed. */
static void wake_waiters(void *unused)
{
	(void)unused;
	__atomic_fetch_add(&generation, 1, __ATOMIC_RELEASE);
	vg_futex_wake(&generation, UINT32_MAX);
	__atomic_store_n(&leader, 0, __ATOMIC_RELEASE);
}

/* Sleeps until some child may have changed state since generation was g
 * (a cancellation point). */
static void sleep_for_children(vg_handle_t note, uint32_t g)
{
	if (!__atomic_exchange_n(&leader, 1, __ATOMIC_ACQUIRE)) {
		pthread_cleanup_push(wake_waiters, NULL);
		bool was = __libc_cp_enter();
		vg_notification_wait(note, UINT64_MAX);
		__libc_cp_leave(was);
		pthread_cleanup_pop(1);
	} else {
		__libc_cp_futex_wait(&generation, g, UINT64_MAX);
	}
}

/* Asks until a child selected by pid has a change flags ask for (the
 * server's waitid): 0 with child and status, or an errno value (EINTR for
 * a handler without SA_RESTART that ran while we slept). nohang: *child 0
 * instead of sleeping. */
static int wait_for(pid_t pid, uint32_t flags, bool nohang, int32_t *child, int32_t *status)
{
	pthread_testcancel();
	vg_handle_t ep = __libc_proc_ep();
	vg_handle_t note = nohang ? VG_HANDLE_INVALID : events_note(ep);
	if (!nohang && !note)
		return ENOSYS;
	uint64_t handled = __libc_sig_handled();
	for (;;) {
		uint32_t g = __atomic_load_n(&generation, __ATOMIC_ACQUIRE);
		long st = proc_process_waitid(ep, pid, flags, child, status);
		if (!st)
			return 0;
		/* A handler ran instead of the call (the kernel withdraws a
		 * call no server received; one received is always answered:
		 * docs/ARCHITECTURE.md section 11). */
		if (st == ERR_INTERRUPTED) {
			if (__libc_sig_eintr(handled, 1))
				return EINTR;
			continue;
		}
		if (st != PROC_PROC_ERROR_AGAIN) {
			__libc_proc_fail(st);
			return errno;
		}
		if (nohang) {
			*child = 0;
			return 0;
		}
		sleep_for_children(note, g);
		if (__libc_sig_eintr(handled, 1))
			return EINTR;
	}
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED)) {
		errno = EINVAL;
		return -1;
	}
	uint32_t flags = WAIT_EXITED | (options & WUNTRACED ? WAIT_STOPPED : 0) |
		(options & WCONTINUED ? WAIT_CONTINUED : 0);
	int32_t child, st_word;
	int err = wait_for(pid, flags, options & WNOHANG, &child, &st_word);
	if (err) {
		errno = err;
		return -1;
	}
	if (child && status)
		*status = st_word;
	return child;
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

/* A wait status as waitid's siginfo tells it. */
static void fill_info(siginfo_t *info, int32_t child, int32_t status)
{
	*info = (siginfo_t){ .si_signo = SIGCHLD, .si_pid = child };
	if (WIFEXITED(status)) {
		info->si_code = CLD_EXITED;
		info->si_status = WEXITSTATUS(status);
	} else if (WIFCONTINUED(status)) {
		info->si_code = CLD_CONTINUED;
		info->si_status = SIGCONT;
	} else if (WIFSTOPPED(status)) {
		info->si_code = CLD_STOPPED;
		info->si_status = WSTOPSIG(status);
	} else {
		info->si_code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		info->si_status = WTERMSIG(status);
	}
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	const int known = WNOHANG | WEXITED | WSTOPPED | WCONTINUED | WNOWAIT;
	pid_t pid = idtype == P_ALL ? -1 : idtype == P_PID ? (pid_t)id : -(pid_t)id;
	if ((options & ~known) || !(options & (WEXITED | WSTOPPED | WCONTINUED)) || !info ||
	    (idtype != P_ALL && idtype != P_PID && idtype != P_PGID) ||
	    (idtype != P_ALL && (id > INT_MAX || (idtype == P_PID && id == 0)))) {
		errno = EINVAL;
		return -1;
	}
	uint32_t flags = (options & WEXITED ? WAIT_EXITED : 0) |
		(options & WSTOPPED ? WAIT_STOPPED : 0) |
		(options & WCONTINUED ? WAIT_CONTINUED : 0) | (options & WNOWAIT ? WAIT_NOWAIT : 0);
	int32_t child, status;
	int err = wait_for(pid, flags, options & WNOHANG, &child, &status);
	if (err) {
		errno = err;
		return -1;
	}
	if (child)
		fill_info(info, child, status);
	else
		*info = (siginfo_t){ 0 }; /* WNOHANG, nothing yet: si_pid 0 */
	return 0;
}
