// SPDX-License-Identifier: BSD-2-Clause
// Thread cancellation (lib/c/os/thread/cancel.c): a thread blocked in each
// of the main cancellation points is woken and cancelled, with its cleanup
// handlers run (a condition variable's mutex held by then); cancellation
// disabled, then enabled; deferred cancellation waits for a point; cleanup
// handlers' order and arguments, pop(1) and pop(0), then TSD destructors;
// a request made by a signal handler during a point's wait;
// asynchronous cancellation of a thread that never calls one; an ended
// thread; ESRCH; bad arguments.
//
// A cancelled thread that stayed blocked would hang its join, so each
// test waits for the cleanup handler's post with a deadline, and on a
// miss unblocks the thread its ordinary way: the check fails, the run
// goes on.
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"

int kill(pid_t pid, int sig);

enum point { COND, SEM, SLEEP, PIPE_READ, JOIN, POLL, WAITPID };

struct blocked {
	enum point point;
	int ready; /* set just before the thread blocks */
	sem_t cleaned; /* posted by its cleanup handler */
	int unlock_result; /* COND: the handler's unlock of the mutex */
	pthread_mutex_t m; /* error-checking: unlock tells whether we hold it */
	pthread_cond_t c;
	int go; /* COND: the ordinary wake-up */
	sem_t sem; /* SEM, and JOIN's inner thread */
	int pipe[2]; /* PIPE_READ, POLL */
	pthread_t inner; /* JOIN */
	pid_t child; /* WAITPID */
};

static void posted(void *arg)
{
	struct blocked *b = arg;
	if (b->point == COND)
		b->unlock_result = pthread_mutex_unlock(&b->m);
	sem_post(&b->cleaned);
}

static void *inner_waits(void *arg)
{
	struct blocked *b = arg;
	sem_wait(&b->sem);
	return NULL;
}

static void *block_in(void *arg)
{
	struct blocked *b = arg;
	char c;
	struct pollfd p = { .events = POLLIN };
	int st;
	pthread_cleanup_push(posted, b);
	if (b->point == COND)
		pthread_mutex_lock(&b->m);
	__atomic_store_n(&b->ready, 1, __ATOMIC_RELEASE);
	switch (b->point) {
	case COND:
		while (!__atomic_load_n(&b->go, __ATOMIC_ACQUIRE))
			pthread_cond_wait(&b->c, &b->m);
		pthread_mutex_unlock(&b->m);
		break;
	case SEM: sem_wait(&b->sem); break;
	case SLEEP: sleep(3); break;
	case PIPE_READ: (void)read(b->pipe[0], &c, 1); break;
	case JOIN: pthread_join(b->inner, NULL); break;
	case POLL:
		p.fd = b->pipe[0];
		poll(&p, 1, -1);
		break;
	case WAITPID: waitpid(b->child, &st, 0); break;
	}
	pthread_cleanup_pop(0);
	return (void *)1;
}

/* An absolute CLOCK_REALTIME time ms from now. */
static struct timespec in_ms(long ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000;
	if (t.tv_nsec >= 1000000000) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000;
	}
	return t;
}

static void sleep_ms(long ms)
{
	nanosleep(&(struct timespec){ ms / 1000, (ms % 1000) * 1000000 }, NULL);
}

/* The ordinary way out of b's point, for a thread the cancel missed. */
static void unblock(struct blocked *b)
{
	switch (b->point) {
	case COND:
		pthread_mutex_lock(&b->m);
		__atomic_store_n(&b->go, 1, __ATOMIC_RELEASE);
		pthread_cond_broadcast(&b->c);
		pthread_mutex_unlock(&b->m);
		break;
	case SEM:
	case JOIN: sem_post(&b->sem); break;
	case SLEEP: break;
	case PIPE_READ:
	case POLL: (void)write(b->pipe[1], "x", 1); break;
	case WAITPID: kill(b->child, SIGKILL); break;
	}
}

static void setup(struct blocked *b, enum point point)
{
	*b = (struct blocked){ .point = point, .unlock_result = -1 };
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&b->m, &ma);
	pthread_cond_init(&b->c, NULL);
	sem_init(&b->cleaned, 0, 0);
	sem_init(&b->sem, 0, 0);
}

/* Cancels a thread blocked at b's point: its cleanup handler runs, and its
 * join gives PTHREAD_CANCELED. */
static void cancel_blocked(struct blocked *b)
{
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, block_in, b), 0);
	while (!__atomic_load_n(&b->ready, __ATOMIC_ACQUIRE))
		sched_yield();
	sleep_ms(20); /* into the wait, in all likelihood */
	CHECK_EQ(pthread_cancel(t), 0);
	struct timespec limit = in_ms(2000);
	int woken = sem_timedwait(&b->cleaned, &limit);
	CHECK_EQ(woken, 0);
	if (woken)
		unblock(b);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
	if (b->point == COND)
		CHECK_EQ(b->unlock_result, 0); /* the mutex was ours again */
	/* Nothing the thread held is left held. */
	CHECK_EQ(pthread_mutex_trylock(&b->m), 0);
	pthread_mutex_unlock(&b->m);
}

UTEST(libc_cancel_cond_wait)
{
	struct blocked b;
	setup(&b, COND);
	cancel_blocked(&b);
	/* Signals after the cancel still reach other waiters: nothing
	 * consumed (a broadcast with no waiter is simply lost). */
	CHECK_EQ(pthread_cond_signal(&b.c), 0);
}

UTEST(libc_cancel_sem_wait)
{
	struct blocked b;
	setup(&b, SEM);
	cancel_blocked(&b);
	/* The cancelled waiter no longer counts as one. */
	CHECK_EQ(b.sem.waiters, 0);
	CHECK_EQ(sem_post(&b.sem), 0);
	CHECK_EQ(sem_trywait(&b.sem), 0);
}

UTEST(libc_cancel_nanosleep)
{
	struct blocked b;
	setup(&b, SLEEP);
	uint64_t t0 = vg_clock_monotonic();
	cancel_blocked(&b);
	CHECK(vg_clock_monotonic() - t0 < 2000000000ull); /* not the whole 3 s */
}

UTEST(libc_cancel_pipe_read)
{
	CHECK_EQ(vfs_up(), 0);
	struct blocked b;
	setup(&b, PIPE_READ);
	CHECK_EQ(pipe(b.pipe), 0);
	cancel_blocked(&b);
	/* The cancelled reader's reference to the read end went with it:
	 * closing the descriptor closes the end, so a write now fails. */
	CHECK_EQ(close(b.pipe[0]), 0);
	sighandler_t was = signal(SIGPIPE, SIG_IGN);
	CHECK_ERRNO(write(b.pipe[1], "x", 1), EPIPE);
	signal(SIGPIPE, was);
	CHECK_EQ(close(b.pipe[1]), 0);
}

UTEST(libc_cancel_poll)
{
	CHECK_EQ(vfs_up(), 0);
	struct blocked b;
	setup(&b, POLL);
	CHECK_EQ(pipe(b.pipe), 0);
	cancel_blocked(&b);
	CHECK_EQ(close(b.pipe[0]), 0);
	CHECK_EQ(close(b.pipe[1]), 0);
}

UTEST(libc_cancel_join)
{
	struct blocked b;
	setup(&b, JOIN);
	CHECK_EQ(pthread_create(&b.inner, NULL, inner_waits, &b), 0);
	cancel_blocked(&b);
	/* The thread it was joining is still joinable (POSIX). */
	CHECK_EQ(sem_post(&b.sem), 0);
	CHECK_EQ(pthread_join(b.inner, NULL), 0);
}

UTEST(libc_cancel_waitpid)
{
	CHECK(proc_server());
	char *argv[] = { "procx_child", "sleep", NULL };
	char *envp[] = { NULL };
	struct blocked b;
	setup(&b, WAITPID);
	CHECK_EQ(posix_spawn(&b.child, "/bin/procx_child", NULL, NULL, argv, envp), 0);
	cancel_blocked(&b);
	/* The cancelled waiter led the wait: another can wait now. */
	int st = 0;
	CHECK_EQ(kill(b.child, SIGKILL), 0);
	CHECK_EQ(waitpid(b.child, &st, 0), b.child);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

/* A request made while the thread is inside a point's wait, by a signal
 * handler that interrupted that wait: it acts before the wait goes on or
 * fails with EINTR (the entry acts on the way back to the wait, the path
 * that also serves a request arriving between a point's check and its
 * sleep). */
static void cancel_self(int sig)
{
	(void)sig;
	pthread_cancel(pthread_self());
}

static void *sleeps_until_signalled(void *arg)
{
	sem_post(arg);
	nanosleep(&(struct timespec){ 3, 0 }, NULL);
	return (void *)(uintptr_t)errno; /* EINTR when the request was missed */
}

UTEST(libc_cancel_requested_in_handler)
{
	struct sigaction a = { .sa_handler = cancel_self }, old;
	CHECK_EQ(sigaction(SIGUSR1, &a, &old), 0);
	sem_t ready;
	sem_init(&ready, 0, 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, sleeps_until_signalled, &ready), 0);
	sem_wait(&ready);
	sleep_ms(20);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
	CHECK_EQ(sigaction(SIGUSR1, &old, NULL), 0);
}

/* Cancellation disabled across a cancellation point, then enabled: the
 * request waits for the next point, not for the enabling. */
static int steps;
static long slept_ns;

static void *disabled_then_enabled(void *arg)
{
	sem_t *ready = arg;
	int old = -1;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	if (old == PTHREAD_CANCEL_ENABLE)
		steps |= 1;
	sem_post(ready);
	uint64_t t0 = vg_clock_monotonic();
	sleep_ms(100); /* the request comes during this: it sleeps on */
	slept_ns = (long)(vg_clock_monotonic() - t0);
	steps |= 2;
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	steps |= 4; /* enabling is no cancellation point */
	pthread_testcancel();
	steps |= 8; /* never */
	return NULL;
}

UTEST(libc_cancel_disabled_then_enabled)
{
	sem_t ready;
	sem_init(&ready, 0, 0);
	steps = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, disabled_then_enabled, &ready), 0);
	sem_wait(&ready);
	sleep_ms(20);
	CHECK_EQ(pthread_cancel(t), 0);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
	CHECK_EQ(steps, 7);
	CHECK(slept_ns >= 100000000);
}

/* Deferred: a thread that reaches no cancellation point runs on. */
static int spin_stop;
static long spins_after;

static void *spins_then_tests(void *arg)
{
	sem_post(arg);
	while (!__atomic_load_n(&spin_stop, __ATOMIC_ACQUIRE))
		spins_after++;
	pthread_testcancel();
	return NULL;
}

UTEST(libc_cancel_deferred_waits_for_a_point)
{
	sem_t ready;
	sem_init(&ready, 0, 0);
	spin_stop = 0;
	spins_after = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, spins_then_tests, &ready), 0);
	sem_wait(&ready);
	CHECK_EQ(pthread_cancel(t), 0);
	sleep_ms(30); /* it keeps spinning */
	long seen = __atomic_load_n(&spins_after, __ATOMIC_RELAXED);
	sleep_ms(30);
	CHECK(__atomic_load_n(&spins_after, __ATOMIC_RELAXED) > seen);
	__atomic_store_n(&spin_stop, 1, __ATOMIC_RELEASE);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
}

/* Asynchronous: cancelled wherever it is, without a cancellation point. */
static void async_cleanup(void *arg)
{
	sem_post(arg);
}

static void *spins_async(void *arg)
{
	pthread_cleanup_push(async_cleanup, arg);
	int old = -1;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
	if (old != PTHREAD_CANCEL_DEFERRED)
		return NULL;
	__atomic_store_n(&spins_after, 1, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&spin_stop, __ATOMIC_ACQUIRE))
		;
	pthread_cleanup_pop(0);
	return (void *)1;
}

UTEST(libc_cancel_async_spinning)
{
	sem_t cleaned;
	sem_init(&cleaned, 0, 0);
	spin_stop = 0;
	spins_after = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, spins_async, &cleaned), 0);
	while (!__atomic_load_n(&spins_after, __ATOMIC_ACQUIRE))
		sched_yield();
	CHECK_EQ(pthread_cancel(t), 0);
	struct timespec limit = in_ms(2000);
	int woken = sem_timedwait(&cleaned, &limit);
	CHECK_EQ(woken, 0);
	if (woken)
		__atomic_store_n(&spin_stop, 1, __ATOMIC_RELEASE);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == PTHREAD_CANCELED);
}

/* Cleanup handlers: innermost first, each with its argument; pop(1) runs
 * one, pop(0) drops one; the TSD destructors come after them. */
static char order[16];
static int norder;
static pthread_key_t key;

static void note(void *arg)
{
	order[norder++] = (char)(uintptr_t)arg;
}

static void key_gone(void *value)
{
	note(value);
}

static void *pushes(void *arg)
{
	int cancelled = (int)(uintptr_t)arg;
	pthread_setspecific(key, (void *)(uintptr_t)'K');
	pthread_cleanup_push(note, (void *)(uintptr_t)'a');
	pthread_cleanup_push(note, (void *)(uintptr_t)'b');
	pthread_cleanup_push(note, (void *)(uintptr_t)'c');
	pthread_cleanup_pop(1); /* c, now */
	pthread_cleanup_push(note, (void *)(uintptr_t)'d');
	pthread_cleanup_push(note, (void *)(uintptr_t)'e');
	pthread_cleanup_pop(0); /* e, never */
	note((void *)(uintptr_t)'-');
	if (cancelled) {
		pthread_cancel(pthread_self()); /* deferred: acts below */
		note((void *)(uintptr_t)'=');
		pthread_testcancel();
	} else {
		pthread_exit((void *)(uintptr_t)7);
	}
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return NULL;
}

static void run_pushes(int cancelled, void *want_result, const char *want)
{
	norder = 0;
	for (size_t i = 0; i < sizeof(order); i++)
		order[i] = 0;
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, pushes, (void *)(uintptr_t)cancelled), 0);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == want_result);
	CHECK_EQ(strcmp(order, want), 0);
	if (strcmp(order, want))
		vg_printf("KTEST-DETAIL cleanup order \"%s\", want \"%s\"\n", order, want);
}

UTEST(libc_cancel_cleanup_order)
{
	CHECK_EQ(pthread_key_create(&key, key_gone), 0);
	run_pushes(0, (void *)(uintptr_t)7, "c-dbaK");
	run_pushes(1, PTHREAD_CANCELED, "c-=dbaK");
	CHECK_EQ(pthread_key_delete(key), 0);
}

static void *returns_42(void *arg)
{
	sem_post(arg);
	return (void *)42;
}

UTEST(libc_cancel_ended_thread_and_esrch)
{
	sem_t done;
	sem_init(&done, 0, 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, returns_42, &done), 0);
	sem_wait(&done);
	sleep_ms(20); /* it has returned by now */
	CHECK_EQ(pthread_cancel(t), 0);
	void *r = NULL;
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == (void *)42);
	CHECK_EQ(pthread_cancel(t), ESRCH); /* joined: no longer a thread */
	CHECK_EQ(pthread_setcancelstate(2, NULL), EINVAL);
	CHECK_EQ(pthread_setcanceltype(2, NULL), EINVAL);
	int old = -1;
	CHECK_EQ(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old), 0);
	CHECK_EQ(old, PTHREAD_CANCEL_ENABLE);
	CHECK_EQ(pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &old), 0);
	CHECK_EQ(old, PTHREAD_CANCEL_DEFERRED);
}
