// SPDX-License-Identifier: BSD-2-Clause
// A service's own view of what init enforced on it (rootfs/etc/services-
// test/limited, limited-via, asuser): started by init, it tries to go past
// its limits or read what its user may not, logs what it got, and exits 0
// only if every attempt was refused the documented way. initcheck waits
// for its exit code.
//   svccheck limits MEM HANDLES THREADS [CPU FILES]: malloc beyond MEM
//     bytes fails (ENOMEM) while a small one works; making handles fails
//     with ERR_OUT_OF_RANGE before HANDLES more exist; the THREADS-th
//     thread is EAGAIN; with CPU and FILES (via the process server)
//     getrlimit shows its limits and descriptor FILES is EMFILE.
//   svccheck user UID GID SECRET: its ids are UID/GID; it cannot open the
//     root-only file SECRET (EACCES) nor become root (EPERM), and can
//     make and reopen its own; started via the process server, the
//     server knows it as UID and refuses it a signal to a root process.
#include <errno.h>
#include <fcntl.h>
#include <proc.h>
#include <pthread.h>
#include <signal.h>
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

/* Duplicates of descriptor 1 (the log: no server involved) made until
 * one is refused: the highest made, the refusal's errno in *err. Each
 * takes the lowest free number, so with a limit of n the last is n - 1. */
static int exhaust_descriptors(int *err)
{
	int fd, last = -1;
	while ((fd = dup(1)) >= 0)
		last = fd;
	*err = errno;
	return last;
}

static int limits(uint64_t mem, uint64_t handles, uint64_t threads, uint64_t cpu, uint64_t files)
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
	if (files) {
		int refused, last = exhaust_descriptors(&refused);
		vg_printf("svccheck: descriptors up to %d, then errno %d\n", last, refused);
		expect(last == (int)files - 1 && refused == EMFILE,
		       "the descriptor past the files limit: EMFILE");
	}
	uint64_t made;
	long st = exhaust_handles(handles, &made);
	vg_printf("svccheck: %llu more handles, then %ld\n", (unsigned long long)made, st);
	expect(st == ERR_OUT_OF_RANGE && made < handles, "handles past the limit: refused");
	if (cpu) {
		struct rlimit as, c, nofile;
		expect(getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur == files &&
			       nofile.rlim_max == files,
		       "getrlimit(RLIMIT_NOFILE) is the files limit");
		expect(getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == mem && as.rlim_max == mem,
		       "getrlimit(RLIMIT_AS) is the memory limit");
		expect(getrlimit(RLIMIT_CPU, &c) == 0 && c.rlim_cur == cpu && c.rlim_max == cpu + 1,
		       "getrlimit(RLIMIT_CPU) is the cpu limit");
	}
	return failures ? 1 : 0;
}

/* Started via the process server (it has a handle to it): the server
 * knows it as uid, and it may not signal a root process (kill's
 * permission is the server's, by the ids it keeps). */
static void user_at_process_server(uid_t uid)
{
	vg_handle_t ps = vg_startup_find(VG_HTAG_PROC, 0);
	if (!ps)
		return;
	struct proc_info info;
	char args[PROC_PROCESS_NEXT_ARGS_MAX + 1];
	int32_t after = 0, root = 0;
	bool mine = false;
	while (!proc_process_next(ps, after, &info, args)) {
		after = info.pid;
		mine |= info.pid == getpid() && info.uid == uid;
		if (info.uid == 0 && info.pid > 1 && info.state != PROC_STATE_ZOMBIE && !root)
			root = info.pid;
	}
	expect(mine, "the process server's uid of it");
	vg_printf("svccheck: signal 0 to pid %d, root's\n", (int)root);
	errno = 0;
	expect(root > 1 && kill(root, 0) == -1 && errno == EPERM, "kill of a root process: EPERM");
}

static int user(uid_t uid, gid_t gid, const char *secret)
{
	expect(getuid() == uid && geteuid() == uid && getgid() == gid && getegid() == gid,
	       "its user and group ids");
	errno = 0;
	int fd = open(secret, O_RDONLY);
	expect(fd < 0 && errno == EACCES, "a root file of mode 0600: EACCES");
	errno = 0;
	expect(setuid(0) == -1 && errno == EPERM && geteuid() == uid, "becoming root again: EPERM");
	user_at_process_server(uid);
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
	if ((argc == 5 || argc == 7) && !strcmp(argv[1], "limits"))
		return limits(arg(argv[2]), arg(argv[3]), arg(argv[4]), argc > 5 ? arg(argv[5]) : 0,
			      argc > 6 ? arg(argv[6]) : 0);
	if (argc == 5 && !strcmp(argv[1], "user"))
		return user((uid_t)arg(argv[2]), (gid_t)arg(argv[3]), argv[4]);
	vg_printf(
		"svccheck: usage: limits MEM HANDLES THREADS [CPU FILES] | user UID GID SECRET\n");
	return 2;
}
