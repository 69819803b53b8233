// SPDX-License-Identifier: BSD-2-Clause
// The real-time clock device, /dev/rtc0 (srv/rtc; docs/ARCHITECTURE.md
// section 7): <linux/rtc.h>'s RTC_RD_TIME and RTC_SET_TIME, and the way
// clock_settime sets the wall clock for a process without the root
// resource: an open for writing, which the VFS grants by the node's owner
// and mode (root), then file.clock_set.
#include <errno.h>
#include <fcntl.h>
#include <linux/rtc.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../internal/fd.h"
#include "../internal/time.h"

/* errno for a status of an rtc call: ENOTTY for a descriptor that is no
 * real-time clock. */
static int rtc_error(long st)
{
	if (st == FS_FS_ERROR_NOT_SUPPORTED || st == ERR_NOT_SUPPORTED) {
		errno = ENOTTY;
		return -1;
	}
	return __fs_error(st);
}

static int read_time(vg_handle_t h, struct rtc_time *out)
{
	uint64_t s;
	long st = fs_file_rtc_read(h, &s);
	if (st)
		return rtc_error(st);
	time_t t = (time_t)s;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return errno = EOVERFLOW, -1;
	*out = (struct rtc_time){ tm.tm_sec,  tm.tm_min,  tm.tm_hour, tm.tm_mday, tm.tm_mon,
				  tm.tm_year, tm.tm_wday, tm.tm_yday, 0 };
	return 0;
}

static int set_time(vg_handle_t h, const struct rtc_time *in)
{
	struct tm tm = { .tm_sec = in->tm_sec,
			 .tm_min = in->tm_min,
			 .tm_hour = in->tm_hour,
			 .tm_mday = in->tm_mday,
			 .tm_mon = in->tm_mon,
			 .tm_year = in->tm_year };
	/* Linux refuses a field out of its range rather than normalise it. */
	if (in->tm_sec < 0 || in->tm_sec > 59 || in->tm_min < 0 || in->tm_min > 59 ||
	    in->tm_hour < 0 || in->tm_hour > 23 || in->tm_mday < 1 || in->tm_mday > 31 ||
	    in->tm_mon < 0 || in->tm_mon > 11 || in->tm_year < 70)
		return errno = EINVAL, -1;
	time_t t = timegm(&tm);
	if (t < 0 || tm.tm_mday != in->tm_mday) /* 31 April became 1 May */
		return errno = EINVAL, -1;
	long st = fs_file_rtc_write(h, (uint64_t)t);
	return st ? rtc_error(st) : 0;
}

int __rtc_ioctl(int fd, unsigned long request, void *arg)
{
	if (!arg)
		return errno = EFAULT, -1;
	struct fd_desc *d = __fd_get(fd);
	if (!d)
		return -1;
	int r;
	if (d->kind != FD_FILE)
		r = (errno = ENOTTY, -1);
	else if (request == RTC_RD_TIME)
		r = read_time(d->h, arg);
	else
		r = set_time(d->h, arg);
	__fd_put(d);
	return r;
}

int __rtc_clock_set(uint64_t ns)
{
	int fd = open("/dev/rtc0", O_WRONLY | O_CLOEXEC);
	if (fd < 0) /* not root (EACCES), or no clock device: not permitted */
		return errno = EPERM, -1;
	struct fd_desc *d = __fd_get(fd);
	long st = d && d->kind == FD_FILE ? fs_file_clock_set(d->h, ns) : FS_FS_ERROR_NOT_SUPPORTED;
	if (d)
		__fd_put(d);
	close(fd);
	if (!st)
		return 0;
	errno = st == FS_FS_ERROR_INVALID ? EINVAL : EPERM;
	return -1;
}
