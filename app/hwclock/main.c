// SPDX-License-Identifier: BSD-2-Clause
// hwclock [-r | -w | -s] [-f device]: the battery-backed real-time clock,
// which keeps UTC (srv/rtc's /dev/rtc0, docs/ARCHITECTURE.md section 7).
// -r (the default) shows the chip's time as YYYY-MM-DD hh:mm:ss+00:00; -w
// writes the system time to the chip (RTC_SET_TIME: root); -s sets the
// system time from the chip (settimeofday: root). Setting the system time
// with date writes the chip too, so -w is rarely needed.
#include "../lib/util.h"
#include <fcntl.h>
#include <linux/rtc.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define USAGE "[-r | -w | -s] [-f device]"

/* The chip's time through fd: 0 and *t, or 1 (said). */
static int read_chip(int fd, const char *dev, time_t *t)
{
	struct rtc_time rt;
	if (ioctl(fd, RTC_RD_TIME, &rt)) {
		util_warn(dev);
		return 1;
	}
	struct tm tm = { .tm_sec = rt.tm_sec,
			 .tm_min = rt.tm_min,
			 .tm_hour = rt.tm_hour,
			 .tm_mday = rt.tm_mday,
			 .tm_mon = rt.tm_mon,
			 .tm_year = rt.tm_year };
	*t = timegm(&tm);
	return 0;
}

static int show(int fd, const char *dev)
{
	time_t t;
	struct tm tm;
	char buf[64];
	if (read_chip(fd, dev, &t))
		return 1;
	if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S+00:00", &tm)) {
		util_warnx("%s: the chip's time cannot be shown", dev);
		return 1;
	}
	puts(buf);
	return 0;
}

static int systohc(int fd, const char *dev)
{
	time_t now = time(NULL);
	struct tm tm;
	if (!gmtime_r(&now, &tm)) {
		util_warn("time");
		return 1;
	}
	struct rtc_time rt = { tm.tm_sec,  tm.tm_min,  tm.tm_hour, tm.tm_mday, tm.tm_mon,
			       tm.tm_year, tm.tm_wday, tm.tm_yday, 0 };
	if (ioctl(fd, RTC_SET_TIME, &rt)) {
		util_warn(dev);
		return 1;
	}
	return 0;
}

static int hctosys(int fd, const char *dev)
{
	time_t t;
	if (read_chip(fd, dev, &t))
		return 1;
	struct timeval tv = { t, 0 };
	if (settimeofday(&tv, NULL)) {
		util_warn("cannot set the time");
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argv, "hwclock");
	const char *dev = "/dev/rtc0";
	int mode = 'r', c, modes = 0;
	while ((c = getopt(argc, argv, "rwsf:")) != -1) {
		if (c == 'f') {
			dev = optarg;
		} else if (c == 'r' || c == 'w' || c == 's') {
			mode = c;
			modes++;
		} else {
			util_usage(USAGE);
		}
	}
	if (optind < argc || modes > 1)
		util_usage(USAGE);
	int fd = open(dev, mode == 'w' ? O_WRONLY : O_RDONLY);
	if (fd < 0) {
		util_warn(dev);
		return 1;
	}
	int st = mode == 'r' ? show(fd, dev) : mode == 'w' ? systohc(fd, dev) : hctosys(fd, dev);
	close(fd);
	return util_finish(st);
}
