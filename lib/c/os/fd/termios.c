// SPDX-License-Identifier: BSD-2-Clause
// <termios.h>, isatty, ttyname and the terminal ioctls: each a call of the
// file protocol's tty part (idl/fs.idl) to the descriptor's server, which
// for anything but a terminal answers not_supported (ENOTTY here).
#include <errno.h>
#include <fcntl.h>
#include <linux/rtc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/time.h"

/* errno for a status of a tty call. */
static int tty_error(long st)
{
	if (st == FS_FS_ERROR_NOT_SUPPORTED || st == ERR_NOT_SUPPORTED) {
		errno = ENOTTY;
		return -1;
	}
	return __fs_error(st);
}

/* Runs call on fd's handle (with `h` in scope), waiting while the server
 * says would_block (TCSADRAIN), and returns 0 or -1 with errno. A call
 * that changes the terminal (control) is first subject to job control:
 * from a background group it stops the group with SIGTTOU. */
#define TTY_CALL(fd, control, call)                                  \
	do {                                                         \
		struct fd_desc *d = __fd_get(fd);                    \
		if (!d)                                              \
			return -1;                                   \
		if ((control) && __tty_jobctl(d, TTY_CONTROL) < 0) { \
			__fd_put(d);                                 \
			return -1;                                   \
		}                                                    \
		vg_handle_t h = d->h;                                \
		long st;                                             \
		unsigned round = 0;                                  \
		while ((st = (call)) == FS_FS_ERROR_WOULD_BLOCK)     \
			__fd_wait(&round, UINT64_MAX);               \
		__fd_put(d);                                         \
		return st ? tty_error(st) : 0;                       \
	} while (0)

static long get_attr(vg_handle_t h, struct termios *t)
{
	struct fs_termios a;
	unsigned char cc[NCCS];
	size_t n = 0;
	long st = fs_file_tcgetattr(h, &a, cc, &n);
	if (st)
		return st;
	memset(t, 0, sizeof(*t));
	t->c_iflag = a.iflag;
	t->c_oflag = a.oflag;
	t->c_cflag = a.cflag;
	t->c_lflag = a.lflag;
	t->c_ispeed = a.ispeed;
	t->c_ospeed = a.ospeed;
	memcpy(t->c_cc, cc, n < NCCS ? n : NCCS);
	return 0;
}

int tcgetattr(int fd, struct termios *t)
{
	if (!t) {
		errno = EFAULT;
		return -1;
	}
	TTY_CALL(fd, false, get_attr(h, t));
}

static long set_attr(vg_handle_t h, int when, const struct termios *t)
{
	struct fs_termios a = { t->c_iflag, t->c_oflag,	 t->c_cflag,
				t->c_lflag, t->c_ispeed, t->c_ospeed };
	return fs_file_tcsetattr(h, (uint8_t)when, &a, t->c_cc, NCCS);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	if (!t) {
		errno = EFAULT;
		return -1;
	}
	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	TTY_CALL(fd, true, set_attr(h, when, t));
}

int tcflush(int fd, int queue)
{
	if (queue < TCIFLUSH || queue > TCIOFLUSH) {
		errno = EINVAL;
		return -1;
	}
	TTY_CALL(fd, true, fs_file_tcflush(h, (uint8_t)queue));
}

int tcdrain(int fd)
{
	/* Setting what is there after the output drained waits for it. */
	struct termios t;
	if (tcgetattr(fd, &t))
		return -1;
	return tcsetattr(fd, TCSADRAIN, &t);
}

pid_t tcgetpgrp(int fd)
{
	int32_t pgid = 0;
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = fs_file_tcgetpgrp(d->h, &pgid);
	__fd_put(d);
	return st ? tty_error(st) : pgid;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	if (pgrp <= 0) {
		errno = EINVAL;
		return -1;
	}
	TTY_CALL(fd, true, fs_file_tcsetpgrp(h, pgrp));
}

int tcgetwinsize(int fd, struct winsize *ws)
{
	struct fs_winsize w;
	if (!ws) {
		errno = EFAULT;
		return -1;
	}
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = fs_file_getwinsize(d->h, &w);
	__fd_put(d);
	if (st)
		return tty_error(st);
	*ws = (struct winsize){ w.rows, w.cols, w.xpixel, w.ypixel };
	return 0;
}

int tcsetwinsize(int fd, const struct winsize *ws)
{
	if (!ws) {
		errno = EFAULT;
		return -1;
	}
	struct fs_winsize w = { ws->ws_row, ws->ws_col, ws->ws_xpixel, ws->ws_ypixel };
	TTY_CALL(fd, true, fs_file_setwinsize(h, &w));
}

int isatty(int fd)
{
	struct termios t;
	return tcgetattr(fd, &t) == 0;
}

int __tty_path(uint64_t rdev, char *buf, size_t len)
{
	char pts[24];
	const char *name = NULL;
	if (major(rdev) == TTY_MAJOR && minor(rdev) <= 1)
		name = minor(rdev) ? "/dev/console" : "/dev/tty";
	else if (major(rdev) == PTY_MAJOR && minor(rdev) == PTMX_MINOR)
		name = "/dev/ptmx";
	else if (major(rdev) == PTY_MAJOR) {
		snprintf(pts, sizeof(pts), "/dev/pts/%u", minor(rdev));
		name = pts;
	}
	if (!name)
		return ENODEV; /* a terminal this library cannot name */
	if (strlen(name) >= len)
		return ERANGE;
	strcpy(buf, name);
	return 0;
}

int ttyname_r(int fd, char *buf, size_t len)
{
	struct stat st;
	if (!isatty(fd))
		return errno;
	if (fstat(fd, &st))
		return errno;
	return __tty_path(st.st_rdev, buf, len);
}

char *ttyname(int fd)
{
	static char name[32];
	int e = ttyname_r(fd, name, sizeof(name));
	if (e) {
		errno = e;
		return NULL;
	}
	return name;
}

pid_t tcgetsid(int fd)
{
	int32_t sid = 0, fg;
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	long st = fs_file_tcgetsid(d->h, &sid, &fg);
	__fd_put(d);
	if (st)
		return tty_error(st);
	return sid ? sid : (errno = ENOTTY, -1); /* nobody's controlling terminal */
}

static int sti(int fd, const char *c)
{
	TTY_CALL(fd, false, fs_file_sti(h, c, 1));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	va_start(ap, request);
	void *arg = va_arg(ap, void *);
	va_end(ap);
	switch (request) {
	case TCGETS: return tcgetattr(fd, arg);
	case TCSETS: return tcsetattr(fd, TCSANOW, arg);
	case TCSETSW: return tcsetattr(fd, TCSADRAIN, arg);
	case TCSETSF: return tcsetattr(fd, TCSAFLUSH, arg);
	case TIOCGWINSZ: return tcgetwinsize(fd, arg);
	case TIOCSWINSZ: return tcsetwinsize(fd, arg);
	case TIOCSTI: return arg ? sti(fd, arg) : (errno = EFAULT, -1);
	case TIOCGPGRP: {
		pid_t p = tcgetpgrp(fd);
		if (p < 0)
			return -1;
		if (!arg)
			return errno = EFAULT, -1;
		*(pid_t *)arg = p;
		return 0;
	}
	case TIOCSPGRP: return arg ? tcsetpgrp(fd, *(const pid_t *)arg) : (errno = EFAULT, -1);
	case TIOCSCTTY: return __tty_set_ctty(fd, true, (intptr_t)arg == 1);
	case TIOCNOTTY: return __tty_set_ctty(fd, false, false);
	case TIOCGPTN: return arg ? __pty_number(fd, arg) : (errno = EFAULT, -1);
	case TIOCSPTLCK: return arg ? __pty_lock(fd, *(const int *)arg != 0) : (errno = EFAULT, -1);
	case TIOCPKT: return arg ? __pty_packet(fd, *(const int *)arg != 0) : (errno = EFAULT, -1);
	case RTC_RD_TIME:
	case RTC_SET_TIME: return __rtc_ioctl(fd, request, arg);
	default: errno = ENOTTY; return -1;
	}
}

/* ---- the pure part ---- */

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

static bool valid_speed(speed_t s)
{
	return (s & ~(speed_t)CBAUD) == 0 && (s <= B38400 || (s >= B57600 && s <= B230400));
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	if (!valid_speed(speed)) {
		errno = EINVAL;
		return -1;
	}
	t->c_ispeed = speed;
	return 0;
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (!valid_speed(speed)) {
		errno = EINVAL;
		return -1;
	}
	t->c_ospeed = speed;
	t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
	return 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	return cfsetispeed(t, speed) ? -1 : cfsetospeed(t, speed);
}
