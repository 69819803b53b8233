// SPDX-License-Identifier: BSD-2-Clause
// The C library's signals in the root task: handlers and their info,
// masks and pending signals, SA_RESETHAND and SA_NODEFER, EINTR from
// blocking calls, fault signals recovered with siglongjmp, sigsuspend,
// alarm, and default actions ending a child process "killed by the signal".
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <verdigris/exit.h>

#include "../utest.h"

#define MS 1000000ull
#define NOW() ((uint64_t)vg_clock_monotonic())
#define SIGBIT(sig) ((sigset_t)1 << (sig))

void intr_illegal(void); /* tests/user/arch/<arch>/intr.S */
void intr_divide(void);

static volatile int runs, depth, max_depth, last_sig, last_code;
static volatile sigset_t mask_inside;
static void *volatile last_addr;

static void info_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	runs++;
	last_sig = sig;
	last_code = si->si_code;
	sigset_t m;
	sigprocmask(SIG_BLOCK, NULL, &m);
	mask_inside = m;
}

static void plain_handler(int sig)
{
	runs++;
	last_sig = sig;
}

static void reset(void)
{
	runs = depth = max_depth = last_sig = last_code = 0;
	mask_inside = 0;
}

UTEST(sig_sets)
{
	sigset_t s;
	CHECK_EQ(sigemptyset(&s), 0);
	CHECK_EQ(sigismember(&s, SIGINT), 0);
	CHECK_EQ(sigaddset(&s, SIGINT), 0);
	CHECK_EQ(sigismember(&s, SIGINT), 1);
	CHECK_EQ(sigdelset(&s, SIGINT), 0);
	CHECK_EQ(sigismember(&s, SIGINT), 0);
	CHECK_EQ(sigfillset(&s), 0);
	CHECK_EQ(sigismember(&s, SIGSYS), 1);
	CHECK_EQ(sigaddset(&s, 0), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(sigaddset(&s, NSIG), -1);
	CHECK(strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
	CHECK(strcmp(strsignal(99), "Unknown signal 99") == 0);
}

/* Every signal's name (sig2str, str2sig) and description (strsignal), as
 * kill, trap and the shell's job messages show them, and psignal's line. */
UTEST(sig_names_and_descriptions)
{
	char name[SIG2STR_MAX];
	int sig;
	for (int s = 1; s < NSIG; s++) {
		CHECK(sig2str(s, name) == 0 && str2sig(name, &sig) == 0 && sig == s);
		CHECK(strncmp(strsignal(s), "Unknown", 7) != 0);
	}
	CHECK(sig2str(0, name) == -1 && sig2str(NSIG, name) == -1);
	CHECK(sig2str(SIGRTMIN + 2, name) == 0 && !strcmp(name, "RTMIN+2"));
	CHECK(sig2str(SIGRTMAX - 1, name) == 0 && !strcmp(name, "RTMAX-1"));
	CHECK(str2sig("RTMIN+2", &sig) == 0 && sig == 34);
	CHECK(str2sig("TERM", &sig) == 0 && sig == SIGTERM);
	CHECK(str2sig("SIGTERM", &sig) == -1 && str2sig("RTMAX+1", &sig) == -1);
	CHECK(!strcmp(strsignal(SIGTERM), "Terminated"));
	CHECK(!strcmp(strsignal(SIGABRT), "Aborted"));
	CHECK(!strcmp(strsignal(SIGRTMIN), "Real-time signal 0"));
	CHECK(!strcmp(strsignal(SIGRTMAX), "Real-time signal 31"));
	CHECK(!strcmp(strsignal(NSIG), "Unknown signal 64"));
	/* psignal, with standard error on a pipe for a moment. */
	int p[2], saved = dup(2);
	CHECK(saved >= 0 && pipe(p) == 0);
	fflush(stderr);
	CHECK_EQ(dup2(p[1], 2), 2);
	psignal(SIGSEGV, "crash");
	psignal(SIGRTMIN + 3, NULL);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(p[1]);
	char buf[128];
	FILE *f = fdopen(p[0], "r");
	CHECK(f != NULL);
	buf[f ? fread(buf, 1, sizeof(buf) - 1, f) : 0] = 0;
	if (f)
		fclose(f);
	CHECK(!strcmp(buf, "crash: Segmentation fault\nReal-time signal 3\n"));
}

UTEST(sig_handler_runs_with_info_and_mask)
{
	reset();
	struct sigaction a = { .sa_sigaction = info_handler, .sa_flags = SA_SIGINFO }, old;
	sigemptyset(&a.sa_mask);
	sigaddset(&a.sa_mask, SIGUSR2);
	CHECK_EQ(sigaction(SIGUSR1, &a, &old), 0);
	CHECK_EQ(raise(SIGUSR1), 0);
	CHECK_EQ(runs, 1); /* before raise returned */
	CHECK_EQ(last_sig, SIGUSR1);
	CHECK_EQ(last_code, SI_TKILL);
	CHECK_EQ(mask_inside, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2));
	sigset_t now;
	CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
	CHECK_EQ(now, 0); /* restored */
	CHECK_EQ(kill(getpid(), SIGUSR1), 0); /* our own process */
	CHECK_EQ(runs, 2);
	CHECK_EQ(last_code, SI_USER);
	/* SIGKILL and SIGSTOP keep their actions. */
	CHECK_EQ(sigaction(SIGKILL, &a, NULL), -1);
	CHECK_EQ(sigaction(SIGSTOP, &a, NULL), -1);
	CHECK_EQ(sigaction(0, &a, NULL), -1);
	CHECK_EQ(raise(NSIG), -1);
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(sigaction(SIGUSR1, &old, NULL), 0);
}

UTEST(sig_blocked_signals_stay_pending)
{
	reset();
	CHECK(signal(SIGUSR2, plain_handler) != SIG_ERR);
	sigset_t b, p, was;
	sigemptyset(&b);
	sigaddset(&b, SIGUSR2);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &b, &was), 0);
	CHECK_EQ(raise(SIGUSR2), 0);
	CHECK_EQ(raise(SIGUSR2), 0); /* pending once */
	CHECK_EQ(runs, 0);
	CHECK_EQ(sigpending(&p), 0);
	CHECK_EQ(p, SIGBIT(SIGUSR2));
	CHECK_EQ(sigprocmask(SIG_SETMASK, &was, NULL), 0);
	CHECK_EQ(runs, 1); /* ran when unblocked */
	CHECK_EQ(sigpending(&p), 0);
	CHECK_EQ(p, 0);
	/* Ignored: nothing runs, nothing stays. */
	CHECK(signal(SIGUSR2, SIG_IGN) == plain_handler);
	CHECK_EQ(raise(SIGUSR2), 0);
	CHECK_EQ(runs, 1);
	/* SIGCHLD's default is to ignore it. */
	CHECK(signal(SIGCHLD, SIG_DFL) != SIG_ERR);
	CHECK_EQ(raise(SIGCHLD), 0);
	CHECK(signal(SIGUSR2, SIG_DFL) == SIG_IGN);
}

static void nesting_handler(int sig)
{
	runs++;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (runs == 1)
		raise(sig); /* again, from inside */
	depth--;
}

UTEST(sig_resethand_and_nodefer)
{
	reset();
	struct sigaction a = { .sa_handler = nesting_handler, .sa_flags = 0 };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGURG, &a, NULL), 0);
	CHECK_EQ(raise(SIGURG), 0);
	CHECK_EQ(runs, 2); /* the inner one waited for the outer to finish */
	CHECK_EQ(max_depth, 1);
	reset();
	a.sa_flags = SA_NODEFER;
	CHECK_EQ(sigaction(SIGURG, &a, NULL), 0);
	CHECK_EQ(raise(SIGURG), 0);
	CHECK_EQ(runs, 2);
	CHECK_EQ(max_depth, 2); /* nested */
	reset();
	a.sa_handler = plain_handler;
	a.sa_flags = SA_RESETHAND;
	CHECK_EQ(sigaction(SIGURG, &a, NULL), 0);
	CHECK_EQ(raise(SIGURG), 0);
	CHECK_EQ(raise(SIGURG), 0); /* the default now: ignored */
	CHECK_EQ(runs, 1);
	struct sigaction now;
	CHECK_EQ(sigaction(SIGURG, NULL, &now), 0);
	CHECK(now.sa_handler == SIG_DFL);
}

/* EINTR: a thread blocked in nanosleep or sem_wait, signalled. */
static sem_t sem;
static volatile long sleep_ret, sleep_errno, rem_ms, sem_ret, sem_errno;
static volatile int blocked_done;

static void *sleeper(void *arg)
{
	(void)arg;
	struct timespec req = { 1, 0 }, rem = { 0, 0 };
	sleep_ret = nanosleep(&req, &rem);
	sleep_errno = errno;
	rem_ms = rem.tv_sec * 1000 + rem.tv_nsec / 1000000;
	blocked_done = 1;
	return NULL;
}

static void *sem_waiter(void *arg)
{
	(void)arg;
	sem_ret = sem_wait(&sem);
	sem_errno = errno;
	blocked_done = 1;
	return NULL;
}

static void wait_done(void)
{
	for (int i = 0; i < 400 && !blocked_done; i++)
		vg_thread_sleep_until(NOW() + 5 * MS);
}

UTEST(sig_interrupts_blocking_calls_with_eintr)
{
	reset();
	struct sigaction a = { .sa_handler = plain_handler, .sa_flags = SA_RESTART };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &a, NULL), 0);
	pthread_t t;
	blocked_done = 0;
	uint64_t t0 = NOW();
	CHECK_EQ(pthread_create(&t, NULL, sleeper, NULL), 0);
	vg_thread_sleep_until(NOW() + 20 * MS);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	wait_done();
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK(NOW() - t0 < 700 * MS);
	CHECK_EQ(runs, 1);
	CHECK_EQ(sleep_ret, -1);
	CHECK_EQ(sleep_errno, EINTR);
	CHECK(rem_ms > 500 && rem_ms <= 1000); /* most of the second was left */

	CHECK_EQ(sem_init(&sem, 0, 0), 0);
	blocked_done = 0;
	CHECK_EQ(pthread_create(&t, NULL, sem_waiter, NULL), 0);
	vg_thread_sleep_until(NOW() + 20 * MS);
	CHECK_EQ(blocked_done, 0);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	wait_done();
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(runs, 2);
	CHECK_EQ(sem_ret, -1);
	CHECK_EQ(sem_errno, EINTR);

	/* An ignored signal ends nothing: the sleep runs its course. */
	CHECK(signal(SIGUSR1, SIG_IGN) != SIG_ERR);
	blocked_done = 0;
	CHECK_EQ(pthread_create(&t, NULL, sleeper, NULL), 0);
	vg_thread_sleep_until(NOW() + 20 * MS);
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(sleep_ret, 0);
	CHECK(signal(SIGUSR1, SIG_DFL) != SIG_ERR);
	sem_destroy(&sem);
}

/* Faults as signals, recovered with siglongjmp. */
static sigjmp_buf env;

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	runs++;
	last_sig = sig;
	last_addr = si->si_addr;
	siglongjmp(env, 1);
}

UTEST(sig_fault_handlers_recover_with_siglongjmp)
{
	reset();
	struct sigaction a = { .sa_sigaction = fault_handler, .sa_flags = SA_SIGINFO };
	sigemptyset(&a.sa_mask);
	CHECK_EQ(sigaction(SIGSEGV, &a, NULL), 0);
	CHECK_EQ(sigaction(SIGILL, &a, NULL), 0);
	CHECK_EQ(sigaction(SIGFPE, &a, NULL), 0);
	if (!sigsetjmp(env, 1))
		(void)*(volatile int *)0x200010;
	CHECK_EQ(runs, 1);
	CHECK_EQ(last_sig, SIGSEGV);
	CHECK_EQ((uintptr_t)last_addr, 0x200010);
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK_EQ(now, 0); /* siglongjmp put the mask back */
	if (!sigsetjmp(env, 1))
		intr_illegal();
	CHECK_EQ(runs, 2);
	CHECK_EQ(last_sig, SIGILL);
	CHECK_EQ((uintptr_t)last_addr, (uintptr_t)intr_illegal);
#ifdef __x86_64__
	if (!sigsetjmp(env, 1))
		intr_divide();
	CHECK_EQ(runs, 3);
	CHECK_EQ(last_sig, SIGFPE);
#endif
	signal(SIGSEGV, SIG_DFL);
	signal(SIGILL, SIG_DFL);
	signal(SIGFPE, SIG_DFL);
}

static pthread_t main_thread;

static void *poker(void *arg)
{
	(void)arg;
	vg_thread_sleep_until(NOW() + 20 * MS);
	pthread_kill(main_thread, SIGUSR1);
	return NULL;
}

UTEST(sig_suspend_waits_for_a_handler)
{
	reset();
	CHECK(signal(SIGUSR1, plain_handler) != SIG_ERR);
	sigset_t b, empty;
	sigemptyset(&b);
	sigemptyset(&empty);
	sigaddset(&b, SIGUSR1);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &b, NULL), 0);
	main_thread = pthread_self();
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, poker, NULL), 0);
	CHECK_EQ(sigsuspend(&empty), -1);
	CHECK_EQ(errno, EINTR);
	CHECK_EQ(runs, 1);
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK_EQ(now, b); /* the mask before sigsuspend */
	CHECK_EQ(pthread_join(t, NULL), 0);
	/* Pending already: sigsuspend runs it and returns at once. */
	CHECK_EQ(raise(SIGUSR1), 0);
	CHECK_EQ(runs, 1);
	CHECK_EQ(sigsuspend(&empty), -1);
	CHECK_EQ(runs, 2);
	CHECK_EQ(sigprocmask(SIG_SETMASK, &empty, NULL), 0);
	signal(SIGUSR1, SIG_DFL);
}

UTEST(sig_alarm_interrupts_pause)
{
	reset();
	CHECK(signal(SIGALRM, plain_handler) != SIG_ERR);
	uint64_t t0 = NOW();
	CHECK_EQ(alarm(1), 0);
	CHECK_EQ(alarm(1), 1); /* replaced; about a second was left */
	CHECK_EQ(pause(), -1);
	CHECK_EQ(errno, EINTR);
	CHECK_EQ(last_sig, SIGALRM);
	CHECK(NOW() - t0 >= 900 * MS);
	CHECK_EQ(alarm(0), 0);
	signal(SIGALRM, SIG_DFL);
}

/* The exit status of the boot archive's program path run with argv. */
static long program_status(const char *path, const char *const *argv)
{
	const void *image;
	size_t len;
	long st = vg_initrd_find(path, &image, &len);
	if (st)
		return st - 1000;
	vg_handle_t child, port;
	const char *why = NULL;
	struct vg_spawn_req req = { .image = image, .len = len, .argv = argv };
	struct vg_port_packet pkt;
	st = vg_spawn(&req, &child, &why);
	if (st)
		return st - 2000;
	st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = next_packet(port, 2000 * MS, &pkt);
	vg_handle_close(port);
	vg_handle_close(child);
	return st ? st - 3000 : (long)pkt.data[0];
}

/* Default actions in a child program (bin/sigchild): the end code is
 * "killed by the signal" (with the core-dump bit for SIGSEGV, SIGABRT...:
 * verdigris/exit.h), and a crash's signal logged a crash report. */
static long child_status(const char *how, const char *n)
{
	const char *argv[] = { "sigchild", how, n, NULL };
	return program_status("bin/sigchild", argv);
}

/* Whether a record of the kernel log from seq on holds both a and b. */
static int log_has(uint64_t seq, const char *a, const char *b)
{
	static union {
		struct vg_log_record rec;
		char raw[512];
	} u;
	for (int i = 0; i < 4096; i++) {
		long st = vg_log_read(log_h, seq, &u.rec, sizeof(u) - 1);
		if (st < 0)
			return 0;
		u.rec.text[u.rec.len < 400 ? u.rec.len : 400] = 0;
		if (strstr(u.rec.text, a) && strstr(u.rec.text, b))
			return 1;
		seq = u.rec.seq + 1;
	}
	return 0;
}

/* Whether the kernel log holds a report of a process killed by a signal
 * with this end code (its wait status in the report), from seq on. */
static int log_has_report(uint64_t seq, long code)
{
	char want[40];
	snprintf(want, sizeof(want), "wait status %d", (int)vg_exit_wait_status(code));
	return log_has(seq, "killed: signal", want);
}

static uint64_t log_end(void)
{
	static union {
		struct vg_log_record rec;
		char raw[512];
	} u;
	uint64_t seq = 0;
	while (vg_log_read(log_h, seq, &u.rec, sizeof(u)) >= 0)
		seq = u.rec.seq + 1;
	return seq;
}

UTEST(sig_default_actions_end_children)
{
	uint64_t seq = log_end();
	CHECK_EQ(child_status("raise", "15"), VG_EXIT_SIGNAL(SIGTERM, 0));
	CHECK_EQ(child_status("raise", "10"), VG_EXIT_SIGNAL(SIGUSR1, 0));
	CHECK_EQ(child_status("abort", NULL), VG_EXIT_SIGNAL(SIGABRT, 1));
	CHECK_EQ(child_status("segv", NULL), VG_EXIT_SIGNAL(SIGSEGV, 1));
	CHECK_EQ(child_status("handled", NULL), 42);
	CHECK(log_has_report(seq, VG_EXIT_SIGNAL_DEFAULT(SIGSEGV)));
	CHECK(log_has_report(seq, VG_EXIT_SIGNAL_DEFAULT(SIGABRT)));
	/* A signal that is no crash ends the process without a report. */
	CHECK(!log_has_report(seq, VG_EXIT_SIGNAL_DEFAULT(SIGTERM)));
}

/* Runs bin/sigchild `how`, which must end by sig with one crash report,
 * the C library's (the kernel adds none), whose first line holds header
 * and whose backtrace names frame; the log position before it. */
static uint64_t check_crash(const char *how, int sig, const char *header, const char *frame)
{
	uint64_t seq = log_end();
	CHECK_EQ(child_status(how, NULL), VG_EXIT_SIGNAL_DEFAULT(sig));
	CHECK(log_has(seq, "process sigchild (no pid) killed: ", header));
	CHECK(log_has(seq, "  #", frame));
	CHECK(!log_has(seq, "process sigchild (koid", "killed"));
	return seq;
}

/* The C library's crash report (lib/c/os/signal/crash.c): a NULL
 * dereference in a named function is logged with the program's name, the
 * signal, the fault address, the registers and a backtrace that names the
 * function from the program's symbol table, and the one that called it. */
UTEST(crash_report_names_signal_address_function)
{
	uint64_t seq = check_crash("null", SIGSEGV,
				   "signal 11 (Segmentation fault), si_code 1, fault address 0x0, "
				   "wait status 139",
				   " crash_in_named_function+0x");
	CHECK(log_has(seq, "  #0 0x", " crash_in_named_function+0x"));
	CHECK(log_has(seq, "  #1 0x", " main+0x"));
#if defined(__x86_64__)
	CHECK(log_has(seq, "  rax ", "  rip "));
#elif defined(__aarch64__)
	CHECK(log_has(seq, "  pc ", "  pstate "));
#else
	CHECK(log_has(seq, "  ra ", "  sp "));
#endif
}

/* A child that wrote garbage over its frame record before the fault still
 * gets its report (the walk stops at the garbage) and dies with SIGSEGV's
 * status, not a second fault in the reporter. */
UTEST(crash_report_survives_garbage_frames)
{
	uint64_t seq = check_crash("badframes", SIGSEGV, "fault address 0x0, wait status 139",
				   " crash_with_garbage_frames+0x");
	CHECK(log_has(seq, "  #1 0x00000000deadbeef", ""));
	CHECK(!log_has(seq, "  #2 0x", ""));
}

/* abort() is reported the same way, with SIGABRT. */
UTEST(crash_report_for_abort)
{
	check_crash("abort", SIGABRT, "signal 6 (Aborted)", " abort+0x");
}

/* A dynamically linked program crashing inside a function of its own
 * shared library: the report names the function from the library's
 * symbols (through ld.so's module_at), and the program's frames from the
 * program's. */
UTEST(crash_report_names_shared_library_function)
{
	uint64_t seq = log_end();
	const char *argv[] = { "dyncrash", NULL };
	CHECK_EQ(program_status("bin/dyncrash", argv), VG_EXIT_SIGNAL_DEFAULT(SIGSEGV));
	CHECK(log_has(seq, "process dyncrash ", "killed: signal 11"));
	CHECK(log_has(seq, "  #0 0x", " dynplain_crash+0x"));
	CHECK(log_has(seq, " dynplain_crash+0x", " in libdynplain.so"));
	CHECK(log_has(seq, "  #1 0x", " crash_through_library+0x"));
	CHECK(log_has(seq, "  #2 0x", " main+0x"));
}
