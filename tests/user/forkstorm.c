// SPDX-License-Identifier: BSD-2-Clause
// fork from many threads at once while the rest of the process works
// (tests/user/utest/t_forkstress.c runs it; tests/user/forkloop.c loops it):
//   forkstorm N   four threads fork N times each, at once, while two threads
//                 call an in-process server with 8-word messages (replies
//                 through their pinned IPC buffers), a pair of threads
//                 passes a counted byte stream through a pipe, and one
//                 writes copy-on-write pages, bumps a shared (MAP_SHARED)
//                 counter and maps, touches and unmaps memory. The process
//                 has many mappings (MAPS one-page ones, each tagged).
// What the children do, by round: check every mapping and exit; grow a
// tree three deep (the middle one waits for its child or leaves it to
// pid 1); posix_spawn a program and wait; fork with a signal pending (the
// child must have none); be killed with SIGKILL as soon as it exists.
// Each child writes into its copies (the parent must never see it) and
// adds to the shared counter (the parent must see each add). At the end
// every child was reaped with the status its kind gives, no child is left,
// and the counters agree.
// Exits with 0, or the number of the first check that failed (and says
// which on stderr).
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

#include "firstfail.h"

int kill(pid_t pid, int sig);

#define FORKERS 4
#define MAPS 64
#define COW_PAGES 16
#define PAGE 4096
#define TAG(k) (0x7a90000000000000ull | (uint64_t)(k) << 8)
#define CHILD_MARK 0xc41d000000000000ull
#define LABEL_STOP 0
#define LABEL_REVERSE 1

static uint64_t *maps[MAPS]; /* private, one page each: word 0 TAG(k) */
static uint64_t *cow; /* private, COW_PAGES: word 0 TAG(100 + p), word 1 churned */
static uint64_t *shared; /* MAP_SHARED: word 0 the children's adds */
static uint64_t adds_expected; /* what shared[0] must reach */
static int stop;
static vg_handle_t ep;
static int pipefd[2];

/* ---- what the children check ---- */

/* Every mapping holds its tag, and where children write (scribble) the
 * mark of the nearest ancestor that wrote, 0 for none: 0, or the number of
 * pages that do not. */
static int memory_wrong(uint64_t mark)
{
	int bad = 0;
	for (int k = 0; k < MAPS; k++)
		bad += maps[k][0] != TAG(k) || maps[k][1] != (k % 3 ? 0 : mark);
	for (int p = 0; p < COW_PAGES; p++)
		bad += cow[p * (PAGE / 8)] != TAG(100 + p) || cow[p * (PAGE / 8) + 2] != mark;
	return bad;
}

/* A child writes its mark into its copies: the parent must never see it,
 * its own children must. */
static void scribble(uint64_t mark)
{
	for (int k = 0; k < MAPS; k += 3)
		maps[k][1] = mark;
	for (int p = 0; p < COW_PAGES; p++)
		cow[p * (PAGE / 8) + 2] = mark;
}

static void add_shared(void)
{
	__atomic_fetch_add(&shared[0], 1, __ATOMIC_SEQ_CST);
}

/* The bottom of a tree: checks, adds unless orphaned, exits. */
static void leaf(int code, int counted)
{
	if (memory_wrong(CHILD_MARK | 2))
		_exit(110);
	scribble(CHILD_MARK | 3);
	if (counted)
		add_shared();
	_exit(code);
}

/* Kind 1: this child forks a middle one, which forks a leaf; the middle
 * one waits for it, or (odd i) exits first and leaves it to pid 1. */
static void tree(int i, uint64_t mark)
{
	pid_t mid = fork();
	if (mid == 0) {
		if (memory_wrong(mark))
			_exit(123);
		scribble(CHILD_MARK | 2);
		pid_t low = fork();
		if (low == 0)
			leaf(9, !(i & 1));
		if (low < 0)
			_exit(120);
		int st;
		if (!(i & 1) &&
		    (waitpid(low, &st, 0) != low || !WIFEXITED(st) || WEXITSTATUS(st) != 9))
			_exit(121);
		add_shared();
		_exit(8);
	}
	int st;
	if (mid < 0 || waitpid(mid, &st, 0) != mid || !WIFEXITED(st) || WEXITSTATUS(st) != 8)
		_exit(122);
}

/* Kind 2: a program started from the forked child. */
static void spawn_one(void)
{
	char *argv[] = { "proc_true", NULL }, *env[] = { NULL };
	pid_t p;
	int st;
	if (posix_spawn(&p, "/bin/proc_true", NULL, NULL, argv, env) || waitpid(p, &st, 0) != p ||
	    !WIFEXITED(st) || WEXITSTATUS(st))
		_exit(130);
}

/* What the child of fork i of forker f does; its exit code. */
static void child_of(int f, int i)
{
	if (memory_wrong(0))
		_exit(100);
	uint64_t mark = CHILD_MARK | (uint64_t)f << 16 | (uint64_t)i;
	scribble(mark);
	if (i % 5 == 1)
		tree(i, mark);
	else if (i % 5 == 2)
		spawn_one();
	else if (i % 5 == 3) { /* a fork's child starts with nothing pending */
		sigset_t s;
		if (sigpending(&s) || sigismember(&s, SIGUSR2))
			_exit(140);
	} else if (i % 5 == 4) {
		for (;;) /* killed */
			pause();
	}
	add_shared();
	_exit((f * 31 + i) % 90);
}

/* ---- the forkers ---- */

static int rounds;
static int usr2_seen;

static void on_usr2(int sig)
{
	(void)sig;
	__atomic_fetch_add(&usr2_seen, 1, __ATOMIC_RELAXED);
}

static void *forker(void *arg)
{
	int f = (int)(intptr_t)arg;
	for (int i = 0; i < rounds && !__atomic_load_n(&failed, __ATOMIC_ACQUIRE); i++) {
		sigset_t usr2, old;
		sigemptyset(&usr2);
		sigaddset(&usr2, SIGUSR2);
		int seen = __atomic_load_n(&usr2_seen, __ATOMIC_RELAXED);
		if (i % 5 == 3) { /* pending in the parent across the fork */
			pthread_sigmask(SIG_BLOCK, &usr2, &old);
			pthread_kill(pthread_self(), SIGUSR2);
		}
		pid_t pid = fork();
		if (pid == 0)
			child_of(f, i);
		if (i % 5 == 3) {
			sigset_t s;
			if (sigpending(&s) || !sigismember(&s, SIGUSR2))
				fail(30, "SIGUSR2 no longer pending in the parent");
			pthread_sigmask(SIG_SETMASK, &old, NULL);
			/* Delivered on the way out of the call, or soon after. */
			for (int y = 0;
			     y < 1000 && __atomic_load_n(&usr2_seen, __ATOMIC_RELAXED) == seen; y++)
				usleep(1000);
			if (__atomic_load_n(&usr2_seen, __ATOMIC_RELAXED) == seen)
				fail(31, "SIGUSR2 not handled once unblocked");
		}
		if (pid < 0) {
			fail(20, "fork");
			break;
		}
		if (i % 5 == 4 && kill(pid, SIGKILL))
			fail(23, "kill");
		int st;
		if (waitpid(pid, &st, 0) != pid)
			fail(21, "waitpid");
		else if (i % 5 == 4 ? !WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL
				    : !WIFEXITED(st) || WEXITSTATUS(st) != (f * 31 + i) % 90) {
			fprintf(stderr, "forkstorm: child %d/%d status %#x\n", f, i, st);
			fail(22, "child's exit status");
		} else {
			/* tree: the child, the middle one, and an unorphaned leaf */
			int adds = i % 5 == 4 ? 0 : i % 5 == 1 ? 2 + !(i & 1) : 1;
			__atomic_fetch_add(&adds_expected, adds, __ATOMIC_SEQ_CST);
		}
	}
	return NULL;
}

/* ---- the rest of the process ---- */

static void *ipc_server(void *arg)
{
	(void)arg;
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag, reply = VG_IPC_NO_REPLY, tmp[8];
	if (!buf)
		fail(40, "server's IPC buffer");
	while (buf && vg_ipc_reply_recv_msg(ep, reply, buf, &tag) >= 0) {
		uint32_t n = VG_IPC_TAG_WORDS(tag);
		if (VG_IPC_TAG_LABEL(tag) == LABEL_STOP || n > 8)
			break;
		for (uint32_t w = 0; w < n; w++)
			tmp[w] = buf->words[n - 1 - w] + 1;
		memcpy(buf->words, tmp, n * sizeof(uint64_t));
		reply = VG_IPC_TAG(LABEL_REVERSE, n, 0);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	return NULL;
}

/* Calls with 8 words each way: both moves go through the IPC buffers,
 * whose pins every fork must leave good. */
static void *ipc_client(void *arg)
{
	uint64_t base = (uint64_t)(uintptr_t)arg << 32;
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	for (uint64_t c = 0; buf && !__atomic_load_n(&stop, __ATOMIC_ACQUIRE); c++) {
		for (int w = 0; w < 8; w++)
			buf->words[w] = base + c * 8 + (uint64_t)w;
		uint64_t tag;
		long st = vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_REVERSE, 8, 0), buf, &tag);
		if (st || VG_IPC_TAG_WORDS(tag) != 8 || buf->words[0] != base + c * 8 + 8 ||
		    buf->words[7] != base + c * 8 + 1) {
			errno = (int)-st;
			fail(41, "IPC call with 8 words");
			return NULL;
		}
	}
	return NULL;
}

static void *pipe_writer(void *arg)
{
	(void)arg;
	for (unsigned char c = 0;; c++) {
		int last = __atomic_load_n(&stop, __ATOMIC_ACQUIRE);
		unsigned char b = last ? 0xff : c % 0xff;
		if (write(pipefd[1], &b, 1) != 1) {
			fail(50, "pipe write");
			return NULL;
		}
		if (last)
			return NULL;
	}
}

static void *pipe_reader(void *arg)
{
	(void)arg;
	for (unsigned char want = 0;; want++) {
		unsigned char b;
		if (read(pipefd[0], &b, 1) != 1) {
			fail(51, "pipe read");
			return NULL;
		}
		if (b == 0xff)
			return NULL;
		if (b != want % 0xff) {
			fail(52, "pipe stream out of order");
			return NULL;
		}
	}
}

/* Copy-on-write faults in the pages every fork shares, adds to the
 * shared page, and fresh memory mapped, touched and unmapped. */
static void *faulter(void *arg)
{
	(void)arg;
	for (uint64_t n = 0; !__atomic_load_n(&stop, __ATOMIC_ACQUIRE); n++) {
		for (int p = 0; p < COW_PAGES; p++)
			cow[p * (PAGE / 8) + 1] = n;
		__atomic_fetch_add(&shared[1], 1, __ATOMIC_RELAXED);
		char *m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);
		if (m == MAP_FAILED) {
			fail(60, "mmap");
			return NULL;
		}
		m[0] = m[PAGE] = m[2 * PAGE] = (char)n;
		if (m[PAGE] != (char)n || munmap(m, 3 * PAGE)) {
			fail(61, "fresh memory");
			return NULL;
		}
		free(malloc(100 + n % 5000));
	}
	return NULL;
}

static void *map_page(int flags)
{
	void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

static int storm(void)
{
	for (int k = 0; k < MAPS; k++) {
		if (!(maps[k] = map_page(MAP_PRIVATE)))
			return 1;
		maps[k][0] = TAG(k);
	}
	cow = mmap(NULL, COW_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		   0);
	shared = map_page(MAP_SHARED);
	if (cow == MAP_FAILED || !shared)
		return 2;
	for (int p = 0; p < COW_PAGES; p++)
		cow[p * (PAGE / 8)] = TAG(100 + p);
	struct sigaction sa = { 0 };
	sa.sa_handler = on_usr2;
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGUSR2, &sa, NULL) || vg_endpoint_create(&ep) || pipe(pipefd))
		return 3;
	pthread_t srv, cli[2], pw, pr, flt, fk[FORKERS];
	if (pthread_create(&srv, NULL, ipc_server, NULL) ||
	    pthread_create(&cli[0], NULL, ipc_client, (void *)1) ||
	    pthread_create(&cli[1], NULL, ipc_client, (void *)2) ||
	    pthread_create(&pw, NULL, pipe_writer, NULL) ||
	    pthread_create(&pr, NULL, pipe_reader, NULL) ||
	    pthread_create(&flt, NULL, faulter, NULL))
		return 4;
	for (int f = 0; f < FORKERS; f++)
		if (pthread_create(&fk[f], NULL, forker, (void *)(intptr_t)f))
			return 5;
	for (int f = 0; f < FORKERS; f++)
		pthread_join(fk[f], NULL);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	pthread_join(cli[0], NULL);
	pthread_join(cli[1], NULL);
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag;
	if (!buf || vg_ipc_call_msg(ep, VG_IPC_TAG(LABEL_STOP, 0, 0), buf, &tag))
		fail(42, "stopping the server");
	pthread_join(srv, NULL);
	pthread_join(pw, NULL);
	pthread_join(pr, NULL);
	pthread_join(flt, NULL);
	if (failed)
		return 0;
	if (memory_wrong(0))
		return 6; /* a child's write reached us, or a fork lost a page */
	if (__atomic_load_n(&shared[0], __ATOMIC_SEQ_CST) != adds_expected) {
		fprintf(stderr, "forkstorm: %llu adds seen, %llu expected\n",
			(unsigned long long)shared[0], (unsigned long long)adds_expected);
		return 7;
	}
	int st;
	if (waitpid(-1, &st, WNOHANG) != -1 || errno != ECHILD)
		return 8; /* a child left behind */
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 90;
	rounds = atoi(argv[1]);
	int st = storm();
	if (!st)
		st = failed;
	if (st)
		fprintf(stderr, "forkstorm: failed %d (%s, errno %d)\n", st,
			failed_what ? failed_what : "setup", failed_errno);
	return st;
}
