// SPDX-License-Identifier: BSD-2-Clause
// The shell's script suite inside Verdigris: a root task (booted with
// "ktest init=bin/shtest", tools/testsuite.py) that sets the wall clock
// (bin/rtc), starts the file system and the process server, then runs /bin/sh on every
// /test/sh/NAME.sh (the scripts of tests/sh, whose expectations dash confirms on the host) and
// every /test/utils/NAME.sh (tests/utils/inos: the utilities inside the
// OS), each in an empty directory of its own under /tmp/sh, with standard
// input from /dev/null and standard output and error through pipes. The
// output must equal NAME.out and the exit status NAME.status (0 when there
// is none): one "KTEST sh_NAME|util_NAME: PASS|FAIL" line each. Scripts
// that cannot pass inside the OS yet are listed in the directory's
// inos.skip ("NAME reason"), reported as "KTEST-SKIP ...: reason" and not
// run. Exits with the number of failures.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc_server.h"
#include "rtc_up.h"
#include "vfs_up.h"

#define WORK "/tmp/sh"
#define TIMEOUT_MS 20000 /* as tests/sh/run.sh's timeout 20 */
#define NAMES_MAX 1024
#define OUTPUT_MAX (256 * 1024)

struct capture {
	char *data;
	size_t len;
};

/* The whole of a file (NUL-terminated), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t r;
	while (buf && (r = read(fd, buf + n, cap - n - 1)) > 0) {
		n += (size_t)r;
		if (cap - n < 2) {
			char *more = realloc(buf, cap * 2);
			if (!more) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = more;
			cap *= 2;
		}
	}
	close(fd);
	if (buf) {
		buf[n] = 0;
		if (len)
			*len = n;
	}
	return buf;
}

/* The reason NAME is listed in the skip list (up to the end of its line),
 * or NULL. */
static const char *skip_reason(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *line = list; line && *line;) {
		const char *end = strchr(line, '\n');
		if (line[0] != '#' && strncmp(line, name, n) == 0 && line[n] == ' ')
			return line + n + 1;
		line = end ? end + 1 : NULL;
	}
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The script names (without .sh), sorted; their number in *n. */
static char **script_names(const char *dir, size_t *n)
{
	static char *names[NAMES_MAX];
	DIR *d = opendir(dir);
	struct dirent *e;
	*n = 0;
	while (d && (e = readdir(d)) && *n < NAMES_MAX) {
		size_t l = strlen(e->d_name);
		if (l > 3 && strcmp(e->d_name + l - 3, ".sh") == 0)
			names[(*n)++] = strndup(e->d_name, l - 3);
	}
	if (d)
		closedir(d);
	qsort(names, *n, sizeof(names[0]), by_name);
	return names;
}

static void append(struct capture *c, int fd, struct pollfd *p)
{
	char buf[4096];
	ssize_t r = read(fd, buf, sizeof(buf));
	if (r <= 0) {
		p->fd = -1; /* the end, or an error: no more from it */
		return;
	}
	if (c->len + (size_t)r > OUTPUT_MAX)
		r = (ssize_t)(OUTPUT_MAX - c->len);
	memcpy(c->data + c->len, buf, (size_t)r);
	c->len += (size_t)r;
}

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Reads both pipes until the script has ended (its status in *st) and
 * nothing is left in them; kills the script's process group when it runs
 * past the timeout. 1 if it had to. */
static int drain(pid_t pid, int out, int err, struct capture *o, struct capture *e, int *st)
{
	struct pollfd p[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	long deadline = now_ms() + TIMEOUT_MS;
	int killed = 0, ended = 0;
	while (p[0].fd >= 0 || p[1].fd >= 0) {
		if (!killed && now_ms() > deadline) {
			kill(-pid, SIGKILL);
			killed = 1;
		}
		int ready = poll(p, 2, ended ? 0 : 10);
		if (ready < 0 && errno != EINTR)
			break;
		if (p[0].fd >= 0 && p[0].revents)
			append(o, out, &p[0]);
		if (p[1].fd >= 0 && p[1].revents)
			append(e, err, &p[1]);
		if (ready == 0 && ended)
			break; /* ended and read to the last byte */
		if (ready == 0 && waitpid(pid, st, WNOHANG) == pid)
			ended = 1;
	}
	if (!ended && waitpid(pid, st, 0) != pid)
		*st = -1;
	return killed;
}

/* Starts /bin/sh on the script with fds 0, 1, 2 from in, out, err: the pid
 * or -1. */
static pid_t start(const char *script, int in, int out, int err)
{
	char *argv[] = { "sh", (char *)script, NULL };
	char *envp[] = { "PATH=/bin", "SH=/bin/sh", "HOME=/tmp", NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, err, 2);
	posix_spawn_file_actions_addclose(&fa, in);
	posix_spawn_file_actions_addclose(&fa, out);
	posix_spawn_file_actions_addclose(&fa, err);
	/* A group of its own, for the kill on timeout. */
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	pid_t pid;
	int r = posix_spawn(&pid, "/bin/sh", &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	return r ? -1 : pid;
}

/* The first line where got and want differ, for the report. */
static void report_diff(const char *name, const struct capture *got, const char *want)
{
	size_t i = 0, line = 1, start = 0;
	while (i < got->len && want[i] && got->data[i] == want[i]) {
		if (want[i] == '\n') {
			line++;
			start = i + 1;
		}
		i++;
	}
	int glen = (int)strcspn(got->data + start, "\n");
	if ((size_t)glen > got->len - start)
		glen = (int)(got->len - start);
	printf("KTEST-DETAIL %s: line %zu: got '%.*s', expected '%.*s'\n", name, line,
	       glen > 100 ? 100 : glen, got->data + start, (int)strcspn(want + start, "\n"),
	       want + start);
}

/* fd moved to 10 or above, close-on-exec if cloexec: descriptors 1 and 2
 * stay closed here, so that this program's output goes to the kernel log. */
static int high(int fd, int cloexec)
{
	int h = fcntl(fd, cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, 10);
	close(fd);
	return h;
}

/* A directory of scripts and the prefix of their test names. */
struct suite {
	const char *dir, *tag;
};

/* Runs one script of suite s: 1 if it passed. */
static int run_one(const struct suite *s, const char *name, struct capture *o, struct capture *e)
{
	char script[128], path[128], dir[128], id[96];
	snprintf(script, sizeof(script), "%s/%s.sh", s->dir, name);
	snprintf(dir, sizeof(dir), WORK "/%s_%s", s->tag, name);
	snprintf(id, sizeof(id), "%s_%s", s->tag, name);
	o->len = e->len = 0;
	int pout[2], perr[2];
	int in = high(open("/dev/null", O_RDONLY), 0);
	if (in < 0 || mkdir(dir, 0755) || chdir(dir) || pipe(pout) || pipe(perr)) {
		printf("KTEST-DETAIL %s: cannot set up: %s\n", id, strerror(errno));
		return 0;
	}
	pout[0] = high(pout[0], 1);
	pout[1] = high(pout[1], 0);
	perr[0] = high(perr[0], 1);
	perr[1] = high(perr[1], 0);
	pid_t pid = start(script, in, pout[1], perr[1]);
	int start_errno = errno;
	close(in);
	close(pout[1]);
	close(perr[1]);
	chdir("/");
	int killed = 0, st = 0;
	if (pid > 0) {
		killed = drain(pid, pout[0], perr[0], o, e, &st);
	}
	close(pout[0]);
	close(perr[0]);
	if (pid < 0) {
		printf("KTEST-DETAIL %s: posix_spawn: %s\n", id, strerror(start_errno));
		return 0;
	}
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
	snprintf(path, sizeof(path), "%s/%s.status", s->dir, name);
	char *want_st = slurp(path, NULL);
	int want_status = want_st ? atoi(want_st) : 0;
	free(want_st);
	snprintf(path, sizeof(path), "%s/%s.out", s->dir, name);
	size_t want_len = 0;
	char *want = slurp(path, &want_len);
	int ok = !killed && status == want_status && want && want_len == o->len &&
		memcmp(want, o->data, o->len) == 0;
	if (!ok) {
		if (killed)
			printf("KTEST-DETAIL %s: killed after %d ms\n", id, TIMEOUT_MS);
		if (status != want_status)
			printf("KTEST-DETAIL %s: status %d, expected %d\n", id, status,
			       want_status);
		if (!want)
			printf("KTEST-DETAIL %s: no %s\n", id, path);
		else if (want_len != o->len || memcmp(want, o->data, o->len))
			report_diff(id, o, want);
		if (e->len)
			printf("KTEST-DETAIL %s: stderr: %.*s\n", id,
			       (int)strcspn(e->data, "\n") > 200 ? 200
								 : (int)strcspn(e->data, "\n"),
			       e->data);
	}
	free(want);
	return ok;
}

/* Runs every script of s that its skip list does not name: the failures. */
static int run_suite(const struct suite *s, struct capture *o, struct capture *e)
{
	char path[128];
	size_t n;
	char **names = script_names(s->dir, &n);
	snprintf(path, sizeof(path), "%s/inos.skip", s->dir);
	char *skips = slurp(path, NULL);
	int failures = 0, ran = 0;
	long t0 = now_ms();
	for (size_t i = 0; i < n; i++) {
		const char *why = skip_reason(skips, names[i]);
		if (why) {
			printf("KTEST-SKIP %s_%s: %.*s\n", s->tag, names[i],
			       (int)strcspn(why, "\n"), why);
			continue;
		}
		int ok = run_one(s, names[i], o, e);
		printf("KTEST %s_%s: %s\n", s->tag, names[i], ok ? "PASS" : "FAIL");
		fflush(stdout);
		failures += !ok;
		ran++;
	}
	printf("shtest: %s: %d scripts in %ld ms, %d failed\n", s->dir, ran, now_ms() - t0,
	       failures);
	free(skips);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return failures;
}

/* How many scripts of s will run. */
static int planned(const struct suite *s)
{
	char path[128];
	size_t n;
	char **names = script_names(s->dir, &n);
	snprintf(path, sizeof(path), "%s/inos.skip", s->dir);
	char *skips = slurp(path, NULL);
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		k += !skip_reason(skips, names[i]);
		free(names[i]);
	}
	free(skips);
	return k;
}

int main(void)
{
	static const struct suite suites[] = { { "/test/sh", "sh" }, { "/test/utils", "util" } };
	const size_t nsuites = sizeof(suites) / sizeof(suites[0]);
	/* The wall clock first, as at boot: scripts compare file times with
	 * dates (bi_test_nt), and the file system's own times are stamped
	 * from it. */
	long rtc = rtc_up(vg_startup()->resource);
	if (rtc)
		printf("shtest: the wall clock is not set (bin/rtc: %ld)\n", rtc);
	if (vfs_up() || !proc_server()) {
		printf("shtest: cannot start the file system or the process server\n");
		return 1;
	}
	int plan = 0;
	for (size_t i = 0; i < nsuites; i++)
		plan += planned(&suites[i]);
	printf("KTEST-PLAN %d\n", plan);
	fflush(stdout);
	struct capture o = { malloc(OUTPUT_MAX), 0 }, e = { malloc(OUTPUT_MAX), 0 };
	if (!o.data || !e.data || mkdir(WORK, 0755)) {
		printf("shtest: cannot set up " WORK "\n");
		return 1;
	}
	int failures = 0;
	for (size_t i = 0; i < nsuites; i++)
		failures += run_suite(&suites[i], &o, &e);
	return failures;
}
