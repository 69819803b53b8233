// SPDX-License-Identifier: BSD-2-Clause
// fork under stress (tests/user/utest/t_forkstress.c runs it):
//   forkstress threads N   two threads fork N times each, at once, while
//                          other threads are blocked in a condition
//                          variable, in an IPC call a server thread holds,
//                          in a pipe read, and one churns malloc/free and
//                          creates and joins threads; each child checks
//                          its memory, allocates, sometimes forks a child
//                          of its own, and exits with a code its parent
//                          checks;
//   forkstress signals N   two threads fork N times each while the main
//                          thread sends both SIGUSR1 (a handler,
//                          SA_RESTART) every 2 ms: fork must not
//                          fail, nor waitpid;
//   forkstress exitrace N  N times: a child whose second thread forks in a
//                          loop while its first calls exit, so the process
//                          ends in the middle of a fork; its children that
//                          outlive it go to pid 1, which the test reaps.
// Exits with 0, or the number of the first check that failed (and says
// which on stderr).
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg/vg.h>

#include "firstfail.h"

/* ---- threads ---- */

#define MARK 0x5ca1ab1e
static volatile uint32_t mark = MARK;
static int stop;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static vg_handle_t ep;
static uint32_t release; /* futex word: the IPC server may reply */
static int pipefd[2];

static void *cond_waiter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	while (!stop)
		pthread_cond_wait(&cv, &m);
	pthread_mutex_unlock(&m);
	return NULL;
}

/* Holds one call until release: its caller stays blocked in ipc_call
 * through every fork. */
static void *ipc_server(void *arg)
{
	(void)arg;
	if (vg_ipc_recv(ep) < 0)
		fail(10, "ipc receive");
	while (!__atomic_load_n(&release, __ATOMIC_ACQUIRE))
		vg_futex_wait(&release, 0, UINT64_MAX);
	if (vg_ipc_reply(2, 0, 0, 0, 0))
		fail(11, "ipc reply");
	return NULL;
}

static void *ipc_client(void *arg)
{
	(void)arg;
	if (vg_ipc_call(ep, 1, 0, 0, 0, 0))
		fail(12, "ipc call");
	return NULL;
}

static void *pipe_reader(void *arg)
{
	(void)arg;
	char c;
	if (read(pipefd[0], &c, 1) != 1 || c != 'x')
		fail(13, "pipe read");
	return NULL;
}

static void *short_thread(void *arg)
{
	return arg;
}

static void *churn(void *arg)
{
	(void)arg;
	for (unsigned i = 0; !__atomic_load_n(&stop, __ATOMIC_ACQUIRE); i++) {
		size_t n = 16 + (i * 37) % 20000;
		char *p = malloc(n);
		if (!p) {
			fail(14, "malloc in churn");
			break;
		}
		memset(p, (int)i, n);
		free(p);
		if (i % 16 == 0) {
			pthread_t t;
			void *got = NULL;
			if (pthread_create(&t, NULL, short_thread, p) || pthread_join(t, &got) ||
			    got != p)
				fail(15, "thread create/join in churn");
		}
	}
	return NULL;
}

/* What the child of fork i of forker f checks and exits with. */
static void child_of(int f, int i)
{
	if (mark != MARK)
		_exit(100);
	char *p = malloc(64 + (size_t)i);
	if (!p)
		_exit(101);
	snprintf(p, 64, "child %d %d", f, i);
	free(p);
	if (i % 8 == 0) { /* a grandchild, forked from a one-thread process */
		pid_t g = fork();
		if (g == 0)
			_exit(7);
		int st;
		if (g < 0 || waitpid(g, &st, 0) != g || !WIFEXITED(st) || WEXITSTATUS(st) != 7)
			_exit(102);
	}
	_exit((f * 31 + i) % 90);
}

static int rounds;
static int forkers_done;

static void *forker(void *arg)
{
	int f = (int)(intptr_t)arg;
	for (int i = 0; i < rounds && !__atomic_load_n(&failed, __ATOMIC_ACQUIRE); i++) {
		pid_t pid = fork();
		if (pid == 0)
			child_of(f, i);
		int st;
		if (pid < 0)
			fail(20, "fork");
		else if (waitpid(pid, &st, 0) != pid)
			fail(21, "waitpid");
		else if (!WIFEXITED(st) || WEXITSTATUS(st) != (f * 31 + i) % 90)
			fail(22, "child's exit status");
	}
	return NULL;
}

/* Joins the two forkers of arg, then says so. */
static void *forker_watch(void *arg)
{
	pthread_t *fk = arg;
	pthread_join(fk[0], NULL);
	pthread_join(fk[1], NULL);
	__atomic_store_n(&forkers_done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static int threads(void)
{
	pthread_t cw[2], srv, cli, rd, ch, fk[2];
	if (vg_endpoint_create(&ep) || pipe(pipefd))
		return 1;
	if (pthread_create(&cw[0], NULL, cond_waiter, NULL) ||
	    pthread_create(&cw[1], NULL, cond_waiter, NULL) ||
	    pthread_create(&srv, NULL, ipc_server, NULL) ||
	    pthread_create(&cli, NULL, ipc_client, NULL) ||
	    pthread_create(&rd, NULL, pipe_reader, NULL) || pthread_create(&ch, NULL, churn, NULL))
		return 2;
	usleep(2000); /* they reach their waits */
	if (pthread_create(&fk[0], NULL, forker, (void *)0) ||
	    pthread_create(&fk[1], NULL, forker, (void *)1))
		return 3;
	pthread_join(fk[0], NULL);
	pthread_join(fk[1], NULL);
	pthread_mutex_lock(&m);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&m);
	__atomic_store_n(&release, 1, __ATOMIC_RELEASE);
	vg_futex_wake(&release, 1);
	if (write(pipefd[1], "x", 1) != 1)
		fail(4, "pipe write");
	pthread_join(cw[0], NULL);
	pthread_join(cw[1], NULL);
	pthread_join(srv, NULL);
	pthread_join(cli, NULL);
	pthread_join(rd, NULL);
	pthread_join(ch, NULL);
	return 0;
}

/* ---- signals ---- */

static int handled;

static void on_usr1(int sig)
{
	(void)sig;
	__atomic_fetch_add(&handled, 1, __ATOMIC_RELAXED);
}

static int signals(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	pthread_t fk[2], watch;
	if (sigaction(SIGUSR1, &sa, NULL) || pthread_create(&fk[0], NULL, forker, (void *)0) ||
	    pthread_create(&fk[1], NULL, forker, (void *)1) ||
	    pthread_create(&watch, NULL, forker_watch, fk))
		return 1;
	/* Signals rain on both forkers, whatever call they are in. */
	while (!__atomic_load_n(&forkers_done, __ATOMIC_ACQUIRE)) {
		pthread_kill(fk[0], SIGUSR1);
		pthread_kill(fk[1], SIGUSR1);
		usleep(2000);
	}
	pthread_join(watch, NULL);
	return handled ? 0 : 2;
}

/* ---- exitrace ---- */

static void *fork_forever(void *arg)
{
	(void)arg;
	for (;;) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
	}
	return NULL;
}

static int exitrace(void)
{
	for (int i = 0; i < rounds; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			/* Children that end while we live are freed at once. */
			signal(SIGCHLD, SIG_IGN);
			pthread_t t;
			if (pthread_create(&t, NULL, fork_forever, NULL))
				_exit(2);
			for (int y = 0; y < 50 + i * 13 % 200; y++)
				vg_thread_yield();
			exit(0);
		}
		int st;
		if (pid < 0 || waitpid(pid, &st, 0) != pid)
			return 5;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 6;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 90;
	rounds = atoi(argv[2]);
	int st = !strcmp(argv[1], "threads")   ? threads()
		: !strcmp(argv[1], "signals")  ? signals()
		: !strcmp(argv[1], "exitrace") ? exitrace()
					       : 91;
	if (!st)
		st = failed;
	if (st)
		fprintf(stderr, "forkstress %s: failed %d (%s, errno %d)\n", argv[1], st,
			failed_what ? failed_what : "setup", failed_errno);
	return st;
}
