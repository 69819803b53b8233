// SPDX-License-Identifier: BSD-2-Clause
// The system's configuration and small POSIX calls: sysconf, getpagesize,
// pathconf/fpathconf, gethostname, gettimeofday and the timeval macros,
// clock_nanosleep (relative, absolute, EINTR) and killpg.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../utest.h"
#include "../vfs_up.h"

UTEST(libc_sysconf)
{
	CHECK_EQ(vfs_up(), 0);
	long page = sysconf(_SC_PAGESIZE);
	CHECK_EQ(page, 4096);
	CHECK_EQ(sysconf(_SC_PAGE_SIZE), page);
	CHECK_EQ(getpagesize(), page);
	/* mmap hands out whole pages of that size. */
	char *a = mmap(NULL, 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED && (uintptr_t)a % (uintptr_t)page == 0);
	if (a != MAP_FAILED) {
		a[page - 1] = 1; /* the whole page is there */
		munmap(a, 1);
	}
	CHECK_EQ(sysconf(_SC_CLK_TCK), 100);
	cpu_set_t set;
	CHECK_EQ(sched_getaffinity(0, sizeof(set), &set), 0);
	CHECK_EQ(sysconf(_SC_NPROCESSORS_ONLN), CPU_COUNT(&set));
	CHECK_EQ(sysconf(_SC_NPROCESSORS_CONF), CPU_COUNT(&set));
	CHECK_EQ(sysconf(_SC_NGROUPS_MAX), NGROUPS_MAX);
	CHECK_EQ(sysconf(_SC_HOST_NAME_MAX), HOST_NAME_MAX);
	CHECK_EQ(sysconf(_SC_LINE_MAX), LINE_MAX);
	long phys = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
	CHECK(phys > 1000 && avail > 0 && avail <= phys); /* QEMU gives more than 4 MiB */
	errno = 0;
	CHECK_EQ(sysconf(12345), -1);
	CHECK_EQ(errno, EINVAL);
	errno = 0;
	CHECK_EQ(sysconf(-1), -1);
	CHECK_EQ(errno, EINVAL);
}

/* _SC_OPEN_MAX follows RLIMIT_NOFILE. */
UTEST(libc_sysconf_open_max)
{
	CHECK_EQ(vfs_up(), 0);
	struct rlimit old, low;
	CHECK_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
	long was = sysconf(_SC_OPEN_MAX);
	CHECK_EQ(was, old.rlim_cur == RLIM_INFINITY ? -1 : (long)old.rlim_cur);
	low = old;
	low.rlim_cur = 100;
	CHECK_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
	CHECK_EQ(sysconf(_SC_OPEN_MAX), 100);
	CHECK_EQ(setrlimit(RLIMIT_NOFILE, &old), 0);
	CHECK_EQ(sysconf(_SC_OPEN_MAX), was);
}

/* An argument list of _SC_ARG_MAX bytes (with its NULs) is refused. */
UTEST(libc_sysconf_arg_max)
{
	CHECK_EQ(vfs_up(), 0);
	long max = sysconf(_SC_ARG_MAX);
	CHECK(max >= 4096); /* POSIX's _POSIX_ARG_MAX */
	char *big = malloc((size_t)max);
	if (!big)
		return;
	memset(big, 'x', (size_t)max - 1);
	big[max - 1] = 0;
	char *argv[] = { "true", big, NULL }, *envp[] = { NULL };
	pid_t pid;
	CHECK_EQ(posix_spawn(&pid, "/bin/proc_true", NULL, NULL, argv, envp), E2BIG);
	free(big);
}

UTEST(libc_pathconf)
{
	CHECK_EQ(vfs_up(), 0);
	CHECK_EQ(pathconf("/tmp", _PC_NAME_MAX), NAME_MAX);
	CHECK_EQ(pathconf("/tmp", _PC_PATH_MAX), PATH_MAX);
	CHECK_EQ(pathconf("/", _PC_LINK_MAX), LINK_MAX);
	errno = 0;
	CHECK_EQ(pathconf("/tmp/no/such", _PC_NAME_MAX), -1);
	CHECK_EQ(errno, ENOENT);
	errno = 0;
	CHECK_EQ(pathconf("/tmp", 999), -1);
	CHECK_EQ(errno, EINVAL);
	int p[2];
	CHECK_EQ(pipe(p), 0);
	CHECK_EQ(fpathconf(p[1], _PC_PIPE_BUF), PIPE_BUF);
	close(p[0]);
	close(p[1]);
	errno = 0;
	CHECK_EQ(fpathconf(p[1], _PC_PIPE_BUF), -1);
	CHECK_EQ(errno, EBADF);
	/* NAME_MAX is the real bound: a name that long is made, one longer
	 * is refused. */
	char path[NAME_MAX + 16] = "/tmp/";
	memset(path + 5, 'n', NAME_MAX);
	path[5 + NAME_MAX] = 0;
	CHECK_EQ(mkdir(path, 0755), 0);
	CHECK_EQ(rmdir(path), 0);
	path[5 + NAME_MAX] = 'n';
	path[6 + NAME_MAX] = 0;
	errno = 0;
	CHECK_EQ(mkdir(path, 0755), -1);
	CHECK_EQ(errno, ENAMETOOLONG);
}

UTEST(libc_gethostname)
{
	struct utsname u;
	CHECK_EQ(uname(&u), 0);
	char name[HOST_NAME_MAX + 1];
	memset(name, 'z', sizeof(name));
	CHECK_EQ(gethostname(name, sizeof(name)), 0);
	CHECK(strcmp(name, u.nodename) == 0);
	size_t n = strlen(u.nodename);
	errno = 0;
	CHECK_EQ(gethostname(name, n), -1); /* no room for the NUL */
	CHECK_EQ(errno, ENAMETOOLONG);
	CHECK(memcmp(name, u.nodename, n - 1) == 0 && name[n - 1] == 0);
}

static long long ns_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

UTEST(libc_gettimeofday)
{
	struct timespec before, after;
	struct timeval tv;
	clock_gettime(CLOCK_REALTIME, &before);
	CHECK_EQ(gettimeofday(&tv, NULL), 0);
	clock_gettime(CLOCK_REALTIME, &after);
	long long us = tv.tv_sec * 1000000LL + tv.tv_usec;
	CHECK(us >= (before.tv_sec * 1000000000LL + before.tv_nsec) / 1000);
	CHECK(us <= (after.tv_sec * 1000000000LL + after.tv_nsec) / 1000);
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	struct timeval a = { 5, 900000 }, b = { 2, 200000 }, r;
	timeradd(&a, &b, &r);
	CHECK(r.tv_sec == 8 && r.tv_usec == 100000);
	timersub(&b, &a, &r);
	CHECK(r.tv_sec == -4 && r.tv_usec == 300000);
	CHECK(timercmp(&b, &a, <) && !timercmp(&a, &b, <) && timercmp(&a, &a, ==));
	CHECK(timerisset(&a));
	timerclear(&a);
	CHECK(!timerisset(&a));
}

UTEST(libc_clock_nanosleep)
{
	long long t0 = ns_now();
	struct timespec d = { 0, 20000000 }, rem = { 7, 7 };
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &d, &rem), 0);
	CHECK(ns_now() - t0 >= 20000000);
	/* Absolute, on either clock (both read the same here). */
	for (clockid_t c = CLOCK_REALTIME; c <= CLOCK_MONOTONIC; c++) {
		struct timespec until;
		clock_gettime(c, &until);
		until.tv_nsec += 30000000;
		if (until.tv_nsec >= 1000000000) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
		CHECK_EQ(clock_nanosleep(c, TIMER_ABSTIME, &until, NULL), 0);
		struct timespec now;
		clock_gettime(c, &now);
		CHECK(now.tv_sec > until.tv_sec ||
		      (now.tv_sec == until.tv_sec && now.tv_nsec >= until.tv_nsec));
	}
	/* A time already past returns at once. */
	struct timespec past = { 0, 1 };
	t0 = ns_now();
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL), 0);
	CHECK(ns_now() - t0 < 1000000000);
	/* Errors come back as the result; errno is left alone. */
	struct timespec bad = { 0, 1000000000 };
	errno = 0;
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL);
	CHECK_EQ(clock_nanosleep(7, 0, &d, NULL), EINVAL);
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 2, &d, NULL), EINVAL);
	CHECK_EQ(errno, 0);
}

static volatile int usr1_seen;
static void on_usr1(int sig)
{
	(void)sig;
	usr1_seen++;
}

/* In a child, so that its handler stays its own: two long sleeps, each
 * interrupted by the parent's SIGUSR1. */
static int interrupted_sleeps(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL))
		return 1;
	struct timespec ten = { 10, 0 }, rem = { 0, 0 };
	if (clock_nanosleep(CLOCK_MONOTONIC, 0, &ten, &rem) != EINTR)
		return 2;
	if (rem.tv_sec >= 10 || (rem.tv_sec == 0 && rem.tv_nsec == 0))
		return 3;
	struct timespec until, keep = { 123, 456 };
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += 10;
	if (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, &keep) != EINTR)
		return 4;
	if (keep.tv_sec != 123 || keep.tv_nsec != 456) /* untouched */
		return 5;
	return usr1_seen >= 2 ? 0 : 6;
}

UTEST(libc_clock_nanosleep_eintr)
{
	CHECK_EQ(vfs_up(), 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(interrupted_sleeps());
	CHECK(pid > 0);
	/* The signal may come before a sleep starts (the handler runs and the
	 * sleep goes on), so it is sent until the child is done. */
	int status = -1;
	long long t0 = ns_now();
	struct timespec tick = { 0, 50000000 };
	for (int i = 0; i < 200; i++) {
		nanosleep(&tick, NULL);
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		kill(pid, SIGUSR1);
	}
	CHECK(WIFEXITED(status));
	CHECK_EQ(WEXITSTATUS(status), 0);
	CHECK(ns_now() - t0 < 9000000000LL); /* the 10-second sleeps ended early */
}

UTEST(libc_killpg)
{
	CHECK_EQ(vfs_up(), 0);
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	CHECK(pid > 0);
	setpgid(pid, pid); /* both sides, so that it is done whoever runs first */
	CHECK_EQ(getpgid(pid), pid);
	CHECK_EQ(killpg(pid, 0), 0);
	CHECK_EQ(killpg(pid, SIGTERM), 0);
	int status = 0;
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	errno = 0;
	CHECK_EQ(killpg(pid, 0), -1); /* the group is gone */
	CHECK_EQ(errno, ESRCH);
	errno = 0;
	CHECK_EQ(killpg(-2, 0), -1);
	CHECK_EQ(errno, EINVAL);
}
