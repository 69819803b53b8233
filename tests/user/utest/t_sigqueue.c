// SPDX-License-Identifier: BSD-2-Clause
// Real-time signals and sigqueue (docs/ARCHITECTURE.md section 15.1):
// queued, not merged, lowest number first, each with its si_value and
// si_code SI_QUEUE for handlers and sigwaitinfo; EAGAIN at
// _SC_SIGQUEUE_MAX; kill's permissions; another process's queue. And
// SA_ONSTACK: only handlers with it run on the alternate stack.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

#define BIT(sig) ((sigset_t)1 << (sig))

static volatile int got_n;
static volatile int got_sig[16], got_code[16], got_value[16], got_pid[16];

static void record(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	if (got_n < 16) {
		got_sig[got_n] = sig;
		got_code[got_n] = si->si_code;
		got_value[got_n] = si->si_value.sival_int;
		got_pid[got_n] = si->si_pid;
	}
	got_n++;
}

static int queue(int sig, int value)
{
	return sigqueue(getpid(), sig, (union sigval){ .sival_int = value });
}

/* Five queued while blocked, two numbers: all five delivered once
 * unblocked, the lower number's first, each number's in sending order. */
UTEST(sigqueue_realtime_signals_queue_in_order)
{
	struct sigaction a = { .sa_sigaction = record, .sa_flags = SA_SIGINFO }, old1, old2;
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGRTMIN, &a, &old1), 0);
	CHECK_EQ(sigaction(SIGRTMIN + 1, &a, &old2), 0);
	sigset_t block = BIT(SIGRTMIN) | BIT(SIGRTMIN + 1), pending;
	CHECK_EQ(sigprocmask(SIG_BLOCK, &block, NULL), 0);
	got_n = 0;
	CHECK_EQ(queue(SIGRTMIN + 1, 10), 0);
	CHECK_EQ(queue(SIGRTMIN, 1), 0);
	CHECK_EQ(queue(SIGRTMIN, 2), 0);
	CHECK_EQ(queue(SIGRTMIN + 1, 11), 0);
	CHECK_EQ(queue(SIGRTMIN, 3), 0);
	CHECK_EQ(got_n, 0);
	CHECK_EQ(sigpending(&pending), 0);
	CHECK_EQ(pending & block, block);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &block, NULL), 0);
	CHECK_EQ(got_n, 5);
	static const int sig_off[] = { 0, 0, 0, 1, 1 }, value[] = { 1, 2, 3, 10, 11 };
	for (int i = 0; i < 5; i++) {
		CHECK_EQ(got_sig[i], SIGRTMIN + sig_off[i]);
		CHECK_EQ(got_value[i], value[i]);
		CHECK_EQ(got_code[i], SI_QUEUE);
		CHECK_EQ(got_pid[i], getpid());
	}
	CHECK_EQ(sigpending(&pending), 0);
	CHECK_EQ(pending & block, 0);
	/* Unblocked: delivered at once, with its value. */
	CHECK_EQ(queue(SIGRTMIN, 42), 0);
	CHECK_EQ(got_n, 6);
	CHECK_EQ(got_value[5], 42);
	sigaction(SIGRTMIN, &old1, NULL);
	sigaction(SIGRTMIN + 1, &old2, NULL);
}

/* An ordinary signal still merges: two blocked SIGUSR1 are one. */
UTEST(sigqueue_ordinary_signals_merge)
{
	struct sigaction a = { .sa_sigaction = record, .sa_flags = SA_SIGINFO }, old;
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &a, &old), 0);
	sigset_t block = BIT(SIGUSR1);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &block, NULL), 0);
	got_n = 0;
	CHECK_EQ(queue(SIGUSR1, 5), 0);
	CHECK_EQ(queue(SIGUSR1, 6), 0);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &block, NULL), 0);
	CHECK_EQ(got_n, 1);
	CHECK_EQ(got_code[0], SI_QUEUE);
	sigaction(SIGUSR1, &old, NULL);
}

/* sigwaitinfo and sigtimedwait take queued signals one by one with their
 * values; the queue holds _SC_SIGQUEUE_MAX, and sigqueue then fails with
 * EAGAIN until one is taken. */
UTEST(sigqueue_sigwaitinfo_values_and_eagain_at_the_limit)
{
	long max = sysconf(_SC_SIGQUEUE_MAX);
	CHECK(max >= 32); /* _POSIX_SIGQUEUE_MAX */
	int sig = SIGRTMIN + 3;
	sigset_t set = BIT(sig);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	for (long i = 0; i < max; i++)
		CHECK_EQ(queue(sig, (int)i), 0);
	CHECK_EQ(queue(sig, 999), -1);
	CHECK_EQ(errno, EAGAIN);
	siginfo_t si;
	CHECK_EQ(sigwaitinfo(&set, &si), sig);
	CHECK_EQ(si.si_value.sival_int, 0);
	CHECK_EQ(si.si_code, SI_QUEUE);
	CHECK_EQ(queue(sig, 1000), 0); /* room again */
	struct timespec zero = { 0, 0 };
	for (long i = 1; i < max; i++) {
		CHECK_EQ(sigtimedwait(&set, &si, &zero), sig);
		CHECK_EQ(si.si_value.sival_int, (int)i);
	}
	CHECK_EQ(sigtimedwait(&set, &si, &zero), sig);
	CHECK_EQ(si.si_value.sival_int, 1000);
	CHECK_EQ(sigtimedwait(&set, &si, &zero), -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	/* Bad signals and pids. */
	CHECK_EQ(queue(NSIG, 0), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(sigqueue(32000, SIGRTMIN, (union sigval){ 0 }), -1);
	CHECK_EQ(errno, ESRCH);
	CHECK_EQ(sigqueue(getpid(), 0, (union sigval){ 0 }), 0);
}

/* Another process's queue: a child that blocks SIGRTMIN from its start
 * (posix_spawn's mask) takes all three from us, none merged, each with its
 * value, code and sender, in the order sent. */
UTEST(sigqueue_reaches_another_process_with_values)
{
	int p[2];
	CHECK_EQ(pipe(p), 0);
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	CHECK_EQ(posix_spawn_file_actions_init(&fa), 0);
	CHECK_EQ(posix_spawn_file_actions_adddup2(&fa, p[1], 1), 0);
	CHECK_EQ(posix_spawnattr_init(&attr), 0);
	sigset_t mask = BIT(SIGRTMIN);
	CHECK_EQ(posix_spawnattr_setsigmask(&attr, &mask), 0);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK), 0);
	char me[16];
	snprintf(me, sizeof(me), "%d", (int)getpid());
	char *argv[] = { "sigstate", "rtwait", me, NULL }, *env[] = { NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/sigstate", &fa, &attr, argv, env), 0);
	close(p[1]);
	char c;
	CHECK_EQ(read(p[0], &c, 1), 1);
	for (int v = 7; v <= 9; v++)
		CHECK_EQ(sigqueue(pid, SIGRTMIN, (union sigval){ .sival_int = v }), 0);
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
	close(p[0]);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
}

/* Signals from another process that wait in the kernel together (sent
 * while the child is stopped) run lowest number first, each number's in
 * the order sent. The kernel delivers one at a time and the entry takes
 * the rest before it runs any; before, they came nested, newest first. */
UTEST(sigqueue_from_another_process_lowest_first_in_order)
{
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pid_t pid = fork();
	if (pid == 0) {
		struct sigaction a = { .sa_sigaction = record, .sa_flags = SA_SIGINFO };
		sigemptyset(&a.sa_mask);
		for (int i = 0; i < 3; i++)
			sigaction(SIGRTMIN + i, &a, NULL);
		got_n = 0;
		if (write(p[1], "r", 1) != 1)
			_exit(9);
		while (got_n < 5)
			pause();
		static const int sig_off[] = { 0, 0, 1, 2, 2 }, value[] = { 2, 5, 4, 1, 3 };
		for (int i = 0; i < 5; i++)
			if (got_sig[i] != SIGRTMIN + sig_off[i] || got_value[i] != value[i] ||
			    got_pid[i] != getppid())
				_exit(10 + i);
		_exit(got_n == 5 ? 0 : 20);
	}
	CHECK(pid > 0);
	char c;
	CHECK_EQ(read(p[0], &c, 1), 1);
	int st;
	CHECK_EQ(kill(pid, SIGSTOP), 0);
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid);
	CHECK(WIFSTOPPED(st));
	static const int sends[][2] = { { 2, 1 }, { 0, 2 }, { 2, 3 }, { 1, 4 }, { 0, 5 } };
	for (int i = 0; i < 5; i++)
		CHECK_EQ(sigqueue(pid, SIGRTMIN + sends[i][0],
				  (union sigval){ .sival_int = sends[i][1] }),
			 0);
	CHECK_EQ(kill(pid, SIGCONT), 0);
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		vg_printf("KTEST-DETAIL status %#x\n", st);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
	close(p[0]);
	close(p[1]);
}

/* Sends sig to pid (the i-th with send) until it is refused for good:
 * a refusal because 16 wait for its thread in the kernel passes once it
 * runs, so only 200 in a row count. How many got in (at most max + 1). */
static int send_until_full(pid_t pid, int sig, long max, bool (*send)(pid_t, int, int i))
{
	int sent = 0, refused = 0;
	while (sent <= max && refused < 200) {
		if (send(pid, sig, sent)) {
			sent++;
			refused = 0;
			continue;
		}
		CHECK_EQ(errno, EAGAIN);
		refused++;
		nanosleep(&(struct timespec){ 0, 2000000 }, NULL);
	}
	return sent;
}

/* A receiving child's step: tells the parent it is ready (what: "r"
 * before the sending, "t" once it has taken them) and waits for its go;
 * it ends with code if either pipe fails. */
static void child_step(const int ready[2], const int go[2], const char *what, int code)
{
	char c;
	if (write(ready[1], what, 1) != 1 || read(go[0], &c, 1) != 1)
		_exit(code);
}

/* The end of a child that exits with how many signals it took, which
 * must be max; the two pipes to it closed. */
static void child_took(pid_t pid, const int ready[2], const int go[2], long max)
{
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), max);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
}

static bool only_sigqueue(pid_t pid, int sig, int i)
{
	return sigqueue(pid, sig, (union sigval){ .sival_int = i }) == 0;
}

/* A full queue refuses another process's sigqueue with EAGAIN: the kernel
 * counts the real-time signals sigqueue sends a process until its library
 * has taken them (VG_INTR_COUNTED). The child blocks SIGRTMIN and waits;
 * we send until refused (a refusal because 16 wait for its thread in the
 * kernel passes once it runs: we retry). Exactly SIGQUEUE_MAX get in, all
 * kept with their values; once the child has taken them, one more does.
 * Before, the 33rd was merged into one already pending, its value lost,
 * and the sender told nothing. */
UTEST(sigqueue_full_queue_refuses_another_process)
{
	int ready[2], go[2];
	CHECK_EQ(pipe(ready), 0);
	CHECK_EQ(pipe(go), 0);
	long max = sysconf(_SC_SIGQUEUE_MAX);
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t set = BIT(SIGRTMIN);
		sigprocmask(SIG_BLOCK, &set, NULL);
		int taken = 0;
		siginfo_t si;
		struct timespec zero = { 0, 0 };
		child_step(ready, go, "r", 200);
		while (sigtimedwait(&set, &si, &zero) == SIGRTMIN)
			if (si.si_value.sival_int != taken++)
				_exit(201);
		child_step(ready, go, "t", 202);
		if (sigtimedwait(&set, &si, &zero) != SIGRTMIN || si.si_value.sival_int != 99)
			_exit(203);
		_exit(taken);
	}
	CHECK(pid > 0);
	char c;
	CHECK_EQ(read(ready[0], &c, 1), 1);
	CHECK_EQ(send_until_full(pid, SIGRTMIN, max, only_sigqueue), max);
	CHECK_EQ(write(go[1], "g", 1), 1);
	CHECK_EQ(read(ready[0], &c, 1), 1);
	CHECK_EQ(sigqueue(pid, SIGRTMIN, (union sigval){ .sival_int = 99 }), 0);
	CHECK_EQ(write(go[1], "g", 1), 1);
	child_took(pid, ready, go, max);
}

/* kill's permissions: a uid-1000 process may not queue a signal to a
 * root one (EPERM), nor to pid 1. */
UTEST(sigqueue_follows_kill_permissions)
{
	CHECK_EQ(vfs_up(), 0);
	pid_t victim = fork();
	if (victim == 0)
		for (;;)
			pause();
	CHECK(victim > 0);
	pid_t child = fork();
	if (child == 0) {
		if (setuid(1000))
			_exit(6);
		if (sigqueue(1, SIGRTMIN, (union sigval){ 0 }) == 0 || errno != EPERM)
			_exit(5);
		if (sigqueue(victim, SIGRTMIN, (union sigval){ 0 }) == 0)
			_exit(0);
		_exit(errno == EPERM ? 1 : 2);
	}
	CHECK(child > 0);
	int st;
	CHECK_EQ(waitpid(child, &st, 0), child);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 1);
	/* Allowed to root: the victim, which does not handle it, ends. */
	CHECK_EQ(sigqueue(victim, SIGRTMIN, (union sigval){ 0 }), 0);
	CHECK_EQ(waitpid(victim, &st, 0), victim);
	CHECK(WIFSIGNALED(st));
	CHECK_EQ(WTERMSIG(st), SIGRTMIN);
}

/* SA_ONSTACK per handler. */
static char alt_stack[32768] __attribute__((aligned(16)));
static volatile uintptr_t where_on, where_off, where_nested;

static bool on_alt(uintptr_t a)
{
	return a >= (uintptr_t)alt_stack && a < (uintptr_t)alt_stack + sizeof(alt_stack);
}

static void mark_nested(int sig)
{
	(void)sig;
	volatile char here;
	where_nested = (uintptr_t)&here;
}

static void mark_on(int sig)
{
	(void)sig;
	volatile char here;
	where_on = (uintptr_t)&here;
}

static void mark_off(int sig)
{
	(void)sig;
	volatile char here;
	where_off = (uintptr_t)&here;
	raise(SIGUSR2); /* a signal while it runs off the alternate stack */
}

UTEST(sigqueue_sa_onstack_chooses_the_stack)
{
	stack_t ss = { .ss_sp = alt_stack, .ss_size = sizeof(alt_stack), .ss_flags = 0 }, old;
	CHECK_EQ(sigaltstack(&ss, &old), 0);
	struct sigaction on = { .sa_handler = mark_on, .sa_flags = SA_ONSTACK },
			 off = { .sa_handler = mark_off }, nested = { .sa_handler = mark_nested },
			 o1, o2, o3;
	sigemptyset(&on.sa_mask);
	sigemptyset(&off.sa_mask);
	sigemptyset(&nested.sa_mask);
	CHECK_EQ(sigaction(SIGRTMIN + 5, &on, &o1), 0);
	CHECK_EQ(sigaction(SIGUSR1, &off, &o2), 0);
	CHECK_EQ(sigaction(SIGUSR2, &nested, &o3), 0);
	where_on = where_off = where_nested = 0;
	CHECK_EQ(raise(SIGRTMIN + 5), 0);
	CHECK(where_on && on_alt(where_on));
	CHECK_EQ(raise(SIGUSR1), 0);
	CHECK(where_off && !on_alt(where_off));
	CHECK(where_nested && !on_alt(where_nested));
	/* The alternate stack is still there for the next SA_ONSTACK one. */
	where_on = 0;
	CHECK_EQ(raise(SIGRTMIN + 5), 0);
	CHECK(where_on && on_alt(where_on));
	sigaction(SIGRTMIN + 5, &o1, NULL);
	sigaction(SIGUSR1, &o2, NULL);
	sigaction(SIGUSR2, &o3, NULL);
	ss.ss_flags = SS_DISABLE;
	CHECK_EQ(sigaltstack(&ss, NULL), 0);
}

/* kill of a real-time signal queues an instance as sigqueue does (si_code
 * SI_USER, si_pid the sender), counted in the same queue: blocked, each
 * of ours is kept, in order among sigqueue's, and once SIGQUEUE_MAX wait
 * kill fails with EAGAIN (POSIX lists no EAGAIN for kill; Linux merges
 * there, losing the instance: docs/ARCHITECTURE.md section 15.1). */
UTEST(kill_queues_realtime_signals_in_order_with_sigqueue)
{
	long max = sysconf(_SC_SIGQUEUE_MAX);
	int sig = SIGRTMIN + 2;
	sigset_t set = BIT(sig);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	for (long i = 0; i < max; i++)
		CHECK_EQ(i % 3 == 1 ? queue(sig, (int)i) : kill(getpid(), sig), 0);
	CHECK_EQ(kill(getpid(), sig), -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(queue(sig, 999), -1);
	CHECK_EQ(errno, EAGAIN);
	siginfo_t si;
	struct timespec zero = { 0, 0 };
	for (long i = 0; i < max; i++) {
		CHECK_EQ(sigtimedwait(&set, &si, &zero), sig);
		CHECK_EQ(si.si_code, i % 3 == 1 ? SI_QUEUE : SI_USER);
		CHECK_EQ(si.si_pid, getpid());
		if (i % 3 == 1)
			CHECK_EQ(si.si_value.sival_int, (int)i);
	}
	CHECK_EQ(sigtimedwait(&set, &si, &zero), -1);
	CHECK_EQ(kill(getpid(), sig), 0); /* room again */
	CHECK_EQ(sigtimedwait(&set, &si, &zero), sig);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
}

/* The same from another process, through the process server: a child in
 * a group of its own blocks SIGRTMIN + 1; we send kills interleaved with
 * sigqueues until refused (retrying a refusal because 16 wait for its
 * thread in the kernel). Exactly SIGQUEUE_MAX get in; the child takes
 * them in order, SI_USER from our pid for each kill, SI_QUEUE with its
 * value for each sigqueue. Then a kill and a killpg of its group are two
 * more instances. Before, kill's were not counted: more got in, merged. */
#define KILLQ_IS_QUEUE(i) ((i) % 3 == 1)
static bool kill_or_sigqueue(pid_t pid, int sig, int i)
{
	return KILLQ_IS_QUEUE(i) ? only_sigqueue(pid, sig, i) : kill(pid, sig) == 0;
}

UTEST(kill_from_another_process_queues_realtime_signals)
{
	int ready[2], go[2];
	CHECK_EQ(pipe(ready), 0);
	CHECK_EQ(pipe(go), 0);
	long max = sysconf(_SC_SIGQUEUE_MAX);
	int sig = SIGRTMIN + 1;
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t set = BIT(sig);
		sigprocmask(SIG_BLOCK, &set, NULL);
		setpgid(0, 0);
		int taken = 0;
		siginfo_t si;
		struct timespec zero = { 0, 0 };
		child_step(ready, go, "r", 200);
		while (sigtimedwait(&set, &si, &zero) == sig) {
			bool q = KILLQ_IS_QUEUE(taken);
			if (si.si_code != (q ? SI_QUEUE : SI_USER) || si.si_pid != parent ||
			    (q && si.si_value.sival_int != taken))
				_exit(201);
			taken++;
		}
		child_step(ready, go, "t", 202);
		for (int i = 0; i < 2; i++)
			if (sigtimedwait(&set, &si, &zero) != sig || si.si_code != SI_USER)
				_exit(203);
		_exit(taken);
	}
	CHECK(pid > 0);
	setpgid(pid, pid);
	char c;
	CHECK_EQ(read(ready[0], &c, 1), 1);
	CHECK_EQ(send_until_full(pid, sig, max, kill_or_sigqueue), max);
	CHECK_EQ(kill(pid, sig), -1); /* still full */
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(killpg(pid, sig), -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(write(go[1], "g", 1), 1);
	CHECK_EQ(read(ready[0], &c, 1), 1);
	CHECK_EQ(kill(pid, sig), 0);
	CHECK_EQ(killpg(pid, sig), 0);
	CHECK_EQ(write(go[1], "g", 1), 1);
	child_took(pid, ready, go, max);
}
