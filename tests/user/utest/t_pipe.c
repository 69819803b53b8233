// SPDX-License-Identifier: BSD-2-Clause
// Pipes (srv/pipe, lib/c/os/fd/pipe*.c): reads and writes in one process,
// between threads and between processes, the end of the file, EPIPE and
// SIGPIPE, O_NONBLOCK, PIPE_BUF atomicity and bad arguments.
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vg_fd.h>

UTEST(pipe_in_one_process)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_EQ(write(p[1], "hello", 5), 5);
	char buf[16] = { 0 };
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 5); /* what is there, not more */
	CHECK(memcmp(buf, "hello", 5) == 0);
	struct stat st;
	CHECK_EQ(fstat(p[0], &st), 0);
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(fstat(p[1], &st), 0);
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_ERRNO(lseek(p[0], 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO(pread(p[0], buf, 1, 0), ESPIPE);
	CHECK_ERRNO(read(p[1], buf, 1), EBADF);
	CHECK_ERRNO(write(p[0], "x", 1), EBADF);
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
	/* A dup of the write end keeps the pipe open; the last close ends it. */
	int w2 = dup(p[1]);
	CHECK(w2 >= 0);
	CHECK_EQ(close(p[1]), 0);
	CHECK_EQ(write(w2, "ab", 2), 2);
	CHECK_EQ(close(w2), 0);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 2);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0);
	CHECK_EQ(close(p[0]), 0);
}

UTEST(pipe_bad_arguments)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_ERRNO(pipe(NULL), EFAULT);
	CHECK_ERRNO(pipe2(p, O_APPEND), EINVAL);
	CHECK_ERRNO(pipe2(p, -1), EINVAL);
	CHECK_EQ(pipe(p), 0);
	CHECK_ERRNO(write(p[1], NULL, 1), EFAULT);
	CHECK_ERRNO(read(p[0], NULL, 1), EFAULT);
	CHECK_EQ(write(p[1], "", 0), 0);
	/* Closed ends (away from 1 and 2, which write to the log when closed). */
	CHECK_EQ(dup2(p[0], 60), 60);
	CHECK_EQ(dup2(p[1], 61), 61);
	int closed = 0;
	int fds[] = { p[0], p[1], 60, 61 };
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		closed += close(fds[i]) == 0;
	CHECK_EQ(closed, 4);
	char c;
	CHECK_ERRNO(read(60, &c, 1), EBADF);
	CHECK_ERRNO(write(61, "x", 1), EBADF);
	CHECK_ERRNO(close(61), EBADF);
}

UTEST(pipe_nonblocking_both_ways)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe2(p, O_NONBLOCK | O_CLOEXEC), 0);
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	CHECK_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	char buf[4096];
	CHECK_ERRNO(read(p[0], buf, sizeof(buf)), EAGAIN);
	memset(buf, 'x', sizeof(buf));
	size_t total = 0;
	ssize_t n;
	while ((n = write(p[1], buf, 1000)) > 0)
		total += (size_t)n;
	CHECK_EQ(errno, EAGAIN);
	/* 65 pieces of 1000 do not fit: the last 536 bytes stay free, and an
	 * atomic write of 1000 is refused whole. */
	CHECK_EQ(total, 65000);
	CHECK_EQ(write(p[1], buf, 536), 536);
	CHECK_ERRNO(write(p[1], buf, 1), EAGAIN);
	CHECK_EQ(read(p[0], buf, 100), 100);
	/* Blocking again: a write bigger than PIPE_BUF takes what fits. */
	CHECK_EQ(fcntl(p[1], F_SETFL, 0), 0);
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_NONBLOCK, 0);
	CHECK_EQ(write(p[1], buf, 100), 100);
	CHECK_EQ(close(p[1]), 0);
	while ((n = read(p[0], buf, sizeof(buf))) > 0)
		total += (size_t)n;
	CHECK_EQ(n, 0);
	CHECK_EQ(total, 65000 + 65536);
	CHECK_EQ(close(p[0]), 0);
}

static volatile sig_atomic_t sigpipes;
static void on_sigpipe(int sig)
{
	if (sig == SIGPIPE)
		sigpipes++;
}

UTEST(pipe_epipe_and_sigpipe)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_EQ(close(p[0]), 0);
	struct sigaction sa = { .sa_handler = on_sigpipe }, old;
	CHECK_EQ(sigaction(SIGPIPE, &sa, &old), 0);
	sigpipes = 0;
	CHECK_ERRNO(write(p[1], "x", 1), EPIPE);
	CHECK_EQ(sigpipes, 1);
	signal(SIGPIPE, SIG_IGN);
	CHECK_ERRNO(write(p[1], "xy", 2), EPIPE);
	CHECK_EQ(sigpipes, 1);
	CHECK_EQ(sigaction(SIGPIPE, &old, NULL), 0);
	CHECK_EQ(close(p[1]), 0);
}

#define MOVE_BYTES (3u << 20)

static uint32_t checksum(uint32_t sum, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sum = sum * 31 + b[i];
	return sum;
}

static void *mover(void *arg)
{
	int fd = (int)(intptr_t)arg;
	static unsigned char buf[3001];
	uint32_t sum = 0;
	for (size_t at = 0; at < MOVE_BYTES;) {
		size_t n = MOVE_BYTES - at < sizeof(buf) ? MOVE_BYTES - at : sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)((at + i) * 13 / 7);
		if (write(fd, buf, n) != (ssize_t)n)
			return NULL;
		sum = checksum(sum, buf, n);
		at += n;
	}
	close(fd);
	return (void *)(uintptr_t)sum;
}

UTEST(pipe_between_threads_moves_mib)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, mover, (void *)(intptr_t)p[1]), 0);
	static unsigned char buf[5000];
	uint32_t sum = 0;
	size_t total = 0;
	ssize_t n;
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		sum = checksum(sum, buf, (size_t)n);
		total += (size_t)n;
	}
	void *wsum;
	CHECK_EQ(pthread_join(t, &wsum), 0);
	CHECK_EQ(n, 0);
	CHECK_EQ(total, MOVE_BYTES);
	CHECK_EQ(sum, (uint32_t)(uintptr_t)wsum);
	CHECK_EQ(close(p[0]), 0);
}

#define WRITERS 4
#define RECORDS 24

static void *record_writer(void *arg)
{
	static unsigned char recs[WRITERS][PIPE_BUF];
	uintptr_t id = (uintptr_t)arg;
	memset(recs[id >> 16], (int)(id >> 16) + 'A', PIPE_BUF);
	for (int i = 0; i < RECORDS; i++)
		if (write((int)(id & 0xffff), recs[id >> 16], PIPE_BUF) != PIPE_BUF)
			return (void *)1;
	return NULL;
}

UTEST(pipe_writes_of_pipe_buf_are_atomic)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pthread_t t[WRITERS];
	for (uintptr_t i = 0; i < WRITERS; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, record_writer,
					(void *)(i << 16 | (unsigned)p[1])),
			 0);
	static unsigned char rec[PIPE_BUF];
	int seen[WRITERS] = { 0 }, torn = 0;
	for (int r = 0; r < WRITERS * RECORDS; r++) {
		size_t got = 0;
		while (got < PIPE_BUF) {
			ssize_t n = read(p[0], rec + got, PIPE_BUF - got);
			CHECK(n > 0);
			got += (size_t)n;
		}
		int who = rec[0] - 'A';
		CHECK(who >= 0 && who < WRITERS);
		for (size_t i = 1; i < PIPE_BUF; i++)
			torn += rec[i] != rec[0];
		seen[who]++;
	}
	for (int i = 0; i < WRITERS; i++) {
		void *r;
		CHECK_EQ(pthread_join(t[i], &r), 0);
		CHECK(r == NULL);
		CHECK_EQ(seen[i], RECORDS);
	}
	CHECK_EQ(torn, 0);
	CHECK_EQ(close(p[1]), 0);
	CHECK_EQ(read(p[0], rec, 1), 0);
	CHECK_EQ(close(p[0]), 0);
}

/* The exit code of a child, waiting at most 20 s. */
static long child_exit(vg_handle_t child)
{
	vg_handle_t port;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = vg_port_wait(port, vg_clock_monotonic() + 20000000000ull, &pkt);
	vg_handle_close(port);
	return st ? st - 1000000 : (long)pkt.data[0];
}

/* Starts bin/pipechild with argv and our fd as its descriptor 3, which
 * we then close (the child holds the only copy): the child's handle, or
 * 0 when it could not start. */
static vg_handle_t spawn_pipechild(const char *const *argv, int fd)
{
	if (dup2(fd, 3) != 3 || close(fd))
		return 0;
	struct vg_startup_handle hs[32];
	size_t n = __vg_fd_export(hs, 32, false);
	close(3);
	const void *image;
	size_t len;
	vg_handle_t child;
	if (vg_initrd_find("bin/pipechild", &image, &len))
		return 0;
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = hs, .nhandles = n
	};
	return vg_spawn(&req, &child, NULL) ? 0 : child;
}

UTEST(pipe_from_a_child_process_to_eof)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe2(p, O_CLOEXEC), 0);
	static const char *const argv[] = { "pipechild", NULL };
	vg_handle_t child = spawn_pipechild(argv, p[1]); /* only it holds the write end now */
	CHECK(child != 0);
	static unsigned char buf[7000];
	size_t total = 0;
	int wrong = 0;
	ssize_t got;
	while ((got = read(p[0], buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < got; i++)
			wrong += buf[i] != (unsigned char)((total + (size_t)i) * 7 % 251);
		total += (size_t)got;
	}
	CHECK_EQ(got, 0);
	CHECK_EQ(total, 100000);
	CHECK_EQ(wrong, 0);
	CHECK_EQ(child_exit(child), 0);
	vg_handle_close(child);
	CHECK_EQ(close(p[0]), 0);
}

UTEST(pipe_poll_readiness)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct pollfd fds[3] = { { p[0], POLLIN, -1 }, { p[1], POLLOUT, -1 }, { -1, POLLIN, -1 } };
	CHECK_EQ(poll(fds, 3, 0), 1); /* the write end only */
	CHECK_EQ(fds[0].revents, 0);
	CHECK_EQ(fds[1].revents, POLLOUT);
	CHECK_EQ(fds[2].revents, 0);
	CHECK_EQ(write(p[1], "z", 1), 1);
	CHECK_EQ(poll(fds, 2, 0), 2);
	CHECK_EQ(fds[0].revents, POLLIN);
	/* A full pipe is not writable. */
	CHECK_EQ(fcntl(p[1], F_SETFL, O_NONBLOCK), 0);
	static char block[4096];
	while (write(p[1], block, sizeof(block)) > 0)
		;
	CHECK_EQ(poll(&fds[1], 1, 0), 0);
	/* A regular file is always ready; a closed descriptor is POLLNVAL. */
	int f = open("/tmp/poll-file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(f >= 0);
	struct pollfd other[2] = { { f, POLLIN | POLLOUT, 0 }, { 77, POLLIN, 0 } };
	CHECK_EQ(poll(other, 2, 0), 2);
	CHECK_EQ(other[0].revents, POLLIN | POLLOUT);
	CHECK_EQ(other[1].revents, POLLNVAL);
	CHECK_EQ(close(f), 0);
	CHECK_EQ(unlink("/tmp/poll-file"), 0);
	/* The read end closed: the write end has an error. */
	int r2 = dup(p[0]);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(r2), 0);
	CHECK_EQ(poll(&fds[1], 1, 0), 1);
	CHECK_EQ(fds[1].revents, POLLERR);
	CHECK_EQ(close(p[1]), 0);
	CHECK_ERRNO(poll(NULL, 1, 0), EFAULT);
	CHECK_ERRNO(poll(fds, 1u << 20, 0), EINVAL);
}

static void *late_writer(void *arg)
{
	vg_thread_sleep_until(vg_clock_monotonic() + 30000000);
	write((int)(intptr_t)arg, "!", 1);
	close((int)(intptr_t)arg);
	return NULL;
}

UTEST(pipe_poll_timeout_and_wakeup)
{
	CHECK_EQ(vfs_up(), 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	struct pollfd fd = { p[0], POLLIN, 0 };
	uint64_t t0 = vg_clock_monotonic();
	CHECK_EQ(poll(&fd, 1, 40), 0);
	CHECK(vg_clock_monotonic() - t0 >= 40000000);
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, late_writer, (void *)(intptr_t)p[1]), 0);
	CHECK_EQ(poll(&fd, 1, -1), 1); /* woken by the write */
	CHECK_EQ(fd.revents & POLLIN, POLLIN);
	char c;
	CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_EQ(c, '!');
	CHECK_EQ(pthread_join(t, NULL), 0);
	/* Every write end closed: readable (the end of the file) and hung up. */
	CHECK_EQ(poll(&fd, 1, 1000), 1);
	CHECK_EQ(fd.revents, POLLIN | POLLHUP);
	CHECK_EQ(read(p[0], &c, 1), 0);
	CHECK_EQ(close(p[0]), 0);
}

/* posix_spawn of permchild hold with fd as its descriptor 3: it writes "x"
 * there (when it can) and sleeps until killed. */
static pid_t holder(int fd)
{
	char *argv[] = { "permchild", "hold", NULL }, *envp[] = { NULL };
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, 3);
	pid_t pid;
	int err = posix_spawn(&pid, "/bin/permchild", &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	return err ? -1 : pid;
}

static bool killed(pid_t pid)
{
	int st;
	return kill(pid, SIGKILL) == 0 && waitpid(pid, &st, 0) == pid && WIFSIGNALED(st);
}

/* The other end's process dies without closing: the kernel tells the pipe
 * server its handle is gone. A writer's death is the end of the file; a
 * reader's makes writes fail with EPIPE. */
UTEST(pipe_peer_death_is_eof_or_epipe)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK(proc_server());
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pid_t writer = holder(p[1]);
	CHECK(writer > 0);
	CHECK_EQ(close(p[1]), 0);
	char c = 0;
	CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_EQ(c, 'x');
	CHECK(killed(writer));
	CHECK_EQ(read(p[0], &c, 1), 0);
	CHECK_EQ(close(p[0]), 0);

	CHECK_EQ(pipe(p), 0);
	pid_t reader = holder(p[0]);
	CHECK(reader > 0);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(write(p[1], "y", 1), 1); /* someone holds the read end */
	CHECK(killed(reader));
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	CHECK_ERRNO(write(p[1], "y", 1), EPIPE);
	signal(SIGPIPE, old);
	CHECK_EQ(close(p[1]), 0);
}

/* Socket pairs (srv/pipe's minor 1, lib/c/os/fd/pipe.c): both ends read
 * and write, each reading what the other wrote; fstat says socket; bad
 * arguments are refused. */
UTEST(socketpair_both_ways)
{
	CHECK_EQ(vfs_up(), 0);
	int sv[2];
	CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	char buf[16] = { 0 };
	CHECK_EQ(write(sv[0], "ping", 4), 4);
	CHECK_EQ(write(sv[1], "pong!", 5), 5);
	CHECK_EQ(read(sv[1], buf, sizeof(buf)), 4);
	CHECK(!memcmp(buf, "ping", 4));
	CHECK_EQ(read(sv[0], buf, sizeof(buf)), 5);
	CHECK(!memcmp(buf, "pong!", 5));
	struct stat st;
	CHECK_EQ(fstat(sv[0], &st), 0);
	CHECK(S_ISSOCK(st.st_mode));
	/* Nothing waiting: a non-blocking read says so. */
	CHECK_EQ(fcntl(sv[1], F_SETFL, O_NONBLOCK), 0);
	CHECK_ERRNO(read(sv[1], buf, 1), EAGAIN);
	CHECK_EQ(close(sv[0]), 0);
	CHECK_EQ(close(sv[1]), 0);
	CHECK_ERRNO(socketpair(2 /* AF_INET */, SOCK_STREAM, 0, sv), EAFNOSUPPORT);
	CHECK_ERRNO(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), EPROTOTYPE);
	CHECK_ERRNO(socketpair(AF_UNIX, SOCK_STREAM, 6, sv), EPROTONOSUPPORT);
	CHECK_ERRNO(socketpair(AF_UNIX, SOCK_STREAM, 0, NULL), EFAULT);
}

/* shutdown(SHUT_WR) is the end of the file for the peer while the other
 * direction still works; writing after it, or to a closed peer, is EPIPE
 * with SIGPIPE; a pipe is no socket. */
UTEST(socketpair_shutdown_close_epipe)
{
	CHECK_EQ(vfs_up(), 0);
	int sv[2], p[2];
	char buf[8];
	CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	CHECK_EQ(write(sv[0], "ab", 2), 2);
	CHECK_EQ(shutdown(sv[0], SHUT_WR), 0);
	CHECK_EQ(read(sv[1], buf, sizeof(buf)), 2); /* what was written first */
	CHECK_EQ(read(sv[1], buf, sizeof(buf)), 0); /* then the end */
	CHECK_EQ(write(sv[1], "c", 1), 1); /* the other way still works */
	CHECK_EQ(read(sv[0], buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], 'c');
	struct sigaction sa = { .sa_handler = on_sigpipe }, old;
	CHECK_EQ(sigaction(SIGPIPE, &sa, &old), 0);
	sigpipes = 0;
	CHECK_ERRNO(write(sv[0], "x", 1), EPIPE);
	CHECK_EQ(sigpipes, 1);
	CHECK_EQ(close(sv[1]), 0);
	CHECK_EQ(read(sv[0], buf, sizeof(buf)), 0); /* the peer is gone */
	CHECK_EQ(close(sv[0]), 0);
	CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	CHECK_EQ(close(sv[1]), 0);
	CHECK_ERRNO(write(sv[0], "y", 1), EPIPE);
	CHECK_EQ(sigpipes, 2);
	CHECK_EQ(sigaction(SIGPIPE, &old, NULL), 0);
	CHECK_ERRNO(shutdown(sv[0], 3), EINVAL);
	CHECK_EQ(close(sv[0]), 0);
	CHECK_EQ(pipe(p), 0);
	CHECK_ERRNO(shutdown(p[0], SHUT_RD), ENOTSOCK);
	CHECK_ERRNO(shutdown(99, SHUT_RD), EBADF);
	CHECK_EQ(close(p[0]), 0);
	CHECK_EQ(close(p[1]), 0);
}

UTEST(socketpair_poll)
{
	CHECK_EQ(vfs_up(), 0);
	int sv[2];
	CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	struct pollfd f = { sv[0], POLLIN | POLLOUT, 0 };
	CHECK_EQ(poll(&f, 1, 0), 1);
	CHECK_EQ(f.revents, POLLOUT);
	CHECK_EQ(write(sv[1], "q", 1), 1);
	CHECK_EQ(poll(&f, 1, 0), 1);
	CHECK_EQ(f.revents, POLLIN | POLLOUT);
	CHECK_EQ(close(sv[1]), 0);
	CHECK_EQ(poll(&f, 1, 0), 1);
	CHECK(f.revents & POLLIN);
	CHECK(f.revents & POLLHUP);
	CHECK(f.revents & POLLERR); /* a write would fail */
	CHECK_EQ(close(sv[0]), 0);
}

/* One end inherited by a child program (pipechild sockecho) as its
 * descriptor 3: it answers over the same socket; our SHUT_WR ends it. */
UTEST(socketpair_with_a_child_process)
{
	CHECK_EQ(vfs_up(), 0);
	int sv[2];
	CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	static const char *const argv[] = { "pipechild", "sockecho", NULL };
	vg_handle_t child = spawn_pipechild(argv, sv[1]);
	CHECK(child != 0);
	CHECK_EQ(write(sv[0], "hello", 5), 5);
	char buf[8] = { 0 };
	size_t got = 0;
	while (got < 5) {
		ssize_t r = read(sv[0], buf + got, sizeof(buf) - got);
		CHECK(r > 0);
		got += (size_t)r;
	}
	CHECK(!memcmp(buf, "HELLO", 5));
	CHECK_EQ(shutdown(sv[0], SHUT_WR), 0);
	CHECK_EQ(child_exit(child), 0);
	vg_handle_close(child);
	CHECK_EQ(read(sv[0], buf, sizeof(buf)), 0); /* its end closed */
	CHECK_EQ(close(sv[0]), 0);
}
