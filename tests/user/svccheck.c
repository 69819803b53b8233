// SPDX-License-Identifier: BSD-2-Clause
// A service's own view of what init enforced on it (rootfs/etc/services-
// test/limited, limited-via, asuser): started by init, it tries to go past
// its limits or read what its user may not, logs what it got, and exits 0
// only if every attempt was refused the documented way. initcheck waits
// for its exit code.
//   svccheck limits MEM HANDLES THREADS [CPU]: malloc beyond MEM bytes
//     fails (ENOMEM) while a small one works; making handles fails with
//     ERR_OUT_OF_RANGE before HANDLES more exist; the THREADS-th thread is
//     EAGAIN; with CPU (via the process server) getrlimit shows its limits.
//   svccheck user UID GID SECRET: its ids are UID/GID; it cannot open the
//     root-only file SECRET (EACCES), and can make and reopen its own.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vg/vg.h>

static int failures;

static void expect(bool ok, const char *what)
{
	vg_printf("svccheck: %s: %s\n", what, ok ? "as expected" : "WRONG");
	failures += !ok;
}

static void *idle(void *arg)
{
	(void)arg;
	for (;;)
		vg_thread_sleep_until((uint64_t)vg_clock_monotonic() + 1000000000ull);
	return NULL;
}

/* Handles made until the kernel refuses one: the refusal's code. */
static long exhaust_handles(uint64_t limit, uint64_t *made)
{
	vg_handle_t h;
	long st = 0;
	for (*made = 0; *made <= limit && !(st = vg_notification_create(&h)); (*made)++)
		;
	return st;
}

static int limits(uint64_t mem, uint64_t handles, uint64_t threads, uint64_t cpu)
{
	void *small = malloc(64 * 1024);
	expect(small != NULL, "a small malloc");
	errno = 0;
	void *big = malloc((size_t)mem);
	expect(big == NULL && errno == ENOMEM, "malloc beyond the memory limit: ENOMEM");
	pthread_t t;
	int err = 0;
	uint64_t started = 1; /* this one */
	while (started < threads + 1 && !(err = pthread_create(&t, NULL, idle, NULL)))
		started++;
	vg_printf("svccheck: %llu threads ran, then %d\n", (unsigned long long)started, err);
	expect(started == threads && err == EAGAIN, "the thread past the limit: EAGAIN");
	uint64_t made;
	long st = exhaust_handles(handles, &made);
	vg_printf("svccheck: %llu more handles, then %ld\n", (unsigned long long)made, st);
	expect(st == ERR_OUT_OF_RANGE && made < handles, "handles past the limit: refused");
	if (cpu) {
		struct rlimit as, c;
		expect(getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == mem && as.rlim_max == mem,
		       "getrlimit(RLIMIT_AS) is the memory limit");
		expect(getrlimit(RLIMIT_CPU, &c) == 0 && c.rlim_cur == cpu && c.rlim_max == cpu + 1,
		       "getrlimit(RLIMIT_CPU) is the cpu limit");
	}
	return failures ? 1 : 0;
}

static int user(uid_t uid, gid_t gid, const char *secret)
{
	expect(getuid() == uid && geteuid() == uid && getgid() == gid && getegid() == gid,
	       "its user and group ids");
	errno = 0;
	int fd = open(secret, O_RDONLY);
	expect(fd < 0 && errno == EACCES, "a root file of mode 0600: EACCES");
	char own[64];
	snprintf(own, sizeof(own), "/tmp/svccheck-%u", (unsigned)uid);
	fd = open(own, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	bool wrote = fd >= 0 && write(fd, "mine", 4) == 4 && close(fd) == 0;
	char buf[4] = { 0 };
	fd = open(own, O_RDONLY);
	struct stat st;
	bool ok = wrote && fd >= 0 && read(fd, buf, 4) == 4 && !memcmp(buf, "mine", 4) &&
		fstat(fd, &st) == 0 && st.st_uid == uid && st.st_gid == gid;
	expect(ok, "its own file of mode 0600, made and read again");
	if (fd >= 0)
		close(fd);
	unlink(own);
	return failures ? 1 : 0;
}

static uint64_t arg(const char *s)
{
	return strtoull(s, NULL, 0);
}

int main(int argc, char **argv)
{
	if (argc >= 5 && !strcmp(argv[1], "limits"))
		return limits(arg(argv[2]), arg(argv[3]), arg(argv[4]),
			      argc > 5 ? arg(argv[5]) : 0);
	if (argc == 5 && !strcmp(argv[1], "user"))
		return user((uid_t)arg(argv[2]), (gid_t)arg(argv[3]), argv[4]);
	vg_printf("svccheck: usage: limits MEM HANDLES THREADS [CPU] | user UID GID SECRET\n");
	return 2;
}
