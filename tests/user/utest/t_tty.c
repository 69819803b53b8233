// SPDX-License-Identifier: BSD-2-Clause
// The console terminal (srv/console, drv/char/uart): console_info, the
// device nodes, termios through the C library, input pushed with TIOCSTI,
// the foreground group signalled by ^C, and a round trip over the real
// serial port: a line written to /dev/console asks the test harness
// (tools/qemurun.py, "KTTY-TYPE") to type bytes, which come back through
// the UART's receive interrupt and the line discipline.
#include "../countfile.h"
#include "../proc_server.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <fs.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static long console_status = 1;
static vg_handle_t console_process;

/* bin/console serving major 5, with /dev/tty and /dev/console. */
static long console_up(void)
{
	static bool tried;
	if (tried)
		return console_status;
	tried = true;
	const void *image;
	size_t len;
	vg_handle_t ep, res, proc, mgr, process;
	long st = vfs_up();
	if (st || !proc_server())
		return st ? st : -1;
	if ((st = vg_initrd_find("bin/console", &image, &len)) || (st = vg_endpoint_create(&ep)))
		return st;
	if ((st = vg_handle_duplicate(resource_h, VG_RIGHT_MANAGE | VG_RIGHT_TRANSFER, &res)))
		return st;
	if ((st = vg_handle_duplicate(proc_server(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &proc)))
		return st;
	if ((st = vg_handle_duplicate(vfs_up_devmgr(), VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &mgr)))
		return st;
	const char *const argv[] = { "console", NULL };
	struct vg_startup_handle h[] = { { VG_HTAG_USER, 0, ep, 0 },
					 { VG_HTAG_RESOURCE, 0, res, 0 },
					 { VG_HTAG_PROC, 0, proc, 0 },
					 { VG_HTAG_USER, 1, mgr, 0 } };
	struct vg_spawn_req req = { image, len, argv, NULL, h, 4, NULL };
	const char *why = NULL;
	if ((st = vg_spawn(&req, &process, &why))) {
		vg_printf("t_tty: console: %s\n", why ? why : "?");
		return st;
	}
	console_process = process;
	/* It announces its nodes to the device manager as it starts. */
	return console_status = vfs_up_wait_node("/dev/console", true);
}

static int open_console(void)
{
	return console_up() ? -1 : open("/dev/console", O_RDWR);
}

UTEST(console_info_describes_the_uart)
{
	struct vg_console_info info;
	CHECK_EQ(vg_console_info(&info), 0);
#if defined(__x86_64__)
	CHECK_EQ(info.kind, VG_CONSOLE_NS16550_PIO);
	CHECK_EQ(info.base, 0x3f8u);
	CHECK_EQ(info.irq, 4u);
#elif defined(__aarch64__)
	CHECK_EQ(info.kind, VG_CONSOLE_PL011);
	CHECK_EQ(info.base, 0x09000000u); /* QEMU virt's */
	CHECK_EQ(info.irq, 33u); /* SPI 1 */
#else
	CHECK_EQ(info.kind, VG_CONSOLE_NS16550_MMIO);
	CHECK_EQ(info.base, 0x10000000u);
	CHECK_EQ(info.irq, 10u);
#endif
	CHECK(info.size > 0);
	CHECK_EQ(vg_console_info((struct vg_console_info *)(uintptr_t)0xffffffff80100000ull),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_console_info(NULL), ERR_BAD_ADDRESS);
}

UTEST(tty_device_nodes_and_isatty)
{
	int fd = open_console();
	CHECK(fd >= 0);
	CHECK_EQ(isatty(fd), 1);
	CHECK(ttyname(fd) && !strcmp(ttyname(fd), "/dev/console"));
	/* The runner has no controlling terminal: /dev/tty is no device for
	 * it (tty_job_control_in_a_session opens it in a session). */
	CHECK_ERRNO(open("/dev/tty", O_RDWR), ENXIO);
	/* Output reaches the serial log (qemurun shows it in the test log). */
	const char line[] = "t_tty: this line went through /dev/console\n";
	CHECK_EQ(write(fd, line, sizeof(line) - 1), (ssize_t)sizeof(line) - 1);
	CHECK_EQ(tcdrain(fd), 0); /* out before this test's result line */
	int null = open("/dev/null", O_RDWR);
	errno = 0;
	CHECK_EQ(isatty(null), 0);
	CHECK_EQ(errno, ENOTTY);
	struct termios tio;
	CHECK_ERRNO(tcgetattr(null, &tio), ENOTTY);
	CHECK_ERRNO(ioctl(null, TIOCGWINSZ, &(struct winsize){ 0 }), ENOTTY);
	close(null);
	CHECK_ERRNO(tcgetattr(1000, &tio), EBADF);
	CHECK_ERRNO(ioctl(fd, 0x1234, NULL), ENOTTY);
	close(fd);
}

UTEST(tty_termios_round_trip)
{
	int fd = open_console();
	CHECK(fd >= 0);
	struct termios orig, t, back;
	CHECK_EQ(tcgetattr(fd, &orig), 0);
	CHECK(orig.c_lflag & ICANON);
	CHECK(orig.c_lflag & ECHO);
	CHECK(orig.c_lflag & ISIG);
	CHECK(orig.c_iflag & ICRNL);
	CHECK_EQ(orig.c_oflag & (OPOST | ONLCR), (tcflag_t)(OPOST | ONLCR));
	CHECK_EQ(orig.c_cc[VINTR], 3);
	CHECK_EQ(orig.c_cc[VMIN], 1);
	CHECK_EQ(cfgetospeed(&orig), (speed_t)B115200);
	t = orig;
	cfmakeraw(&t);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 3;
	CHECK_EQ(tcsetattr(fd, TCSADRAIN, &t), 0);
	CHECK_EQ(tcgetattr(fd, &back), 0);
	CHECK_EQ(back.c_lflag, t.c_lflag);
	CHECK_EQ(back.c_iflag, t.c_iflag);
	CHECK_EQ(back.c_oflag, t.c_oflag);
	CHECK_EQ(back.c_cc[VTIME], 3);
	CHECK_EQ(back.c_cc[VMIN], 0);
	CHECK_ERRNO(tcsetattr(fd, 7, &t), EINVAL);
	CHECK_EQ(tcsetattr(fd, TCSANOW, &orig), 0);
	CHECK_EQ(tcgetattr(fd, &back), 0);
	CHECK_EQ(back.c_lflag, orig.c_lflag);
	/* Window size, both ways. */
	struct winsize ws = { 40, 132, 0, 0 }, got = { 0 };
	CHECK_EQ(ioctl(fd, TIOCSWINSZ, &ws), 0);
	CHECK_EQ(ioctl(fd, TIOCGWINSZ, &got), 0);
	CHECK_EQ(got.ws_row, 40);
	CHECK_EQ(got.ws_col, 132);
	CHECK_EQ(tcgetwinsize(fd, &got), 0);
	CHECK_EQ(got.ws_col, 132);
	close(fd);
}

UTEST(tty_input_through_the_line_discipline)
{
	int fd = open_console();
	CHECK(fd >= 0);
	CHECK_EQ(tcflush(fd, TCIFLUSH), 0);
	/* Canonical: editing, then one line per read. */
	const char typed[] = "helo\x7flo\r";
	for (const char *p = typed; *p; p++)
		CHECK_EQ(ioctl(fd, TIOCSTI, p), 0);
	char buf[64] = { 0 };
	CHECK_EQ(read(fd, buf, sizeof(buf)), 6);
	CHECK(!memcmp(buf, "hello\n", 6));
	/* Raw with VMIN 0, VTIME 0: what is there, or nothing at once. */
	struct termios orig, raw;
	CHECK_EQ(tcgetattr(fd, &orig), 0);
	raw = orig;
	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 0;
	CHECK_EQ(tcsetattr(fd, TCSANOW, &raw), 0);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(ioctl(fd, TIOCSTI, "\x03"), 0); /* data now, no signal */
	CHECK_EQ(read(fd, buf, sizeof(buf)), 1);
	CHECK_EQ(buf[0], 3);
	/* VTIME: a read that times out returns 0 after about that long. */
	raw.c_cc[VTIME] = 1;
	CHECK_EQ(tcsetattr(fd, TCSANOW, &raw), 0);
	uint64_t t0 = vg_clock_monotonic();
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	CHECK(vg_clock_monotonic() - t0 >= 100000000ull);
	/* poll sees input only once there is some. */
	struct pollfd p = { fd, POLLIN, 0 };
	CHECK_EQ(poll(&p, 1, 0), 0);
	CHECK_EQ(ioctl(fd, TIOCSTI, "x"), 0);
	CHECK_EQ(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLIN);
	CHECK_EQ(tcsetattr(fd, TCSAFLUSH, &orig), 0);
	CHECK_EQ(poll(&p, 1, 0), 0); /* TCSAFLUSH dropped it */
	close(fd);
}

/* A child sleeping in a process group of its own: its pid, or -1. */
static pid_t sleeper(void)
{
	posix_spawnattr_t a;
	pid_t pid = -1;
	static char *const argv[] = { "proc_child", "sleep", NULL };
	static char *const env[] = { NULL };
	if (posix_spawnattr_init(&a) || posix_spawnattr_setflags(&a, POSIX_SPAWN_SETPGROUP) ||
	    posix_spawnattr_setpgroup(&a, 0) ||
	    posix_spawn(&pid, "/bin/proc_child", NULL, &a, argv, env))
		pid = -1;
	posix_spawnattr_destroy(&a);
	return pid;
}

/* The echoes "^C" end no line: end it, so that the harness finds the
 * next result line at the start of one. */
static void end_echo_line(int fd)
{
	if (write(fd, "\n", 1) != 1 || tcdrain(fd))
		vg_printf("\n");
}

UTEST(tty_ctrl_c_signals_the_foreground_group)
{
	int fd = open_console();
	CHECK(fd >= 0);
	pid_t child = sleeper();
	CHECK(child > 0);
	CHECK_EQ(tcsetpgrp(fd, child), 0);
	CHECK_EQ(tcgetpgrp(fd), child);
	CHECK_ERRNO(tcsetpgrp(fd, 0), EINVAL);
	CHECK_EQ(ioctl(fd, TIOCSTI, "\x03"), 0);
	int status = 0;
	CHECK_EQ(waitpid(child, &status, 0), child);
	CHECK(WIFSIGNALED(status));
	CHECK_EQ(WTERMSIG(status), SIGINT);
	/* ^\ likewise. */
	child = sleeper();
	CHECK(child > 0);
	CHECK_EQ(tcsetpgrp(fd, child), 0);
	CHECK_EQ(ioctl(fd, TIOCSTI, "\x1c"), 0);
	CHECK_EQ(waitpid(child, &status, 0), child);
	CHECK(WIFSIGNALED(status));
	CHECK_EQ(WTERMSIG(status), SIGQUIT);
	end_echo_line(fd);
	close(fd);
}

/* Asks the harness to type data into the serial port (hex on the line). */
static void harness_types(int fd, const char *data)
{
	char line[128] = "KTTY-TYPE ";
	size_t n = strlen(line);
	for (; *data && n + 3 < sizeof(line); data++)
		n += (size_t)vg_snprintf(line + n, sizeof(line) - n, "%02x", (unsigned char)*data);
	line[n++] = '\n';
	/* Whole on the serial log before anything else is printed: the
	 * harness matches the line. */
	if (write(fd, line, n) != (ssize_t)n || tcdrain(fd))
		vg_printf("t_tty: could not ask the harness to type\n");
}

UTEST(tty_real_serial_input_and_ctrl_c)
{
	int fd = open_console();
	CHECK(fd >= 0);
	CHECK_EQ(tcflush(fd, TCIFLUSH), 0);
	harness_types(fd, "typed at the serial port\r");
	struct pollfd p = { fd, POLLIN, 0 };
	CHECK_EQ(poll(&p, 1, 20000), 1);
	char buf[64] = { 0 };
	CHECK_EQ(read(fd, buf, sizeof(buf)), 25);
	CHECK(!memcmp(buf, "typed at the serial port\n", 25));
	/* ^C from the serial port reaches the foreground group. */
	pid_t child = sleeper();
	CHECK(child > 0);
	CHECK_EQ(tcsetpgrp(fd, child), 0);
	harness_types(fd, "\x03");
	int status = 0;
	CHECK_EQ(waitpid(child, &status, 0), child);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
	end_echo_line(fd);
	close(fd);
}

/* In a child of a session leader: a process group of its own (the
 * terminal's background), then what does. */
static pid_t in_background(int (*what)(int fd), int fd)
{
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		_exit(what(fd));
	}
	if (pid > 0)
		setpgid(pid, pid); /* both sides: whichever runs first */
	return pid;
}

/* The stop signal that stopped pid, which is then killed; 0 if it did not
 * stop but ended, with its exit code in *code. */
static int stop_signal(pid_t pid, int *code)
{
	int ws = 0;
	*code = -1;
	if (pid <= 0 || waitpid(pid, &ws, WUNTRACED) != pid)
		return -1;
	if (WIFEXITED(ws)) {
		*code = WEXITSTATUS(ws);
		return 0;
	}
	if (!WIFSTOPPED(ws))
		return -1;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return WSTOPSIG(ws);
}

static int reads(int fd)
{
	char c;
	return read(fd, &c, 1) < 0 && errno == EIO ? 40 : 41;
}

static int reads_ignoring_sigttin(int fd)
{
	signal(SIGTTIN, SIG_IGN);
	return reads(fd);
}

static int writes(int fd)
{
	return write(fd, "", 0) == 0 ? 42 : 43; /* nothing to see on the console */
}

static int takes_the_foreground(int fd)
{
	return tcsetpgrp(fd, getpgrp()) == 0 && tcgetpgrp(fd) == getpgrp() ? 44 : 45;
}

static int takes_the_foreground_blocking_sigttou(int fd)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGTTOU);
	sigprocmask(SIG_BLOCK, &s, NULL);
	return takes_the_foreground(fd);
}

/* A session leader's checks, each failure its own exit code. */
static int session_leader(void)
{
	int code;
	if (setsid() < 0)
		return 1;
	/* A new session has no terminal: no /dev/tty. */
	if (open("/dev/tty", O_RDWR) >= 0 || errno != ENXIO)
		return 15;
	/* Opening a terminal without O_NOCTTY makes it ours; /dev/tty is it. */
	int fd = open("/dev/console", O_RDWR);
	if (fd < 0 || tcgetsid(fd) != getpid() || tcgetpgrp(fd) != getpgrp())
		return 2;
	int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
	if (tty < 0 || tcgetsid(tty) != getpid())
		return 3;
	close(tty);
	/* A background reader stops with SIGTTIN; one ignoring it gets EIO. */
	if (stop_signal(in_background(reads, fd), &code) != SIGTTIN)
		return 4;
	if (stop_signal(in_background(reads_ignoring_sigttin, fd), &code) || code != 40)
		return 5;
	/* A background writer goes on, unless TOSTOP: then SIGTTOU. */
	if (stop_signal(in_background(writes, fd), &code) || code != 42)
		return 6;
	struct termios t;
	if (tcgetattr(fd, &t))
		return 7;
	t.c_lflag |= TOSTOP;
	if (tcsetattr(fd, TCSANOW, &t) || stop_signal(in_background(writes, fd), &code) != SIGTTOU)
		return 8;
	t.c_lflag &= ~(tcflag_t)TOSTOP;
	if (tcsetattr(fd, TCSANOW, &t))
		return 9;
	/* tcsetpgrp from the background: SIGTTOU, unless blocked. */
	if (stop_signal(in_background(takes_the_foreground, fd), &code) != SIGTTOU)
		return 10;
	if (stop_signal(in_background(takes_the_foreground_blocking_sigttou, fd), &code) ||
	    code != 44)
		return 11;
	/* Our group is in the background now: the leader takes its
	 * foreground back as a shell does, SIGTTOU ignored. */
	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(fd, getpgrp()) || tcgetpgrp(fd) != getpgrp())
		return 12;
	/* Another session cannot take it; TIOCNOTTY gives it up. */
	pid_t other = fork();
	if (other == 0)
		_exit(setsid() > 0 && ioctl(fd, TIOCSCTTY, 0) < 0 && errno == EPERM ? 46 : 47);
	if (stop_signal(other, &code) || code != 46)
		return 13;
	if (ioctl(fd, TIOCNOTTY) || tcgetsid(fd) != -1 || errno != ENOTTY)
		return 14;
	return 0;
}

UTEST(tty_job_control_in_a_session)
{
	int fd = open_console();
	CHECK(fd >= 0);
	close(fd);
	pid_t leader = fork();
	if (leader == 0)
		_exit(session_leader());
	int status = -1;
	CHECK_EQ(waitpid(leader, &status, 0), leader);
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 0);
}

/* A session leader that takes the terminal, puts a stopped child in its
 * foreground, tells its pid through fd w and ends. */
static int leader_of_a_stopped_foreground(int w)
{
	int fd;
	if (setsid() < 0 || (fd = open("/dev/console", O_RDWR)) < 0 || tcgetsid(fd) != getpid())
		return 1;
	pid_t child = fork();
	if (child == 0) {
		setpgid(0, 0);
		raise(SIGSTOP);
		_exit(50); /* continued without SIGHUP */
	}
	int ws;
	if (child < 0 || setpgid(child, child) || tcsetpgrp(fd, child) ||
	    waitpid(child, &ws, WUNTRACED) != child || !WIFSTOPPED(ws))
		return 2;
	return write(w, &child, sizeof(child)) == sizeof(child) ? 0 : 3;
}

UTEST(tty_session_leader_end_hangs_up_the_foreground)
{
	int fd = open_console();
	CHECK(fd >= 0);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	pid_t leader = fork();
	if (leader == 0)
		_exit(leader_of_a_stopped_foreground(p[1]));
	close(p[1]);
	int status = -1;
	pid_t orphan = 0;
	CHECK_EQ(waitpid(leader, &status, 0), leader);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ(read(p[0], &orphan, sizeof(orphan)), (ssize_t)sizeof(orphan));
	close(p[0]);
	/* Stopped, it got SIGHUP and SIGCONT: it ends with SIGHUP, ours now. */
	CHECK(orphan > 0);
	CHECK_EQ(waitpid(orphan, &status, 0), orphan);
	CHECK(WIFSIGNALED(status));
	CHECK_EQ(WTERMSIG(status), SIGHUP);
	close(fd);
}

static void type_line(void *fd)
{
	for (const char *p = "z\r"; *p; p++)
		CHECK_EQ(ioctl(*(int *)fd, TIOCSTI, p), 0);
}

/* A reader of the console, and a poll, sleep until input comes: no call
 * at all while nothing happens (counted, countfile.h). */
UTEST(tty_blocked_reader_sleeps_until_input)
{
	int fd = open_console();
	CHECK(fd >= 0);
	CHECK_EQ(tcflush(fd, TCIFLUSH), 0);
	struct termios orig, quiet;
	CHECK_EQ(tcgetattr(fd, &orig), 0);
	quiet = orig;
	quiet.c_lflag &= ~(tcflag_t)ECHO; /* nothing on the serial log */
	CHECK_EQ(tcsetattr(fd, TCSANOW, &quiet), 0);
	static struct countwait w;
	countfile_sleeps_until(fd, false, type_line, &fd, &w);
	CHECK_EQ(w.r, 2);
	CHECK(!memcmp(w.buf, "z\n", 2));
	countfile_sleeps_until(fd, true, type_line, &fd, &w);
	CHECK_EQ(w.r, 1);
	CHECK(w.revents & POLLIN);
	CHECK_EQ(tcsetattr(fd, TCSAFLUSH, &orig), 0);
	close(fd);
}

UTEST(tty_idle_console_costs_nothing)
{
	/* No interrupt storm, no polling: an idle console does not run. A
	 * console that polls costs time in every window; the best of five
	 * windows discounts the previous test's echo still being written and
	 * a loaded host stretching a wake-up's CPU time. */
	CHECK_EQ(console_up(), 0);
	uint64_t best = UINT64_MAX;
	for (int i = 0; i < 5 && best >= 3000000ull; i++) {
		struct vg_process_info before, after;
		CHECK_EQ(vg_process_info(console_process, &before), 0);
		vg_thread_sleep_until(vg_clock_monotonic() + 300000000ull);
		CHECK_EQ(vg_process_info(console_process, &after), 0);
		CHECK_EQ(after.state, VG_PROCESS_RUNNING);
		if (after.cpu_ns - before.cpu_ns < best)
			best = after.cpu_ns - before.cpu_ns;
	}
	vg_printf("t_tty: the idle console ran %llu us in 300 ms\n",
		  (unsigned long long)best / 1000);
	CHECK(best < 3000000ull);
}
