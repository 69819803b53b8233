// SPDX-License-Identifier: BSD-2-Clause
// Pseudo-terminals (srv/pty, srv/tty, lib/c/os/fd/pty.c): a master from
// /dev/ptmx and its slave /dev/pts/N made and removed by the device
// manager; an interactive shell on a slave driven through its master
// (echo, a command's output, ^C ending its foreground job); canonical
// editing, raw mode, window size and SIGWINCH, the master's close hanging
// the slave's session up, the slave's close giving the master EIO, poll
// on both, /dev/tty in a session on a slave; bad requests refused while
// the server serves on.
#include "../countfile.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define PTY_MAJOR 136

/* Whether fd has something to read within ms milliseconds. */
static bool readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

/* read() of fd once it has something (up to 2 s), else -2: a test that
 * fails must not hang the run. */
static ssize_t read_ready(int fd, void *buf, size_t size)
{
	return readable(fd, 2000) ? read(fd, buf, size) : -2;
}

/* waitpid() of a child that must end within 5 s; killed (and the status
 * left at -1) when it does not. */
static pid_t reap(pid_t pid, int *status)
{
	*status = -1;
	for (int i = 0; i < 5000; i++) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r)
			return r;
		usleep(1000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return 0;
}

/* What a master has given and not been looked at yet. */
struct screen {
	int m;
	size_t n;
	char text[4096];
};

/* Reads what the master has within ms milliseconds into s->text. */
static void screen_take(struct screen *s, int ms)
{
	if (!readable(s->m, ms) || s->n + 1 >= sizeof(s->text))
		return;
	ssize_t r = read(s->m, s->text + s->n, sizeof(s->text) - 1 - s->n);
	if (r > 0)
		s->n += (size_t)r;
	s->text[s->n] = 0;
}

/* Waits (up to 5 s) until want appears after the first occurrence of
 * after (if not NULL), and forgets what came up to its end. */
static bool screen_shows(struct screen *s, const char *after, const char *want)
{
	for (int i = 0; i < 500; i++) {
		s->text[s->n] = 0;
		const char *from = after ? strstr(s->text, after) : s->text;
		const char *at = from ? strstr(from + (after ? strlen(after) : 0), want) : NULL;
		if (at) {
			size_t end = (size_t)(at - s->text) + strlen(want);
			memmove(s->text, s->text + end, s->n - end);
			s->n -= end;
			return true;
		}
		screen_take(s, 10);
	}
	vg_printf("t_pty: wanted '%s', the master read '%s'\n", want, s->text);
	return false;
}

/* Waits (up to 5 s) until the terminal's foreground group is (or, with
 * is false, is no longer) pgid, reading the master meanwhile: a shell
 * changing its terminal's mode waits for its output to be read
 * (TCSADRAIN). */
static bool foreground_becomes(struct screen *s, pid_t pgid, bool is)
{
	for (int i = 0; i < 1000; i++) {
		if ((tcgetpgrp(s->m) == pgid) == is)
			return true;
		screen_take(s, 5);
	}
	return false;
}

UTEST(pty_open_names_and_nodes)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0);
	CHECK_EQ(grantpt(m), 0);
	CHECK_EQ(unlockpt(m), 0);
	char name[32], want[32];
	CHECK_EQ(ptsname_r(m, name, sizeof(name)), 0);
	unsigned n = 999;
	CHECK_EQ(ioctl(m, TIOCGPTN, &n), 0);
	snprintf(want, sizeof(want), "/dev/pts/%u", n);
	CHECK(!strcmp(name, want));
	CHECK_EQ(ptsname_r(m, name, 9), ERANGE);
	struct stat st;
	CHECK_EQ(stat(want, &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(major(st.st_rdev), PTY_MAJOR);
	CHECK_EQ(minor(st.st_rdev), n);
	int s = open(want, O_RDWR | O_NOCTTY);
	CHECK(s >= 0);
	CHECK(isatty(s) && isatty(m));
	CHECK(ttyname(s) && !strcmp(ttyname(s), want));
	CHECK(ttyname(m) && !strcmp(ttyname(m), "/dev/ptmx"));
	/* A slave, a memory device: no masters. */
	CHECK_ERRNO(ioctl(s, TIOCGPTN, &n), ENOTTY);
	CHECK(ptsname(s) == NULL);
	CHECK_ERRNO(unlockpt(s), EINVAL);
	int null = open("/dev/null", O_RDWR);
	CHECK_ERRNO(grantpt(null), EINVAL);
	close(null);
	CHECK_ERRNO(posix_openpt(O_RDONLY), EINVAL);
	/* Another master, another slave. */
	int m2 = posix_openpt(O_RDWR | O_NOCTTY);
	unsigned n2 = n;
	CHECK(m2 >= 0 && ioctl(m2, TIOCGPTN, &n2) == 0 && n2 != n);
	close(m2);
	close(s);
	close(m);
	/* Both sides closed: the node goes. */
	CHECK_EQ(vfs_up_wait_node(want, false), 0);
}

/* The checks of a process of user 1000 that opens a master: its slave's
 * node is its own, group tty, 0620 (grantpt's), which it may open; each
 * failure its own exit code. Then it says the slave's name through
 * pipe p and keeps the master until pipe q's write end closes. */
static int owns_its_slave(int p[2], int q[2])
{
	char name[32];
	struct stat st;
	close(p[0]);
	close(q[1]);
	if (setgid(1000) || setuid(1000))
		return 1;
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || ptsname_r(m, name, sizeof(name)))
		return 2;
	/* The node comes (the test's VFS handle is not this child's). */
	for (int i = 0; i < 500 && stat(name, &st); i++)
		usleep(10000);
	if (stat(name, &st) || st.st_uid != 1000 || st.st_gid != 5 || (st.st_mode & 07777) != 0620)
		return 3;
	if (grantpt(m) || unlockpt(m))
		return 4;
	int s = open(name, O_RDWR | O_NOCTTY);
	if (s < 0)
		return 5;
	if (write(p[1], name, sizeof(name)) != sizeof(name))
		return 6;
	return read(q[0], name, 1) == 0 ? 0 : 7;
}

/* User 1001 may not open another user's slave. */
static int refused_to_another(const char *name)
{
	return setuid(1001) == 0 && open(name, O_RDWR | O_NOCTTY) < 0 && errno == EACCES ? 0 : 1;
}

UTEST(pty_slave_node_is_the_master_openers)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int status, p[2], q[2];
	char name[32] = "";
	CHECK_EQ(pipe(p), 0);
	CHECK_EQ(pipe(q), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(owns_its_slave(p, q));
	CHECK(pid > 0);
	close(p[1]);
	close(q[0]);
	CHECK_EQ(read(p[0], name, sizeof(name)), (ssize_t)sizeof(name));
	pid_t other = fork();
	if (other == 0)
		_exit(refused_to_another(name));
	CHECK_EQ(reap(other, &status), other);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(p[0]);
	close(q[1]);
	CHECK_EQ(reap(pid, &status), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 0);
	/* Root's master: root's slave, group tty, 0620 too. */
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0);
	struct stat st;
	CHECK_EQ(ptsname_r(m, name, sizeof(name)), 0);
	CHECK_EQ(vfs_up_wait_node(name, true), 0);
	CHECK_EQ(stat(name, &st), 0);
	CHECK_EQ(st.st_uid, 0);
	CHECK_EQ(st.st_gid, 5);
	CHECK_EQ(st.st_mode & 07777, 0620);
	/* ptsowner proves who asks with a process server handle: another
	 * endpoint's is refused (EACCES from grantpt's call). */
	vg_handle_t ep, fake;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_TRANSFER, 1000, &fake), 0);
	vg_handle_t h;
	struct fs_attr a;
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/dev/ptmx", O_RDWR, 0, &h, &a), 0);
	CHECK_EQ(fs_file_ptsowner(h, fake), FS_FS_ERROR_DENIED);
	CHECK_EQ(fs_file_close(h), 0);
	vg_handle_close(h);
	vg_handle_close(ep);
	close(m);
}

UTEST(pty_slave_locked_until_unlockpt)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0);
	char name[32];
	CHECK_EQ(ptsname_r(m, name, sizeof(name)), 0);
	CHECK_EQ(vfs_up_wait_node(name, true), 0);
	CHECK_ERRNO(open(name, O_RDWR | O_NOCTTY), EIO);
	CHECK_EQ(ioctl(m, TIOCSPTLCK, &(int){ 0 }), 0);
	int s = open(name, O_RDWR | O_NOCTTY);
	CHECK(s >= 0);
	close(s);
	CHECK_EQ(ioctl(m, TIOCSPTLCK, &(int){ 1 }), 0);
	CHECK_ERRNO(open(name, O_RDWR | O_NOCTTY), EIO);
	close(m);
	CHECK_EQ(vfs_up_wait_node(name, false), 0);
	/* Nodes of terminals that do not exist: ENXIO. */
	CHECK_EQ(mknod("/tmp/vgpty-free", S_IFCHR | 0600, makedev(PTY_MAJOR, 63)), 0);
	CHECK_EQ(mknod("/tmp/vgpty-far", S_IFCHR | 0600, makedev(PTY_MAJOR, 5000)), 0);
	CHECK_ERRNO(open("/tmp/vgpty-free", O_RDWR), ENXIO);
	CHECK_ERRNO(open("/tmp/vgpty-far", O_RDWR), ENXIO);
	unlink("/tmp/vgpty-free");
	unlink("/tmp/vgpty-far");
}

/* An interactive shell in a session of its own on the slave. */
static pid_t shell_on_a_pty(int *m)
{
	pid_t pid = forkpty(m, NULL, NULL, NULL);
	if (pid == 0) {
		char *const argv[] = { "sh", "-i", NULL };
		char *const env[] = { "PS1=pty$ ", "PATH=/bin", NULL };
		execve("/bin/sh", argv, env);
		_exit(127);
	}
	return pid;
}

UTEST(pty_shell_runs_on_the_slave)
{
	CHECK_EQ(vfs_up_pty(), 0);
	static struct screen s;
	pid_t sh = shell_on_a_pty(&s.m);
	CHECK(sh > 0);
	CHECK(screen_shows(&s, NULL, "pty$ "));
	/* The command echoed, then its output on a line of its own. */
	CHECK_EQ(write(s.m, "echo hi\n", 8), 8);
	CHECK(screen_shows(&s, "echo hi", "\nhi\r\n"));
	CHECK(screen_shows(&s, NULL, "pty$ "));
	/* ^C written to the master ends the foreground job, not the shell. */
	CHECK_EQ(write(s.m, "sleep 30\n", 9), 9);
	CHECK(foreground_becomes(&s, sh, false));
	CHECK_EQ(write(s.m, "\x03", 1), 1);
	CHECK(foreground_becomes(&s, sh, true));
	CHECK_EQ(write(s.m, "echo st=$?\n", 11), 11);
	CHECK(screen_shows(&s, "echo st=$?", "st=130\r\n"));
	CHECK_EQ(write(s.m, "exit 7\n", 7), 7);
	int status = -1;
	pid_t ended = 0;
	for (int i = 0; i < 500 && !ended; i++) {
		screen_take(&s, 10); /* its output must be read for it to go on */
		ended = waitpid(sh, &status, WNOHANG);
	}
	if (!ended)
		reap(sh, &status); /* killed */
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	close(s.m);
}

/* A child in a session of its own on a slave: says "R" when ready, then
 * sleeps until a signal ends it or `on_winch` says it is done. */
static volatile sig_atomic_t winched;

static void on_winch(int sig)
{
	(void)sig;
	winched = 1;
}

static pid_t waiting_child(int *m, bool winch)
{
	pid_t pid = forkpty(m, NULL, NULL, NULL);
	if (pid)
		return pid;
	if (winch)
		signal(SIGWINCH, on_winch);
	if (write(1, "R", 1) != 1)
		_exit(1);
	for (int i = 0; i < 10000 && !winched; i++)
		usleep(1000);
	struct winsize ws = { 0 };
	_exit(winched && ioctl(0, TIOCGWINSZ, &ws) == 0 ? ws.ws_row : 2);
}

UTEST(pty_ctrl_c_and_quit_signal_the_foreground)
{
	CHECK_EQ(vfs_up_pty(), 0);
	static struct screen s;
	for (int i = 0; i < 2; i++) {
		int status = -1;
		s.n = 0;
		pid_t pid = waiting_child(&s.m, false);
		CHECK(pid > 0);
		CHECK(screen_shows(&s, NULL, "R"));
		CHECK_EQ(tcgetpgrp(s.m), pid);
		CHECK_EQ(write(s.m, i ? "\x1c" : "\x03", 1), 1);
		CHECK_EQ(reap(pid, &status), pid);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == (i ? SIGQUIT : SIGINT));
		CHECK(screen_shows(&s, NULL, i ? "^\\" : "^C"));
		close(s.m);
	}
}

UTEST(pty_window_size_and_sigwinch)
{
	CHECK_EQ(vfs_up_pty(), 0);
	static struct screen s;
	int status = -1, m;
	pid_t pid = waiting_child(&s.m, true);
	CHECK(pid > 0);
	CHECK(screen_shows(&s, NULL, "R"));
	m = s.m;
	struct winsize ws = { 50, 132, 0, 0 }, got = { 0 };
	CHECK_EQ(ioctl(m, TIOCSWINSZ, &ws), 0);
	CHECK_EQ(ioctl(m, TIOCGWINSZ, &got), 0);
	CHECK(got.ws_row == 50 && got.ws_col == 132);
	/* The child saw SIGWINCH and then the new size. */
	CHECK_EQ(reap(pid, &status), pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 50);
	close(m);
}

UTEST(pty_master_close_hangs_up_the_slave)
{
	CHECK_EQ(vfs_up_pty(), 0);
	static struct screen child;
	/* The session on the slave gets SIGHUP. */
	int m, status = -1;
	pid_t pid = waiting_child(&child.m, false);
	CHECK(pid > 0);
	CHECK(screen_shows(&child, NULL, "R"));
	close(child.m);
	CHECK_EQ(reap(pid, &status), pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP);
	/* A slave still open reads the end of the file, fails writes with
	 * EIO and polls as hung up. */
	int s;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	close(m);
	char c;
	CHECK_EQ(read_ready(s, &c, 1), 0);
	CHECK_ERRNO(write(s, "x", 1), EIO);
	struct pollfd p = { s, POLLIN, 0 };
	CHECK_EQ(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLHUP);
	close(s);
}

UTEST(pty_slave_close_gives_the_master_eio)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	char buf[8];
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	CHECK_EQ(write(s, "x", 1), 1);
	close(s);
	struct pollfd p = { m, POLLIN, 0 };
	CHECK_EQ(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLHUP);
	/* What the slave wrote first, then EIO. */
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], 'x');
	CHECK_ERRNO(read_ready(m, buf, sizeof(buf)), EIO);
	close(m);
}

UTEST(pty_canonical_line_editing)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	char buf[64];
	static struct screen echo;
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	echo.m = m;
	/* Erase (DEL), kill (^U), word erase (^W): the slave reads the
	 * edited lines, the master the echo with its rubouts. */
	CHECK_EQ(write(m, "hellp\x7fo\n", 8), 8);
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 6);
	CHECK(!memcmp(buf, "hello\n", 6));
	CHECK(screen_shows(&echo, NULL, "hellp\b \bo\r\n"));
	CHECK_EQ(write(m, "junk\x15ok\n", 8), 8);
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 3);
	CHECK(!memcmp(buf, "ok\n", 3));
	CHECK_EQ(write(m, "one two\x17three\n", 14), 14);
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 10);
	CHECK(!memcmp(buf, "one three\n", 10));
	/* A partial line is not readable; ^D ends it without a newline, and
	 * on an empty line is the end of the file. */
	CHECK_EQ(write(m, "ab", 2), 2);
	CHECK(!readable(s, 20));
	CHECK_EQ(write(m, "\x04\x04", 2), 2);
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 2);
	CHECK(!memcmp(buf, "ab", 2));
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 0);
	/* Output processing: the slave's newline is CR LF on the master. */
	while (readable(m, 0))
		screen_take(&echo, 0); /* the echoes so far */
	echo.n = 0;
	CHECK_EQ(write(s, "out\n", 4), 4);
	CHECK(screen_shows(&echo, NULL, "out\r\n"));
	close(s);
	close(m);
}

UTEST(pty_raw_mode)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	char buf[64];
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	struct termios t;
	CHECK_EQ(tcgetattr(s, &t), 0);
	cfmakeraw(&t);
	CHECK_EQ(tcsetattr(s, TCSANOW, &t), 0);
	/* Every byte as it is, at once, no echo, no signal, no editing. */
	CHECK_EQ(write(m, "a\x03\x7f\r", 4), 4);
	CHECK(readable(s, 0));
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 4);
	CHECK(!memcmp(buf, "a\x03\x7f\r", 4));
	CHECK(!readable(m, 20));
	/* No output processing either. */
	CHECK_EQ(write(s, "x\ny", 3), 3);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 3);
	CHECK(!memcmp(buf, "x\ny", 3));
	/* VMIN 0, VTIME 0: a read returns what is there, maybe nothing. */
	t.c_cc[VMIN] = 0;
	CHECK_EQ(tcsetattr(s, TCSANOW, &t), 0);
	CHECK_EQ(read(s, buf, sizeof(buf)), 0);
	close(s);
	close(m);
}

UTEST(pty_poll_on_master_and_slave)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s;
	char buf[64];
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	struct pollfd p[2] = { { m, POLLIN | POLLOUT, 0 }, { s, POLLIN | POLLOUT, 0 } };
	CHECK_EQ(poll(p, 2, 0), 2);
	CHECK_EQ(p[0].revents, POLLOUT);
	CHECK_EQ(p[1].revents, POLLOUT);
	/* Half a line: the master has its echo, the slave nothing yet. */
	CHECK_EQ(write(m, "l", 1), 1);
	CHECK(readable(m, 0));
	CHECK(!readable(s, 0));
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK(!readable(m, 0));
	CHECK_EQ(write(m, "\n", 1), 1);
	CHECK(readable(s, 0));
	CHECK_EQ(read_ready(s, buf, sizeof(buf)), 2);
	/* A poll waiting on the master wakes when the slave writes. */
	pid_t child = fork();
	if (child == 0) {
		usleep(20000);
		_exit(write(s, "w", 1) == 1 ? 0 : 1);
	}
	p[0] = (struct pollfd){ m, POLLIN, 0 };
	CHECK_EQ(poll(p, 1, 5000), 1);
	int status = -1;
	CHECK_EQ(reap(child, &status), child);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(s);
	close(m);
}

/* TIOCPKT: a master's reads begin with a byte, 0 before data or the
 * news of the slave's queues alone; news wakes a poll on the master. */
static void flush_input(void *s)
{
	CHECK_EQ(tcflush(*(int *)s, TCIFLUSH), 0);
}

UTEST(pty_packet_mode)
{
	CHECK_EQ(vfs_up_pty(), 0);
	int m, s, on = 1, off = 0;
	char buf[64];
	CHECK_EQ(openpty(&m, &s, NULL, NULL, NULL), 0);
	CHECK_EQ(tcflush(s, TCIOFLUSH), 0); /* before packet mode: no news */
	CHECK_EQ(ioctl(m, TIOCPKT, &on), 0);
	CHECK_ERRNO(ioctl(s, TIOCPKT, &on), ENOTTY);
	CHECK(!readable(m, 0));
	CHECK_EQ(write(s, "hi", 2), 2);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 3);
	CHECK(!memcmp(buf, "\0hi", 3));
	/* A flush of the slave's input wakes a poll waiting on the master. */
	static struct countwait w;
	countfile_sleeps_until(m, true, flush_input, &s, &w);
	CHECK_EQ(w.r, 1);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], TIOCPKT_FLUSHREAD);
	CHECK(!readable(m, 0));
	CHECK_EQ(tcflush(s, TCOFLUSH), 0);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], TIOCPKT_FLUSHWRITE);
	/* ^S/^Q flow control on, then off. */
	struct termios t;
	CHECK_EQ(tcgetattr(s, &t), 0);
	t.c_iflag |= IXON;
	t.c_cc[VSTOP] = 0x13;
	t.c_cc[VSTART] = 0x11;
	CHECK_EQ(tcsetattr(s, TCSANOW, &t), 0);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], TIOCPKT_DOSTOP);
	t.c_iflag &= ~(tcflag_t)IXON;
	CHECK_EQ(tcsetattr(s, TCSANOW, &t), 0);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], TIOCPKT_NOSTOP);
	/* Off: data as it is, news unsaid. */
	CHECK_EQ(ioctl(m, TIOCPKT, &off), 0);
	CHECK_EQ(tcflush(s, TCIFLUSH), 0);
	CHECK(!readable(m, 0));
	CHECK_EQ(write(s, "x", 1), 1);
	CHECK_EQ(read_ready(m, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], 'x');
	close(s);
	close(m);
}

/* In a session on a slave: /dev/tty is the slave, ttyname says so, and
 * writes through it reach the master. */
static int opens_dev_tty(void)
{
	char mine[32];
	if (ttyname_r(0, mine, sizeof(mine)))
		return 1;
	int t = open("/dev/tty", O_RDWR);
	const char *name = t >= 0 ? ttyname(t) : NULL;
	if (!name || strcmp(name, mine) || tcgetsid(t) != getpid())
		return 2;
	return write(t, "via-tty\n", 8) == 8 ? 0 : 3;
}

UTEST(pty_dev_tty_is_the_controlling_pty)
{
	CHECK_EQ(vfs_up_pty(), 0);
	static struct screen s;
	int status;
	pid_t pid = forkpty(&s.m, NULL, NULL, NULL);
	if (pid == 0)
		_exit(opens_dev_tty());
	CHECK(pid > 0);
	CHECK(screen_shows(&s, NULL, "via-tty\r\n"));
	CHECK_EQ(reap(pid, &status), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 0);
	close(s.m);
}

/* A raw message of a label and words (registers only): its reply label. */
static long raw_call(vg_handle_t ep, uint32_t label, uint32_t words)
{
	struct msg msg = { VG_IPC_TAG(label, words, 0), { 0 } }, r;
	long st = call(ep, &msg, &r);
	return st ? st : (long)(int32_t)VG_IPC_TAG_LABEL(r.tag);
}

/* The server still makes terminals that echo. */
static bool pty_serving(void)
{
	int m, s;
	char buf[8];
	bool ok = openpty(&m, &s, NULL, NULL, NULL) == 0 && write(m, "k", 1) == 1 &&
		read_ready(m, buf, sizeof(buf)) == 1 && buf[0] == 'k';
	close(s);
	close(m);
	return ok;
}

UTEST(pty_bad_requests_refused)
{
	CHECK_EQ(vfs_up_pty(), 0);
	vg_handle_t h;
	struct fs_attr a;
	CHECK_EQ(fs_vfs_open(vfs_up_vfs(), "/dev/ptmx", O_RDWR, 0, &h, &a), 0);
	struct fs_termios t = { 0 };
	unsigned char cc[NCCS] = { 0 };
	CHECK_EQ(fs_file_tcsetattr(h, 9, &t, cc, NCCS), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_file_tcsetattr(h, TCSANOW, &t, cc, 3), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_file_tcsetpgrp(h, -5), FS_FS_ERROR_INVALID);
	CHECK_EQ(fs_file_tcflush(h, 7), FS_FS_ERROR_INVALID);
	/* A master is nobody's controlling terminal. */
	CHECK_EQ(fs_file_tcsetsid(h, 77, false), FS_FS_ERROR_NOT_SUPPORTED);
	int32_t sid, pgid;
	CHECK_EQ(fs_file_tcgetsid(h, &sid, &pgid), FS_FS_ERROR_NOT_SUPPORTED);
	/* Malformed: unknown labels, words missing, a file call elsewhere. */
	CHECK_EQ(raw_call(h, 0x12345, 0), ERR_NOT_SUPPORTED);
	CHECK_EQ(raw_call(h, FS_FILE_PTSLOCK_LABEL, 0), ERR_BAD_FORMAT);
	CHECK_EQ(raw_call(h, FS_FILE_WINDOW_LABEL, 0), ERR_NOT_SUPPORTED);
	CHECK_EQ(fs_file_close(h), 0);
	CHECK(pty_serving());
	/* The table full: ENFILE, and terminals again once some are closed. */
	static int masters[70];
	int n = 0;
	while (n < 70 && (masters[n] = posix_openpt(O_RDWR | O_NOCTTY)) >= 0)
		n++;
	CHECK(n > 0 && n < 70);
	CHECK_EQ(errno, ENFILE);
	char last[32];
	CHECK_EQ(ptsname_r(masters[n - 1], last, sizeof(last)), 0);
	while (n > 0)
		close(masters[--n]);
	CHECK_EQ(vfs_up_wait_node(last, false), 0);
	CHECK(pty_serving());
}
