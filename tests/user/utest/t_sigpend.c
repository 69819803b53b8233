// SPDX-License-Identifier: BSD-2-Clause
// Pending signals (lib/c/os/signal/signal.c; docs/ARCHITECTURE.md section
// 15.1): a blocked SIGCHLD without a handler is pending and sigwaitinfo
// takes it with the child's pid and status; an unblocked one, ignored by
// default, leaves nothing; a signal sent to the process goes to the one
// thread that has it unblocked, or, when all block it, waits for any
// thread's sigwait. pid 1 (the root task) gets no signals, so each test
// runs in a forked child that says how it fared by its exit status.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

#define SIGBIT(sig) ((sigset_t)1 << (sig))

static int exit_code(pid_t pid)
{
	int st = -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + st;
}

static void sleep_ms(long ms)
{
	nanosleep(&(struct timespec){ ms / 1000, (ms % 1000) * 1000000 }, NULL);
}

/* Waits up to 2 s for sig to be pending. */
static bool pending_soon(int sig)
{
	sigset_t set = 0;
	for (int i = 0; i < 200; i++) {
		sigpending(&set);
		if (set & SIGBIT(sig))
			return true;
		sleep_ms(10);
	}
	return false;
}

static int blocked_sigchld(void)
{
	sigset_t chld = SIGBIT(SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(5);
	if (child < 0)
		return 2;
	if (!pending_soon(SIGCHLD))
		return 3;
	siginfo_t si = { 0 };
	if (sigwaitinfo(&chld, &si) != SIGCHLD || si.si_signo != SIGCHLD)
		return 4;
	if (si.si_pid != child || si.si_status != 5 || si.si_code != CLD_EXITED)
		return 5;
	sigset_t set = 0;
	sigpending(&set);
	if (set & chld) /* taken */
		return 6;
	return exit_code(child) == 5 ? 0 : 7;
}

UTEST(sigpend_blocked_sigchld_is_pending)
{
	CHECK_EQ(vfs_up(), 0);
	pid_t p = fork();
	if (p == 0)
		_exit(blocked_sigchld());
	CHECK(p > 0);
	CHECK_EQ(exit_code(p), 0);
}

static int unblocked_sigchld(void)
{
	/* Blocked once, so that the process server sends SIGCHLD from now
	 * on; then unblocked: the default action drops it. */
	sigset_t chld = SIGBIT(SIGCHLD), set = 0;
	sigprocmask(SIG_BLOCK, &chld, NULL);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	if (child < 0 || exit_code(child) != 0)
		return 2;
	sleep_ms(50);
	sigpending(&set);
	if (set & chld)
		return 3;
	sigprocmask(SIG_BLOCK, &chld, NULL);
	sigpending(&set);
	return set & chld ? 4 : 0; /* dropped, not held anywhere */
}

UTEST(sigpend_unblocked_sigchld_leaves_nothing)
{
	CHECK_EQ(vfs_up(), 0);
	pid_t p = fork();
	if (p == 0)
		_exit(unblocked_sigchld());
	CHECK(p > 0);
	CHECK_EQ(exit_code(p), 0);
}

static pthread_t handled_by;
static volatile sig_atomic_t handled_count;

static void on_usr1(int sig)
{
	(void)sig;
	handled_by = pthread_self();
	handled_count++;
}

struct worker {
	sem_t ready;
	int sig; /* the signal it waits for with sigwaitinfo; 0: handles SIGUSR1 */
	siginfo_t si;
	int got;
};

static void *worker(void *arg)
{
	struct worker *w = arg;
	/* The waiter blocks both: SIGUSR1 is the other worker's alone. */
	sigset_t usr1 = SIGBIT(SIGUSR1), both = usr1 | SIGBIT(SIGUSR2);
	pthread_sigmask(w->sig ? SIG_BLOCK : SIG_UNBLOCK, w->sig ? &both : &usr1, NULL);
	sem_post(&w->ready);
	if (w->sig) {
		sigset_t set = SIGBIT(w->sig);
		w->got = sigwaitinfo(&set, &w->si);
		return NULL;
	}
	/* Until both SIGUSR1s came (the test's and the parent's). */
	for (int i = 0; i < 400 && handled_count < 2; i++)
		sleep_ms(10);
	return NULL;
}

/* ready: written once the threads are set; the parent then sends SIGUSR1
 * and, once told again, SIGUSR2. */
static int threads(int ready, int go)
{
	struct sigaction a = { .sa_handler = on_usr1 };
	sigaction(SIGUSR1, &a, NULL);
	sigset_t both = SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2);
	sigprocmask(SIG_BLOCK, &both, NULL); /* this thread: the one signals reach */
	struct worker h = { .sig = 0 }, w = { .sig = SIGUSR2 };
	sem_init(&h.ready, 0, 0);
	sem_init(&w.ready, 0, 0);
	pthread_t th, tw;
	if (pthread_create(&th, NULL, worker, &h) || pthread_create(&tw, NULL, worker, &w))
		return 2;
	sem_wait(&h.ready);
	sem_wait(&w.ready);
	/* A signal to ourselves, then one from the parent: each handled by
	 * the one thread that has SIGUSR1 unblocked, none left pending. */
	if (kill(getpid(), SIGUSR1))
		return 3;
	for (int i = 0; i < 200 && handled_count < 1; i++)
		sleep_ms(10);
	if (handled_count != 1 || !pthread_equal(handled_by, th))
		return 4;
	char c = 'r';
	if (write(ready, &c, 1) != 1 || read(go, &c, 1) != 1)
		return 5;
	pthread_join(th, NULL);
	if (handled_count != 2 || !pthread_equal(handled_by, th))
		return 6;
	/* SIGUSR2, blocked everywhere: pending for the process until the
	 * worker's sigwaitinfo takes it, the parent's pid in its info. */
	if (write(ready, &c, 1) != 1)
		return 7;
	pthread_join(tw, NULL);
	if (w.got != SIGUSR2 || w.si.si_pid != getppid() || w.si.si_code != SI_USER)
		return 8;
	sigset_t set = 0;
	sigpending(&set);
	return set & both ? 9 : 0;
}

UTEST(sigpend_process_signal_goes_to_a_thread_that_takes_it)
{
	int to_parent[2], to_child[2];
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(pipe(to_parent), 0);
	CHECK_EQ(pipe(to_child), 0);
	pid_t p = fork();
	if (p == 0)
		_exit(threads(to_parent[1], to_child[0]));
	CHECK(p > 0);
	char c;
	CHECK_EQ(read(to_parent[0], &c, 1), 1);
	CHECK_EQ(kill(p, SIGUSR1), 0);
	CHECK_EQ(write(to_child[1], "g", 1), 1);
	CHECK_EQ(read(to_parent[0], &c, 1), 1);
	CHECK_EQ(kill(p, SIGUSR2), 0);
	CHECK_EQ(exit_code(p), 0);
	close(to_parent[0]);
	close(to_parent[1]);
	close(to_child[0]);
	close(to_child[1]);
}
