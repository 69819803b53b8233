// SPDX-License-Identifier: BSD-2-Clause
// The wall clock (docs/ARCHITECTURE.md section 7): bin/rtc sets it from
// QEMU's real-time clock, which starts at the host's UTC time (-rtc
// base=utc, QEMU's default), so it reads a date of this decade; it
// advances with the monotonic clock; the root resource sets it, and root
// (uid 0) through /dev/rtc0, which bin/rtc serves, but no other user; the
// C library's realtime waits and tmpfs's file times follow it.
#include "../permchild_run.h"
#include "../proc_server.h"
#include "../rtc_up.h"
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/rtc.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MS 1000000ull
#define SECOND 1000000000ull
/* 2025-01-01 00:00:00 UTC: no host that builds this runs earlier. */
#define YEAR_2025 1735689600ll

/* 0 when bin/rtc set the clock and serves /dev/rtc0. */
static long rtc_ran(void)
{
	return rtc_up(resource_h);
}

/* realtime - monotonic, the kernel's offset, lies in [lo, hi]: bounds
 * from monotonic reads on either side of the realtime one, so that no
 * time the host steals from the guest between two system calls can make a
 * check fail. */
struct span {
	int64_t lo, hi;
};

static struct span offset_now(void)
{
	int64_t m0 = vg_clock_monotonic();
	int64_t real = vg_clock_realtime();
	int64_t m1 = vg_clock_monotonic();
	return (struct span){ real - m1, real - m0 };
}

static bool overlap(struct span x, struct span y)
{
	return x.lo <= y.hi && y.lo <= x.hi;
}

UTEST(realtime_set_from_the_rtc)
{
	struct vg_rtc_info info;
	CHECK_EQ(vg_rtc_info(&info), 0);
#if defined(__x86_64__)
	CHECK_EQ(info.kind, VG_RTC_CMOS);
	CHECK_EQ(info.base, 0x70u);
	CHECK_EQ(info.size, 2u);
#elif defined(__aarch64__)
	CHECK_EQ(info.kind, VG_RTC_PL031);
	CHECK(info.base && info.size >= 4);
#else
	CHECK_EQ(info.kind, VG_RTC_GOLDFISH);
	CHECK(info.base && info.size >= 8);
#endif
	CHECK_EQ(vg_rtc_info((struct vg_rtc_info *)8), ERR_BAD_ADDRESS);
	CHECK_EQ(rtc_ran(), 0);
	struct timespec ts;
	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &ts), 0);
	CHECK(ts.tv_sec >= YEAR_2025);
	struct tm tm;
	CHECK(gmtime_r(&ts.tv_sec, &tm) != NULL);
	CHECK(tm.tm_year + 1900 >= 2025);
	vg_printf("t_realtime: the wall clock reads %04d-%02d-%02d %02d:%02d:%02d UTC\n",
		  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	/* time(), gettimeofday and timespec_get read the same clock. */
	time_t t = time(NULL);
	CHECK(t >= ts.tv_sec && t - ts.tv_sec < 5);
	struct timeval tv;
	CHECK_EQ(gettimeofday(&tv, NULL), 0);
	CHECK(tv.tv_sec >= ts.tv_sec && tv.tv_sec - ts.tv_sec < 5);
	struct timespec tg;
	CHECK_EQ(timespec_get(&tg, TIME_UTC), TIME_UTC);
	CHECK(tg.tv_sec >= ts.tv_sec && tg.tv_sec - ts.tv_sec < 5);
}

UTEST(realtime_advances_with_monotonic)
{
	CHECK_EQ(rtc_ran(), 0);
	struct span before = offset_now();
	usleep(50000);
	struct span after = offset_now();
	CHECK(overlap(before, after));
}

UTEST(realtime_set_needs_the_root_resource)
{
	struct span saved = offset_now();
	uint64_t ns = (uint64_t)vg_clock_realtime();
	CHECK_EQ(vg_clock_set_realtime(VG_HANDLE_INVALID, ns), ERR_BAD_HANDLE);
	CHECK_EQ(vg_clock_set_realtime(0x7fffff00u, ns), ERR_BAD_HANDLE);
	CHECK_EQ(vg_clock_set_realtime(log_h, ns), ERR_WRONG_TYPE);
	vg_handle_t ports, weak;
	CHECK_EQ(vg_resource_create(resource_h, VG_RESOURCE_IOPORT, 0x70, 2, &ports), 0);
	CHECK_EQ(vg_clock_set_realtime(ports, ns), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_duplicate(resource_h, VG_RIGHT_DUPLICATE, &weak), 0);
	CHECK_EQ(vg_clock_set_realtime(weak, ns), ERR_ACCESS_DENIED);
	vg_handle_close(ports);
	vg_handle_close(weak);
	CHECK_EQ(vg_clock_set_realtime(resource_h, VG_REALTIME_MAX), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_clock_set_realtime(resource_h, UINT64_MAX), ERR_OUT_OF_RANGE);
	/* Nothing refused moved the clock. */
	CHECK(overlap(offset_now(), saved));

	/* The C library: EINVAL for a bad time, with or without the resource. */
	CHECK_EQ(clock_settime(CLOCK_MONOTONIC, &(struct timespec){ (time_t)(ns / SECOND), 0 }),
		 -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(clock_settime(CLOCK_REALTIME, &(struct timespec){ -1, 0 }), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(clock_settime(CLOCK_REALTIME, &(struct timespec){ 0, 1000000000L }), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK(overlap(offset_now(), saved));
}

/* The wall clock's offset back to saved.hi by the root resource. */
static bool restored(struct span saved)
{
	int64_t a = vg_clock_monotonic();
	if (vg_clock_set_realtime(resource_h, (uint64_t)(a + saved.hi)))
		return false;
	int64_t b = vg_clock_monotonic();
	return overlap(offset_now(), (struct span){ saved.hi - (b - a), saved.hi });
}

/* The chip's time through /dev/rtc0 (RTC_RD_TIME), or -1. */
static time_t chip_time(void)
{
	int fd = open("/dev/rtc0", O_RDONLY);
	struct rtc_time rt;
	int r = fd >= 0 ? ioctl(fd, RTC_RD_TIME, &rt) : -1;
	if (fd >= 0)
		close(fd);
	struct tm tm = { .tm_sec = rt.tm_sec,
			 .tm_min = rt.tm_min,
			 .tm_hour = rt.tm_hour,
			 .tm_mday = rt.tm_mday,
			 .tm_mon = rt.tm_mon,
			 .tm_year = rt.tm_year };
	return r ? -1 : timegm(&tm);
}

/* A process without the root resource, as root (uid 0): clock_settime and
 * settimeofday set the clock through /dev/rtc0, which writes the chip
 * back too. The runner drops its resource from its startup block for the
 * calls. */
UTEST(realtime_set_by_uid_0_through_the_device)
{
	CHECK_EQ(rtc_ran(), 0);
	CHECK_EQ(getuid(), 0u);
	struct span saved = offset_now();
	struct vg_startup without = *vg_startup();
	const struct vg_startup *mine = vg_startup();
	without.resource = VG_HANDLE_INVALID;
	time_t now = time(NULL);
	vg_startup_set(&without);
	int r1 = clock_settime(CLOCK_REALTIME, &(struct timespec){ now + 86400, 0 });
	time_t ahead = time(NULL), chip_ahead = chip_time();
	struct timeval tv = { now + 2 * 86400, 0 };
	int r2 = settimeofday(&tv, NULL);
	time_t ahead2 = time(NULL);
	errno = 0;
	int r3 = clock_settime(CLOCK_REALTIME,
			       &(struct timespec){ (time_t)(VG_REALTIME_MAX / SECOND), 0 });
	int e3 = errno;
	vg_startup_set(mine);
	CHECK(restored(saved));
	CHECK_EQ(r1, 0);
	CHECK(ahead >= now + 86400 && ahead < now + 86400 + 5);
	/* The chip was written too (whole seconds). */
	CHECK(chip_ahead >= now + 86400 - 1 && chip_ahead < now + 86400 + 5);
	CHECK_EQ(r2, 0);
	CHECK(ahead2 >= now + 2 * 86400 && ahead2 < now + 2 * 86400 + 5);
	CHECK_EQ(r3, -1);
	CHECK_EQ(e3, EINVAL);
	/* Set back through the device as well, so the chip holds today. */
	vg_startup_set(&without);
	now = time(NULL);
	int r4 = clock_settime(CLOCK_REALTIME, &(struct timespec){ now, 0 });
	vg_startup_set(mine);
	CHECK_EQ(r4, 0);
	CHECK(restored(saved));
	time_t chip = chip_time();
	CHECK(chip >= now - 1 && chip < now + 5);
	CHECK(chip >= YEAR_2025);
}

/* /dev/rtc0 itself: root's, 0644; a read-only open reads the chip but sets
 * nothing; the requests are refused on other files. */
UTEST(realtime_device_node_and_requests)
{
	CHECK_EQ(rtc_ran(), 0);
	struct stat st;
	CHECK_EQ(stat("/dev/rtc0", &st), 0);
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 0644u);
	CHECK_EQ(st.st_uid, 0u);
	CHECK_EQ(major(st.st_rdev), 254u);
	CHECK_EQ(minor(st.st_rdev), 0u);
	struct span saved = offset_now();
	int fd = open("/dev/rtc0", O_RDONLY);
	CHECK(fd >= 0);
	struct rtc_time rt;
	CHECK_EQ(ioctl(fd, RTC_RD_TIME, &rt), 0);
	CHECK(rt.tm_year + 1900 >= 2025 && rt.tm_mon >= 0 && rt.tm_mon <= 11);
	CHECK_ERRNO(ioctl(fd, RTC_SET_TIME, &rt), EBADF);
	CHECK_ERRNO(ioctl(fd, RTC_RD_TIME, NULL), EFAULT);
	CHECK_EQ(close(fd), 0);
	fd = open("/dev/rtc0", O_WRONLY);
	CHECK(fd >= 0);
	struct rtc_time bad = rt;
	bad.tm_mon = 12;
	CHECK_ERRNO(ioctl(fd, RTC_SET_TIME, &bad), EINVAL);
	bad = rt;
	bad.tm_mday = 31, bad.tm_mon = 3; /* 31 April */
	CHECK_ERRNO(ioctl(fd, RTC_SET_TIME, &bad), EINVAL);
	/* RTC_SET_TIME sets the chip and only the chip. */
	CHECK_EQ(ioctl(fd, RTC_RD_TIME, &rt), 0);
	CHECK_EQ(ioctl(fd, RTC_SET_TIME, &rt), 0);
	CHECK_EQ(close(fd), 0);
	CHECK(overlap(offset_now(), saved));
	fd = open("/dev/null", O_RDONLY);
	CHECK_ERRNO(ioctl(fd, RTC_RD_TIME, &rt), ENOTTY);
	close(fd);
}

/* Runs `permchild as 1000 ARGS` (a user's program): its exit status, or
 * -1. */
static int as_user(char *const *args)
{
	char *argv[8] = { "permchild", "as", "1000" };
	for (int i = 0; args[i] && i < 4; i++)
		argv[3 + i] = args[i];
	return permchild_run(argv);
}

/* Another user (uid 1000): `date -s` is refused (EPERM: /dev/rtc0 is not
 * theirs to open for writing) and the clock does not move; `date` reads. */
UTEST(realtime_set_refused_to_a_user)
{
	CHECK_EQ(rtc_ran(), 0);
	CHECK(proc_server());
	struct span saved = offset_now();
	CHECK_EQ(as_user((char *[]){ "/bin/date", "-s", "@0", NULL }), 1);
	CHECK(overlap(offset_now(), saved));
	CHECK_EQ(as_user((char *[]){ "/bin/date", "+%Y", NULL }), 0);
}

UTEST(realtime_set_by_root_moves_it)
{
	CHECK_EQ(rtc_ran(), 0);
	struct span saved = offset_now();
	/* A day ahead, through the C library (the runner holds the root
	 * resource), then back where it was. */
	struct timespec ts;
	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &ts), 0);
	struct timespec ahead = { ts.tv_sec + 86400, ts.tv_nsec };
	CHECK_EQ(clock_settime(CLOCK_REALTIME, &ahead), 0);
	struct timespec now;
	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &now), 0);
	CHECK(now.tv_sec >= ahead.tv_sec && now.tv_sec - ahead.tv_sec < 2);
	struct timeval tv = { 1000000000, 0 }; /* 2001-09-09 */
	CHECK_EQ(settimeofday(&tv, NULL), 0);
	CHECK(time(NULL) >= 1000000000 && time(NULL) < 1000000002);
	/* Back: the kernel's offset becomes a + saved.hi minus the monotonic
	 * time at the set, which lies between a and b. */
	int64_t a = vg_clock_monotonic();
	CHECK_EQ(vg_clock_set_realtime(resource_h, (uint64_t)(a + saved.hi)), 0);
	int64_t b = vg_clock_monotonic();
	CHECK(overlap(offset_now(), (struct span){ saved.hi - (b - a), saved.hi }));
}

/* The wall-clock time ns from now. The waits below until such a time must
 * take at least ns and not much more (a wall-clock time taken for a
 * monotonic deadline would wait for decades). */
static struct timespec realtime_in(uint64_t ns)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t t = (uint64_t)ts.tv_nsec + ns;
	ts.tv_sec += (time_t)(t / SECOND);
	ts.tv_nsec = (long)(t % SECOND);
	return ts;
}

static bool took_about(uint64_t start, uint64_t ns)
{
	uint64_t took = (uint64_t)vg_clock_monotonic() - start;
	return took >= ns && took < ns + 5 * SECOND;
}

UTEST(realtime_timed_waits)
{
	CHECK_EQ(rtc_ran(), 0);
	/* clock_nanosleep until a wall-clock time. */
	uint64_t start = (uint64_t)vg_clock_monotonic();
	struct timespec until = realtime_in(100 * MS);
	CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &until, NULL), 0);
	CHECK(took_about(start, 100 * MS));
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(now.tv_sec > until.tv_sec ||
	      (now.tv_sec == until.tv_sec && now.tv_nsec >= until.tv_nsec));
	/* A time already past returns at once. */
	start = (uint64_t)vg_clock_monotonic();
	struct timespec past = { now.tv_sec - 10, 0 };
	CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL), 0);
	CHECK((uint64_t)vg_clock_monotonic() - start < SECOND);

	/* A condition variable on the default clock (CLOCK_REALTIME). */
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c;
	CHECK_EQ(pthread_cond_init(&c, NULL), 0);
	pthread_mutex_lock(&m);
	start = (uint64_t)vg_clock_monotonic();
	until = realtime_in(100 * MS);
	CHECK_EQ(pthread_cond_timedwait(&c, &m, &until), ETIMEDOUT);
	CHECK(took_about(start, 100 * MS));
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&c);

	/* One on CLOCK_MONOTONIC takes monotonic times. */
	pthread_condattr_t a;
	CHECK_EQ(pthread_condattr_init(&a), 0);
	CHECK_EQ(pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0);
	CHECK_EQ(pthread_cond_init(&c, &a), 0);
	pthread_mutex_lock(&m);
	start = (uint64_t)vg_clock_monotonic();
	struct timespec mono;
	clock_gettime(CLOCK_MONOTONIC, &mono);
	mono.tv_nsec += 100 * MS;
	if (mono.tv_nsec >= (long)SECOND) {
		mono.tv_sec++;
		mono.tv_nsec -= (long)SECOND;
	}
	CHECK_EQ(pthread_cond_timedwait(&c, &m, &mono), ETIMEDOUT);
	CHECK(took_about(start, 100 * MS));
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&c);

	/* sem_timedwait. */
	sem_t s;
	CHECK_EQ(sem_init(&s, 0, 0), 0);
	start = (uint64_t)vg_clock_monotonic();
	until = realtime_in(100 * MS);
	CHECK_EQ(sem_timedwait(&s, &until), -1);
	CHECK_EQ(errno, ETIMEDOUT);
	CHECK(took_about(start, 100 * MS));
	sem_destroy(&s);
}

/* A wait until a wall-clock time, in a thread of its own, by one of the
 * four ways POSIX gives. */
enum wait_kind { BY_SLEEP, BY_COND, BY_SEM, BY_MUTEX };

struct waiter {
	enum wait_kind kind;
	struct timespec until;
	pthread_mutex_t m;
	pthread_cond_t c;
	sem_t s;
	int started, done; /* atomics */
	int result; /* the call's result (sem_timedwait: errno) */
	int64_t woke; /* monotonic */
};

static void *wait_thread(void *arg)
{
	struct waiter *w = arg;
	__atomic_store_n(&w->started, 1, __ATOMIC_RELEASE);
	switch (w->kind) {
	case BY_SLEEP:
		w->result = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &w->until, NULL);
		break;
	case BY_COND:
		pthread_mutex_lock(&w->m);
		w->result = pthread_cond_timedwait(&w->c, &w->m, &w->until);
		pthread_mutex_unlock(&w->m);
		break;
	case BY_SEM: w->result = sem_timedwait(&w->s, &w->until) ? errno : 0; break;
	case BY_MUTEX: w->result = pthread_mutex_timedlock(&w->m, &w->until); break;
	}
	w->woke = vg_clock_monotonic();
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* Starts w's thread waiting until the wall clock is `in` from now (the
 * mutex held here for BY_MUTEX), and gives it time to block. */
static bool start_waiter(struct waiter *w, enum wait_kind kind, uint64_t in, pthread_t *t)
{
	*w = (struct waiter){ .kind = kind };
	pthread_mutex_init(&w->m, NULL);
	pthread_cond_init(&w->c, NULL);
	sem_init(&w->s, 0, 0);
	if (kind == BY_MUTEX)
		pthread_mutex_lock(&w->m);
	w->until = realtime_in(in);
	if (pthread_create(t, NULL, wait_thread, w))
		return false;
	while (!__atomic_load_n(&w->started, __ATOMIC_ACQUIRE))
		usleep(1000);
	usleep(200000);
	return true;
}

static void end_waiter(struct waiter *w, pthread_t t)
{
	pthread_join(t, NULL);
	if (w->kind == BY_MUTEX)
		pthread_mutex_unlock(&w->m);
	pthread_mutex_destroy(&w->m);
	pthread_cond_destroy(&w->c);
	sem_destroy(&w->s);
}

/* POSIX: a set of CLOCK_REALTIME moves the absolute waits on it. Each way
 * of waiting waits until 5 s from now on the wall clock; the clock is set
 * 10 s ahead: the waiter wakes at once (its timeout), long before the 5 s
 * it would have waited were its deadline fixed when it started. */
UTEST(realtime_waits_follow_a_set_of_the_clock)
{
	CHECK_EQ(rtc_ran(), 0);
	static const int timed_out[] = {
		[BY_SLEEP] = 0, [BY_COND] = ETIMEDOUT, [BY_SEM] = ETIMEDOUT, [BY_MUTEX] = ETIMEDOUT
	};
	for (int kind = BY_SLEEP; kind <= BY_MUTEX; kind++) {
		struct waiter w;
		pthread_t t;
		CHECK(start_waiter(&w, (enum wait_kind)kind, 5 * SECOND, &t));
		struct span saved = offset_now();
		int64_t set_at = vg_clock_monotonic();
		CHECK_EQ(vg_clock_set_realtime(resource_h,
					       (uint64_t)vg_clock_realtime() + 10 * SECOND),
			 0);
		end_waiter(&w, t);
		CHECK(restored(saved));
		CHECK_EQ(w.result, timed_out[kind]);
		int64_t took = w.woke - set_at;
		if (took >= 3 * (int64_t)SECOND)
			vg_printf("t_realtime: way %d woke %lld ms after the set\n", kind,
				  (long long)(took / 1000000));
		CHECK(took < 3 * (int64_t)SECOND);
	}
	/* Set back, the deadline moves later: a wait until 1 s from now is
	 * still waiting 1.5 s later, and ends when the clock is put back. */
	struct waiter w;
	pthread_t t;
	CHECK(start_waiter(&w, BY_SLEEP, SECOND, &t));
	struct span saved = offset_now();
	CHECK_EQ(vg_clock_set_realtime(resource_h, (uint64_t)vg_clock_realtime() - 3600 * SECOND),
		 0);
	usleep(1500000);
	bool still = !__atomic_load_n(&w.done, __ATOMIC_ACQUIRE);
	CHECK(restored(saved));
	end_waiter(&w, t);
	CHECK(still);
	CHECK_EQ(w.result, 0);
}

UTEST(realtime_stamps_new_files)
{
	CHECK_EQ(rtc_ran(), 0);
	CHECK_EQ(vfs_up(), 0);
	time_t before = time(NULL);
	int fd = open("/tmp/realtime-stamp", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "x", 1), 1);
	struct stat st;
	CHECK_EQ(fstat(fd, &st), 0);
	close(fd);
	time_t after = time(NULL);
	CHECK(st.st_mtime >= before && st.st_mtime <= after);
	CHECK(st.st_ctime >= before && st.st_ctime <= after);
	CHECK(st.st_atime >= before && st.st_atime <= after);
	CHECK(st.st_mtime >= YEAR_2025);
	CHECK_EQ(unlink("/tmp/realtime-stamp"), 0);
}
