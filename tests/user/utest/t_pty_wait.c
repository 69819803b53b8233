// SPDX-License-Identifier: BSD-2-Clause
// Waiting on pseudo-terminals (srv/pty, srv/tty/wait.c): a blocked reader
// of either side, and poll, sleep until the other side acts - counted
// through a descriptor that counts its calls (countfile.h), so no call is
// made while nothing happens, whatever the host's load; ^C ends a blocked
// read with EINTR, or not with SA_RESTART; raw reads time out on VTIME
// (the server's timer wakes them); a master's write into a full input
// waits until the slave reads, or fails with EAGAIN under O_NONBLOCK.
#include "../countfile.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MS 1000000ull

static void sleep_ms(uint64_t ms)
{
	vg_thread_sleep_until(vg_clock_monotonic() + ms * MS);
}

static void write_line(void *fd)
{
	CHECK_EQ(write(*(int *)fd, "wake\n", 5), 5);
}

UTEST(pty_slave_reader_and_poll_sleep_until_the_master_writes)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	static struct countwait w;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	countfile_sleeps_until(s, false, write_line, &m, &w);
	CHECK_EQ(w.r, 5);
	CHECK(!memcmp(w.buf, "wake\n", 5));
	countfile_sleeps_until(s, true, write_line, &m, &w);
	CHECK_EQ(w.r, 1);
	CHECK(w.revents & POLLIN);
	close(s);
	close(m);
}

UTEST(pty_master_reader_sleeps_until_the_slave_writes)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	static struct countwait w;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	countfile_sleeps_until(m, false, write_line, &s, &w);
	CHECK_EQ(w.r, 6);
	CHECK(!memcmp(w.buf, "wake\r\n", 6));
	/* And a poll on it. */
	countfile_sleeps_until(m, true, write_line, &s, &w);
	CHECK_EQ(w.r, 1);
	CHECK(w.revents & POLLIN);
	close(s);
	close(m);
}

static void close_fd(void *fd)
{
	CHECK_EQ(close(*(int *)fd), 0);
}

/* Hang-ups wake too: the master's close ends a slave's read (0), the
 * slave's a master's (EIO). */
UTEST(pty_hang_up_wakes_blocked_readers)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	static struct countwait w;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	countfile_sleeps_until(s, false, close_fd, &m, &w);
	CHECK_EQ(w.r, 0);
	close(s);
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	countfile_sleeps_until(m, false, close_fd, &s, &w);
	CHECK_EQ(w.r, -1);
	CHECK_EQ(w.err, EIO);
	close(m);
}

/* ---- ^C and a blocked read ---- */

static void on_int(int sig)
{
	(void)sig;
	if (write(1, "H", 1) != 1)
		_exit(9);
}

/* In a session on a slave: reads the terminal with a SIGINT handler;
 * without SA_RESTART the read must fail with EINTR (each ^C that came
 * before the read began is followed by another), with it the read goes
 * on and returns the next line. */
static int reader_of(bool restart)
{
	struct sigaction a = { .sa_handler = on_int, .sa_flags = restart ? SA_RESTART : 0 };
	sigemptyset(&a.sa_mask);
	if (sigaction(SIGINT, &a, NULL) || write(1, "R", 1) != 1)
		return 1;
	char buf[16];
	for (;;) {
		ssize_t r = read(0, buf, sizeof(buf));
		if (restart)
			return r == 3 && !memcmp(buf, "ok\n", 3) ? 0 : 2;
		if (r < 0)
			return errno == EINTR ? 0 : 3;
	}
}

/* The child's output as it comes, up to 5 s for want to show. */
static bool master_shows(int m, const char *want)
{
	char seen[256] = "";
	size_t n = 0;
	for (int i = 0; i < 500; i++) {
		struct pollfd p = { m, POLLIN, 0 };
		if (poll(&p, 1, 10) == 1 && n + 1 < sizeof(seen)) {
			ssize_t r = read(m, seen + n, sizeof(seen) - 1 - n);
			n += r > 0 ? (size_t)r : 0;
			seen[n] = 0;
		}
		if (strstr(seen, want))
			return true;
	}
	return false;
}

/* The child's exit status within 5 s, sending ^C every 100 ms when
 * ctrl_c says so; killed (-1) when it does not end. */
static int ends(pid_t pid, int m, bool ctrl_c)
{
	int status = -1;
	for (int i = 0; i < 500; i++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
		if (ctrl_c && i % 10 == 0 && write(m, "\x03", 1) != 1)
			break;
		sleep_ms(10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -1;
}

UTEST(pty_ctrl_c_interrupts_a_blocked_read)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m;
	pid_t pid = forkpty(&m, NULL, NULL, NULL);
	if (pid == 0)
		_exit(reader_of(false));
	CHECK(pid > 0);
	CHECK(master_shows(m, "R"));
	CHECK_EQ(ends(pid, m, true), 0);
	close(m);
	/* With SA_RESTART: the handler runs, the read goes on. */
	pid = forkpty(&m, NULL, NULL, NULL);
	if (pid == 0)
		_exit(reader_of(true));
	CHECK(pid > 0);
	CHECK(master_shows(m, "R"));
	CHECK_EQ(write(m, "\x03", 1), 1);
	CHECK(master_shows(m, "H"));
	CHECK_EQ(write(m, "ok\n", 3), 3);
	CHECK_EQ(ends(pid, m, false), 0);
	close(m);
}

/* ---- raw reads and VTIME ---- */

static void set_raw(int s, cc_t vmin, cc_t vtime)
{
	struct termios t;
	CHECK_EQ(tcgetattr(s, &t), 0);
	cfmakeraw(&t);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	CHECK_EQ(tcsetattr(s, TCSANOW, &t), 0);
}

static void write_byte(void *fd)
{
	CHECK_EQ(write(*(int *)fd, "b", 1), 1);
}

UTEST(pty_raw_reads_wait_for_vmin_and_vtime)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	static struct countwait w;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	/* VMIN 3: two bytes are not enough, the third wakes it. */
	set_raw(s, 3, 0);
	CHECK_EQ(write(m, "ab", 2), 2);
	countfile_sleeps_until(s, false, write_byte, &m, &w);
	CHECK_EQ(w.r, 3);
	CHECK(!memcmp(w.buf, "abb", 3));
	/* VMIN 0, VTIME 2: nothing comes, the read returns 0 after 200 ms,
	 * woken by the server's timer. */
	set_raw(s, 0, 2);
	w = (struct countwait){ .fd = s, .want = 8 };
	uint64_t t0 = vg_clock_monotonic();
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, countwait_run, &w), 0);
	CHECK(countwait_finishes(&w));
	if (!w.done)
		return;
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(w.r, 0);
	CHECK(vg_clock_monotonic() - t0 >= 200 * MS);
	/* VMIN 5, VTIME 1: one byte, then 100 ms without another: that byte. */
	set_raw(s, 5, 1);
	w = (struct countwait){ .fd = s, .want = 8 };
	CHECK_EQ(pthread_create(&t, NULL, countwait_run, &w), 0);
	sleep_ms(20);
	t0 = vg_clock_monotonic();
	CHECK_EQ(write(m, "q", 1), 1);
	CHECK(countwait_finishes(&w));
	if (!w.done)
		return;
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(w.r, 1);
	CHECK_EQ(w.buf[0], 'q');
	CHECK(vg_clock_monotonic() - t0 >= 100 * MS);
	close(s);
	close(m);
}

/* ---- a master's write into a full input ---- */

struct writer {
	int fd;
	const char *data;
	size_t n;
	ssize_t r;
	atomic_bool done;
};

static void *write_all(void *arg)
{
	struct writer *wr = arg;
	wr->r = write(wr->fd, wr->data, wr->n);
	wr->done = true;
	return NULL;
}

#define INPUT 4096 /* the slave's input queue (srv/tty/ldisc.h) */

UTEST(pty_master_write_waits_for_the_slave_to_read)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	static char big[INPUT + 200], got[INPUT + 200];
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)('a' + i % 26);
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	set_raw(s, 1, 0);
	/* O_NONBLOCK: what fits, then EAGAIN. */
	CHECK_EQ(fcntl(m, F_SETFL, O_NONBLOCK), 0);
	CHECK_EQ(write(m, big, INPUT + 100), INPUT);
	CHECK_ERRNO(write(m, big + INPUT, 100), EAGAIN);
	struct pollfd p = { m, POLLOUT, 0 };
	CHECK_EQ(poll(&p, 1, 0), 0); /* no room */
	CHECK_EQ(fcntl(m, F_SETFL, 0), 0);
	/* Blocking: the writer waits (nothing is dropped) until the slave
	 * reads, a little at a time. */
	static struct writer wr;
	wr = (struct writer){ .fd = m, .data = big + INPUT, .n = 200 };
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, write_all, &wr), 0);
	sleep_ms(50);
	CHECK(!wr.done);
	size_t n = 0;
	while (n < sizeof(got)) {
		struct pollfd in = { s, POLLIN, 0 };
		if (poll(&in, 1, 5000) != 1)
			break; /* the writer is stuck: fails below */
		ssize_t r = read(s, got + n, 50);
		CHECK(r > 0);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	CHECK_EQ(n, sizeof(got));
	if (n < sizeof(got))
		return; /* the writer is left blocked */
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(wr.r, 200);
	CHECK(!memcmp(got, big, sizeof(got)));
	/* A canonical line that fills the input is no reason to wait (nobody
	 * could read it): the rest of it is dropped, the newline ends it. */
	struct termios cooked;
	CHECK_EQ(tcgetattr(s, &cooked), 0);
	cooked.c_lflag |= ICANON;
	cooked.c_lflag &= ~(tcflag_t)ECHO;
	CHECK_EQ(tcsetattr(s, TCSANOW, &cooked), 0);
	CHECK_EQ(write(m, big, INPUT + 100), INPUT + 100);
	CHECK_EQ(write(m, "\n", 1), 1);
	CHECK_EQ(read(s, got, sizeof(got)), INPUT);
	CHECK(!memcmp(got, big, INPUT - 1));
	CHECK_EQ(got[INPUT - 1], '\n');
	close(s);
	close(m);
}
