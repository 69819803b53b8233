// SPDX-License-Identifier: BSD-2-Clause
// A program the tests of SIGCHLD, waitid and resource limits
// (tests/user/utest/t_proc_wait.c, t_proc_limits.c) start: argv[1] says
// what to check (t_wait_status.c too); the exit code says how it went (0: every check passed,
// else the number of the first that failed). SIGCHLD needs a parent other
// than pid 1 (the root task gets no signals), hence this program.
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vg/vg.h>

int kill(pid_t pid, int sig);

static pid_t again(char *a1, char *a2)
{
	char *argv[] = { "procx_child", a1, a2, NULL };
	pid_t pid;
	return posix_spawn(&pid, "/bin/procx_child", NULL, NULL, argv, environ) ? -1 : pid;
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };
	nanosleep(&ts, NULL);
}

static volatile int chld_count, chld_code, chld_pid, chld_status;

static void on_chld(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	if (sig != SIGCHLD)
		return;
	chld_code = info->si_code;
	chld_pid = info->si_pid;
	chld_status = info->si_status;
	chld_count++;
}

/* Waits (up to 2 s) until SIGCHLD has come n times in all. */
static bool sigchld_reached(int n)
{
	for (int i = 0; i < 2000 && chld_count < n; i++)
		pause_ms(1);
	return chld_count == n;
}

static int check_sigchld(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO | SA_RESTART };
	if (sigaction(SIGCHLD, &sa, NULL))
		return 1;
	/* An end. */
	pid_t p = again("exit", "3");
	int st;
	if (p < 0 || !sigchld_reached(1) || chld_code != CLD_EXITED || chld_pid != p ||
	    chld_status != 3)
		return 2;
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) != 3)
		return 3;
	/* A stop, reported once, and a continuation. */
	p = again("sleep", NULL);
	if (p < 0 || kill(p, SIGSTOP) || !sigchld_reached(2) || chld_code != CLD_STOPPED ||
	    chld_pid != p || chld_status != SIGSTOP)
		return 4;
	if (waitpid(p, &st, WUNTRACED) != p || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGSTOP)
		return 5;
	if (waitpid(p, &st, WNOHANG | WUNTRACED) != 0)
		return 6;
	if (kill(p, SIGCONT) || !sigchld_reached(3) || chld_code != CLD_CONTINUED ||
	    chld_status != SIGCONT || chld_pid != p)
		return 7;
	if (waitpid(p, &st, WCONTINUED) != p || !WIFCONTINUED(st))
		return 8;
	/* SA_NOCLDSTOP: stops are still reported to waitid, without SIGCHLD;
	 * WNOWAIT leaves the report for the next call. */
	sa.sa_flags |= SA_NOCLDSTOP;
	if (sigaction(SIGCHLD, &sa, NULL) || kill(p, SIGTSTP))
		return 9;
	siginfo_t si;
	if (waitid(P_PID, (id_t)p, &si, WSTOPPED | WNOWAIT) || si.si_pid != p ||
	    si.si_code != CLD_STOPPED || si.si_status != SIGTSTP || si.si_signo != SIGCHLD)
		return 10;
	if (waitid(P_PID, (id_t)p, &si, WSTOPPED) || si.si_pid != p || si.si_code != CLD_STOPPED)
		return 11;
	pause_ms(20);
	if (chld_count != 3)
		return 12;
	if (waitid(P_ALL, 0, &si, WSTOPPED | WNOHANG) || si.si_pid != 0)
		return 13;
	/* An end by a signal, still signalled. */
	if (kill(p, SIGKILL) || !sigchld_reached(4) || chld_code != CLD_KILLED ||
	    chld_status != SIGKILL || chld_pid != p)
		return 14;
	if (waitid(P_PID, (id_t)p, &si, WEXITED) || si.si_code != CLD_KILLED ||
	    si.si_status != SIGKILL)
		return 15;
	if (waitid(P_ALL, 0, &si, WEXITED) != -1 || errno != ECHILD)
		return 16;
	if (waitid(P_ALL, 0, &si, 0) != -1 || errno != EINVAL)
		return 17;
	return 0;
}

/* SIGCHLD ignored: children are reaped as they end; wait waits for all of
 * them, then fails with ECHILD. */
static int check_nocldwait(void)
{
	if (signal(SIGCHLD, SIG_IGN) == SIG_ERR)
		return 1;
	pid_t a = again("exit", "1"), b = again("exit", "2");
	if (a < 0 || b < 0)
		return 2;
	if (wait(NULL) != -1 || errno != ECHILD)
		return 3;
	if (kill(a, 0) != -1 || errno != ESRCH || kill(b, 0) != -1 || errno != ESRCH)
		return 4;
	/* Back to the default: zombies again. */
	if (signal(SIGCHLD, SIG_DFL) == SIG_ERR || (a = again("exit", "5")) < 0)
		return 5;
	int st;
	return waitpid(a, &st, 0) == a && WEXITSTATUS(st) == 5 ? 0 : 6;
}

/* sigwaitinfo for signals from another process: a forked child takes its
 * parent's kill (si_pid; a child may not signal its parent here, the
 * process server's rule), then the parent takes SIGCHLD when it ends (the
 * server sends SIGCHLD only to a parent with a handler, so one is set; it
 * never runs, the signal being blocked). */
static int check_sigwait(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO };
	sigset_t usr2 = (sigset_t)1 << SIGUSR2, chld = (sigset_t)1 << SIGCHLD;
	sigset_t set = usr2 | chld;
	int ready[2];
	if (sigprocmask(SIG_BLOCK, &set, NULL) || sigaction(SIGCHLD, &sa, NULL) || pipe(ready))
		return 1;
	struct timespec limit = { 3, 0 };
	siginfo_t si;
	pid_t p = fork();
	if (p < 0)
		return 2;
	if (p == 0) {
		/* Running with its entry: a signal now stays pending. */
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		_exit(sigtimedwait(&usr2, &si, &limit) == SIGUSR2 && si.si_code == SI_USER &&
				      si.si_pid == getppid()
			      ? 7
			      : 1);
	}
	char c;
	if (read(ready[0], &c, 1) != 1 || kill(p, SIGUSR2))
		return 3;
	if (sigtimedwait(&chld, &si, &limit) != SIGCHLD || si.si_signo != SIGCHLD ||
	    si.si_code != CLD_EXITED || si.si_pid != p || si.si_status != 7 || chld_count != 0)
		return 4;
	sigset_t pending;
	if (sigpending(&pending) || (pending & set))
		return 5;
	int st;
	return waitpid(p, &st, 0) == p && WIFEXITED(st) && WEXITSTATUS(st) == 7 ? 0 : 6;
}

/* One child of bin/sigchild (how, arg), killed by sig unless 0, then
 * SIGCHLD's info taken with sigtimedwait: whether it says code and status
 * (t_wait_status.c). */
static bool sigchld_says(const char *how, const char *arg, int sig, int code, int status)
{
	char *argv[] = { "sigchild", (char *)how, (char *)arg, NULL };
	sigset_t chld = (sigset_t)1 << SIGCHLD;
	struct timespec limit = { 3, 0 };
	siginfo_t si;
	pid_t p;
	int st;
	if (posix_spawn(&p, "/bin/sigchild", NULL, NULL, argv, environ) || (sig && kill(p, sig)))
		return false;
	bool ok = sigtimedwait(&chld, &si, &limit) == SIGCHLD && si.si_pid == p &&
		si.si_code == code && si.si_status == status;
	return waitpid(p, &st, 0) == p && ok;
}

/* SIGCHLD's si_code and si_status for each kind of end: an exit code in
 * 129-192 is CLD_EXITED, a signal's end CLD_KILLED, or CLD_DUMPED for one
 * that dumps core. */
static int check_ends(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO };
	sigset_t chld = (sigset_t)1 << SIGCHLD;
	if (sigprocmask(SIG_BLOCK, &chld, NULL) || sigaction(SIGCHLD, &sa, NULL))
		return 1;
	if (!sigchld_says("exit", "130", 0, CLD_EXITED, 130))
		return 2;
	if (!sigchld_says("raise", "2", 0, CLD_KILLED, SIGINT))
		return 3;
	if (!sigchld_says("segv", NULL, 0, CLD_DUMPED, SIGSEGV))
		return 4;
	if (!sigchld_says("wait", NULL, SIGTERM, CLD_KILLED, SIGTERM))
		return 5;
	if (!sigchld_says("wait", NULL, SIGQUIT, CLD_DUMPED, SIGQUIT))
		return 6;
	if (!sigchld_says("exit", "0", 0, CLD_EXITED, 0))
		return 7;
	return 0;
}

static volatile int usr1_count;
static pid_t victim;
static pthread_t main_thread;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

/* After 30 ms, SIGUSR1 to the main thread; with arg, then the victim killed. */
static void *interrupter(void *arg)
{
	pause_ms(30);
	pthread_kill(main_thread, SIGUSR1);
	if (arg) {
		pause_ms(30);
		kill(victim, SIGKILL);
	}
	return NULL;
}

/* A handler without SA_RESTART makes a blocked waitpid fail with EINTR;
 * with SA_RESTART the wait goes on. */
static int check_eintr(void)
{
	main_thread = pthread_self();
	struct sigaction sa = { .sa_handler = on_usr1 };
	if (sigaction(SIGUSR1, &sa, NULL) || (victim = again("sleep", NULL)) < 0)
		return 1;
	pthread_t t;
	int st;
	if (pthread_create(&t, NULL, interrupter, NULL))
		return 2;
	if (waitpid(victim, &st, 0) != -1 || errno != EINTR || usr1_count != 1)
		return 3;
	pthread_join(t, NULL);
	siginfo_t si;
	if (pthread_create(&t, NULL, interrupter, NULL))
		return 4;
	if (waitid(P_PID, (id_t)victim, &si, WEXITED) != -1 || errno != EINTR || usr1_count != 2)
		return 5;
	pthread_join(t, NULL);
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGUSR1, &sa, NULL) || pthread_create(&t, NULL, interrupter, &sa))
		return 6;
	if (waitpid(victim, &st, 0) != victim || !WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL ||
	    usr1_count != 3)
		return 7;
	pthread_join(t, NULL);
	return 0;
}

/* RLIMIT_NOFILE: EMFILE past the soft limit; the hard one is a ceiling;
 * children inherit the limits. */
static int check_nofile(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur != RLIM_INFINITY)
		return 1;
	rl = (struct rlimit){ 8, 8 };
	if (setrlimit(RLIMIT_NOFILE, &rl))
		return 2;
	int p[2], highest = -1;
	while (!pipe(p))
		highest = p[1];
	if (errno != EMFILE || highest < 0 || highest > 7)
		return 3;
	if (dup(0) != -1 || errno != EMFILE)
		return 4;
	rl.rlim_max = 9;
	if (setrlimit(RLIMIT_NOFILE, &rl) != -1 || errno != EPERM)
		return 5;
	rl = (struct rlimit){ 9, 4 };
	if (setrlimit(RLIMIT_NOFILE, &rl) != -1 || errno != EINVAL)
		return 6;
	pid_t c = again("nofile-is", "8");
	int st;
	if (c < 0 || waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st))
		return 7;
	if (prlimit(1, RLIMIT_NOFILE, NULL, &rl) != -1 || errno != EPERM)
		return 8;
	return 0;
}

static int check_nofile_is(rlim_t want)
{
	struct rlimit rl;
	return !getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur == want && rl.rlim_max == want ? 0 : 1;
}

/* RLIMIT_AS: mappings past it fail (malloc with ENOMEM); raising the soft limit
 * up to the hard one gives them back. */
static int check_as(void)
{
	struct vg_process_info info;
	if (vg_process_info(vg_self(), &info))
		return 1;
	struct rlimit rl = { info.mapped + (1u << 20), RLIM_INFINITY };
	if (setrlimit(RLIMIT_AS, &rl))
		return 2;
	if (vg_map_anon(vg_self(), 4u << 20))
		return 3;
	errno = 0;
	if (malloc(8u << 20) || errno != ENOMEM)
		return 4;
	rl.rlim_cur = RLIM_INFINITY;
	if (setrlimit(RLIMIT_AS, &rl))
		return 5;
	char *big = malloc(8u << 20);
	if (!big)
		return 6;
	big[(8u << 20) - 1] = 1;
	free(big);
	/* The process itself may lower the kernel's limit, never raise it. */
	if (vg_process_set_limit(vg_self(), VG_LIMIT_MAPPED, 1ull << 40) ||
	    vg_process_set_limit(vg_self(), VG_LIMIT_MAPPED, 1ull << 41) != ERR_ACCESS_DENIED ||
	    vg_process_set_limit(vg_self(), VG_LIMIT_MAPPED, 0) != ERR_ACCESS_DENIED ||
	    vg_process_set_limit(vg_self(), VG_LIMIT_COUNT, 1) != ERR_INVALID_ARGS ||
	    vg_process_set_limit(vg_self(), VG_LIMIT_THREADS, 1ull << 32) != ERR_INVALID_ARGS)
		return 7;
	return 0;
}

static void *idle(void *arg)
{
	pause_ms(50);
	return arg;
}

/* RLIMIT_NPROC (here: threads of the process): pthread_create fails with
 * EAGAIN past it. */
static int check_threads(void)
{
	struct rlimit rl = { 2, 2 };
	if (setrlimit(RLIMIT_NPROC, &rl))
		return 1;
	pthread_t a, b;
	if (pthread_create(&a, NULL, idle, NULL))
		return 2;
	if (pthread_create(&b, NULL, idle, NULL) != EAGAIN)
		return 3;
	pthread_join(a, NULL);
	pause_ms(10); /* the thread's kernel half may linger a moment */
	if (pthread_create(&b, NULL, idle, NULL))
		return 4;
	pthread_join(b, NULL);
	return 0;
}

/* RLIMIT_VG_HANDLES: a call that would make one handle too many fails
 * with ERR_OUT_OF_RANGE, and works again once one is closed. */
static int check_handles(void)
{
	struct rlimit rl = { 48, 48 };
	if (setrlimit(RLIMIT_VG_HANDLES, &rl))
		return 1;
	static vg_handle_t h[64];
	int n = 0;
	long st = 0;
	while (n < 64 && !(st = vg_notification_create(&h[n])))
		n++;
	if (st != ERR_OUT_OF_RANGE || n == 0 || n >= 48)
		return 2;
	if (vg_handle_close(h[--n]) || vg_notification_create(&h[n]))
		return 3;
	while (n >= 0)
		vg_handle_close(h[n--]);
	return 0;
}

static volatile int spin_sink;

static void on_xcpu(int sig)
{
	_exit(sig == SIGXCPU ? 77 : 78);
}

/* RLIMIT_CPU of 1 s, then a busy loop: with SIGXCPU handled (hard limit
 * 2 s), the handler exits 77; with it ignored (hard limit 1 s too),
 * SIGKILL ends it. */
static int check_cpu(bool handled)
{
	if (signal(SIGXCPU, handled ? on_xcpu : SIG_IGN) == SIG_ERR)
		return 1;
	struct rlimit rl = { 1, handled ? 2 : 1 };
	if (setrlimit(RLIMIT_CPU, &rl))
		return 2;
	for (;;)
		spin_sink++;
}

/* grow N: says it is ready ('r' on descriptor 1), waits for a byte on
 * descriptor 0, maps N MiB and writes to every page, says so ('g'), then
 * waits for the end of its input: ps's memory columns before and after
 * (t_ps.c). */
static int grow(size_t mib)
{
	char c;
	if (write(1, "r", 1) != 1 || read(0, &c, 1) != 1)
		return 1;
	size_t len = mib << 20;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 2;
	for (size_t i = 0; i < len; i += 4096)
		p[i] = (char)(i >> 12 | 1);
	if (write(1, "g", 1) != 1)
		return 3;
	while (read(0, &c, 1) > 0)
		;
	return p[len - 4096] == (char)((len - 4096) >> 12 | 1) ? 0 : 4;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (!strcmp(what, "exit"))
		return atoi(argv[2]);
	if (!strcmp(what, "sleep")) {
		for (int i = 0; i < 30; i++)
			pause_ms(1000);
		return 99;
	}
	if (!strcmp(what, "sigchld"))
		return check_sigchld();
	if (!strcmp(what, "sigwait"))
		return check_sigwait();
	if (!strcmp(what, "ends"))
		return check_ends();
	if (!strcmp(what, "nocldwait"))
		return check_nocldwait();
	if (!strcmp(what, "eintr"))
		return check_eintr();
	if (!strcmp(what, "nofile"))
		return check_nofile();
	if (!strcmp(what, "nofile-is"))
		return check_nofile_is((rlim_t)atoi(argv[2]));
	if (!strcmp(what, "as"))
		return check_as();
	if (!strcmp(what, "threads"))
		return check_threads();
	if (!strcmp(what, "handles"))
		return check_handles();
	if (!strcmp(what, "cpu-soft"))
		return check_cpu(true);
	if (!strcmp(what, "cpu-hard"))
		return check_cpu(false);
	if (!strcmp(what, "grow") && argc > 2)
		return grow((size_t)atoi(argv[2]));
	return 100;
}
