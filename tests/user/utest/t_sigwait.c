// SPDX-License-Identifier: BSD-2-Clause
// sigwait, sigwaitinfo, sigtimedwait (lib/c/os/signal/sigwait.c) in the
// root task: a blocked signal sent to ourselves is taken and no longer
// pending; another thread's pthread_kill wakes a waiter; the timeout
// (EAGAIN, after the time asked) and a zero one; EINVAL for a bad
// timespec; EINTR from a handler of a signal outside the set; a cancelled
// waiter runs its cleanup handler. Signals from other processes (si_pid,
// SIGCHLD) need a parent other than pid 1: t_proc_wait.c.
//
// A waiter the signal failed to wake would hang the run, so the threads
// that send one send it again after 2 s: the elapsed time check fails
// instead.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"

int kill(pid_t pid, int sig);

#define MS 1000000ull
#define NOW() ((uint64_t)vg_clock_monotonic())
#define SIGBIT(sig) ((sigset_t)1 << (sig))

static const sigset_t usr1 = SIGBIT(SIGUSR1);

/* Blocks set (the signals a sigwait caller waits for), returns the old mask. */
static sigset_t block(sigset_t set)
{
	sigset_t old;
	pthread_sigmask(SIG_BLOCK, &set, &old);
	return old;
}

static void restore(sigset_t old)
{
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

UTEST(sigwait_takes_a_pending_signal)
{
	sigset_t old = block(usr1);
	CHECK_EQ(kill(getpid(), SIGUSR1), 0);
	sigset_t pending = 0;
	CHECK_EQ(sigpending(&pending), 0);
	CHECK(pending & usr1);
	int sig = 0;
	CHECK_EQ(sigwait(&usr1, &sig), 0);
	CHECK_EQ(sig, SIGUSR1);
	CHECK_EQ(sigpending(&pending), 0);
	CHECK(!(pending & usr1));
	/* sigwaitinfo's info: raise is SI_TKILL, kill of ourselves SI_USER. */
	CHECK_EQ(raise(SIGUSR1), 0);
	siginfo_t si = { 0 };
	CHECK_EQ(sigwaitinfo(&usr1, &si), SIGUSR1);
	CHECK_EQ(si.si_signo, SIGUSR1);
	CHECK_EQ(si.si_code, SI_TKILL);
	restore(old);
}

struct sender {
	pthread_t target;
	int sig;
	sem_t done; /* posted by the target once it got the signal */
};

/* Sends the signal after 30 ms, and again after 2 s more if the target
 * has not said it got it (so that a miss fails instead of hanging). */
static void *send_later(void *arg)
{
	struct sender *s = arg;
	nanosleep(&(struct timespec){ 0, 30 * MS }, NULL);
	pthread_kill(s->target, s->sig);
	struct timespec limit;
	clock_gettime(CLOCK_REALTIME, &limit);
	limit.tv_sec += 2;
	if (sem_timedwait(&s->done, &limit))
		pthread_kill(s->target, s->sig);
	return NULL;
}

UTEST(sigwait_woken_by_another_thread)
{
	sigset_t old = block(usr1);
	struct sender s = { .target = pthread_self(), .sig = SIGUSR1 };
	sem_init(&s.done, 0, 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, send_later, &s), 0);
	uint64_t start = NOW();
	int sig = 0;
	CHECK_EQ(sigwait(&usr1, &sig), 0);
	uint64_t took = NOW() - start;
	sem_post(&s.done);
	CHECK_EQ(sig, SIGUSR1);
	CHECK(took >= 20 * MS); /* it waited for the sender */
	CHECK(took < 1000 * MS); /* woken by the first send */
	CHECK_EQ(pthread_join(t, NULL), 0);
	/* A second send after the first was taken would still be pending. */
	sigset_t pending;
	sigpending(&pending);
	CHECK(!(pending & usr1));
	restore(old);
}

UTEST(sigtimedwait_times_out_and_polls)
{
	sigset_t old = block(usr1);
	siginfo_t si;
	uint64_t start = NOW();
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ 0, 50 * MS }), -1);
	uint64_t took = NOW() - start;
	CHECK_EQ(errno, EAGAIN);
	CHECK(took >= 50 * MS);
	CHECK(took < 1000 * MS);
	/* A zero timeout polls: nothing, then what is pending. */
	struct timespec zero = { 0, 0 };
	start = NOW();
	CHECK_EQ(sigtimedwait(&usr1, &si, &zero), -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK(NOW() - start < 50 * MS);
	CHECK_EQ(raise(SIGUSR1), 0);
	CHECK_EQ(sigtimedwait(&usr1, &si, &zero), SIGUSR1);
	CHECK_EQ(si.si_signo, SIGUSR1);
	CHECK_EQ(sigtimedwait(&usr1, NULL, &zero), -1); /* taken: gone */
	CHECK_EQ(errno, EAGAIN);
	restore(old);
}

UTEST(sigtimedwait_bad_timespec)
{
	sigset_t old = block(usr1);
	CHECK_EQ(raise(SIGUSR1), 0);
	siginfo_t si;
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ 0, 1000000000L }), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ 0, -1 }), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ -1, 0 }), -1);
	CHECK_EQ(errno, EINVAL);
	/* The bad calls took nothing. */
	sigset_t pending;
	sigpending(&pending);
	CHECK(pending & usr1);
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ 0, 0 }), SIGUSR1);
	restore(old);
}

static volatile int usr2_runs;

static void on_usr2(int sig)
{
	(void)sig;
	usr2_runs++;
}

UTEST(sigtimedwait_interrupted_by_a_handler)
{
	sigset_t old = block(usr1);
	usr2_runs = 0;
	struct sigaction a = { .sa_handler = on_usr2, .sa_flags = SA_RESTART }, was;
	CHECK_EQ(sigaction(SIGUSR2, &a, &was), 0);
	struct sender s = { .target = pthread_self(), .sig = SIGUSR2 };
	sem_init(&s.done, 0, 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, send_later, &s), 0);
	uint64_t start = NOW();
	siginfo_t si;
	CHECK_EQ(sigtimedwait(&usr1, &si, &(struct timespec){ 5, 0 }), -1);
	uint64_t took = NOW() - start;
	sem_post(&s.done);
	CHECK_EQ(errno, EINTR); /* whatever SA_RESTART says */
	CHECK_EQ(usr2_runs, 1);
	CHECK(took < 1000 * MS);
	CHECK_EQ(pthread_join(t, NULL), 0);
	sigaction(SIGUSR2, &was, NULL);
	restore(old);
}

struct waiter {
	int ready;
	sem_t cleaned;
};

static void cleaned(void *arg)
{
	sem_post(&((struct waiter *)arg)->cleaned);
}

static void *waits(void *arg)
{
	struct waiter *w = arg;
	block(usr1);
	int sig = 0;
	pthread_cleanup_push(cleaned, w);
	__atomic_store_n(&w->ready, 1, __ATOMIC_RELEASE);
	sigwait(&usr1, &sig);
	pthread_cleanup_pop(0);
	return (void *)(intptr_t)sig;
}

UTEST(sigwait_is_a_cancellation_point)
{
	struct waiter w = { 0 };
	sem_init(&w.cleaned, 0, 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, waits, &w), 0);
	while (!__atomic_load_n(&w.ready, __ATOMIC_ACQUIRE))
		sched_yield();
	nanosleep(&(struct timespec){ 0, 20 * MS }, NULL); /* into the wait */
	CHECK_EQ(pthread_cancel(t), 0);
	struct timespec limit;
	clock_gettime(CLOCK_REALTIME, &limit);
	limit.tv_sec += 2;
	int woken = sem_timedwait(&w.cleaned, &limit);
	CHECK_EQ(woken, 0);
	if (woken)
		pthread_kill(t, SIGUSR1); /* the cancel missed: end its wait */
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
}
