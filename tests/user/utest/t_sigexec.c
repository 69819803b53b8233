// SPDX-License-Identifier: BSD-2-Clause
// A new program's signal state (docs/ARCHITECTURE.md section 15.1): the
// mask, the pending signals (real-time ones with their values) and SIG_IGN
// actions across execve (POSIX keeps all three), SIGCHLD's included, and
// posix_spawn's POSIX_SPAWN_SETSIGMASK and POSIX_SPAWN_SETSIGDEF; signals
// that come before the new program is ready for them wait for it.
// bin/sigstate reports what it started with.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <proc.h>

#include "../proc_server.h"
#include "../utest.h"

#define BIT(sig) ((sigset_t)1 << (sig))

static char *const no_env[] = { NULL };

/* The SIG_IGN actions a new program of ours gets: all of them. */
static sigset_t inherited_ignored(void)
{
	sigset_t set = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction a;
		if (sigaction(sig, NULL, &a) == 0 && a.sa_handler == SIG_IGN)
			set |= BIT(sig);
	}
	return set;
}

/* The arguments for "sigstate state mask pending ignored" in buf. */
static void state_args(char *argv[6], char buf[3][24], sigset_t mask, sigset_t pending,
		       sigset_t ignored)
{
	snprintf(buf[0], 24, "%llx", (unsigned long long)mask);
	snprintf(buf[1], 24, "%llx", (unsigned long long)pending);
	snprintf(buf[2], 24, "%llx", (unsigned long long)ignored);
	argv[0] = "sigstate";
	argv[1] = "state";
	argv[2] = buf[0];
	argv[3] = buf[1];
	argv[4] = buf[2];
	argv[5] = NULL;
}

/* A child's exit status, or -3000 - its wait status when it did not
 * exit. */
static int exit_status(pid_t pid)
{
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return -2000 - errno;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -3000 - st;
}

/* posix_spawn of sigstate expecting that state: its exit status (0 when
 * it agreed), or -1000 - the error. */
static int spawn_expecting(const posix_spawnattr_t *attr, sigset_t mask, sigset_t ignored)
{
	char *argv[6], buf[3][24];
	state_args(argv, buf, mask, 0, ignored);
	pid_t pid;
	int err = posix_spawn(&pid, "/bin/sigstate", NULL, attr, argv, no_env);
	return err ? -1000 - err : exit_status(pid);
}

/* posix_spawn: the caller's mask by default, the attribute's with
 * SETSIGMASK; ignored actions stay ignored but those SETSIGDEF names. */
UTEST(sigexec_spawn_sets_mask_and_default_actions)
{
	sigset_t old, block = BIT(SIGUSR2);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &block, &old), 0);
	CHECK_EQ(old & block, 0);
	CHECK_EQ(spawn_expecting(NULL, old | BIT(SIGUSR2), inherited_ignored()), 0);
	CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);

	posix_spawnattr_t attr;
	CHECK_EQ(posix_spawnattr_init(&attr), 0);
	sigset_t mask = BIT(SIGUSR1) | BIT(SIGRTMIN), def = BIT(SIGUSR2);
	CHECK_EQ(posix_spawnattr_setsigmask(&attr, &mask), 0);
	CHECK_EQ(posix_spawnattr_setsigdefault(&attr, &def), 0);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK), 0);
	sigset_t ign = inherited_ignored();
	CHECK_EQ(ign & (BIT(SIGTERM) | BIT(SIGUSR2)), 0);
	CHECK_EQ(spawn_expecting(&attr, mask, ign), 0);
	/* A mask that differs from what it gets is noticed (the child's check
	 * can fail). */
	CHECK_EQ(spawn_expecting(&attr, BIT(SIGUSR1), ign), 1);

	CHECK(signal(SIGTERM, SIG_IGN) != SIG_ERR);
	CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
	CHECK_EQ(spawn_expecting(&attr, mask, ign | BIT(SIGTERM) | BIT(SIGUSR2)), 0);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF),
		 0);
	CHECK_EQ(spawn_expecting(&attr, mask, ign | BIT(SIGTERM)), 0);
	signal(SIGTERM, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	CHECK_EQ(posix_spawnattr_destroy(&attr), 0);
}

/* execve keeps the mask, the pending signals (still pending in the new
 * program) and ignored actions. */
UTEST(sigexec_exec_keeps_mask_pending_and_ignored)
{
	sigset_t mask = BIT(SIGUSR1) | BIT(SIGRTMIN + 1);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[6], buf[3][24];
		sigset_t old;
		signal(SIGTERM, SIG_IGN);
		sigprocmask(SIG_BLOCK, &mask, &old);
		raise(SIGUSR1);
		state_args(argv, buf, old | mask, BIT(SIGUSR1), inherited_ignored());
		execve("/bin/sigstate", argv, no_env);
		_exit(50);
	}
	CHECK(pid > 0);
	CHECK_EQ(exit_status(pid), 0);
}

/* sigstate's "chld" digit through a pipe on its fd 1, by posix_spawn
 * (attr) from a caller that ignores SIGCHLD, or by execve from a child
 * that does: '0' when it agreed that SIGCHLD is want (ign, dfl). */
static char chld_digit(const posix_spawnattr_t *attr, bool exec, char *want)
{
	char *argv[] = { "sigstate", "chld", want, NULL };
	int p[2];
	if (pipe(p))
		return 'p';
	pid_t pid = -1;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	if (exec) {
		pid = fork();
		if (pid == 0) {
			sigaction(SIGCHLD, &ign, NULL);
			dup2(p[1], 1);
			execve("/bin/sigstate", argv, no_env);
			_exit(50);
		}
	} else {
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_adddup2(&fa, p[1], 1);
		sigaction(SIGCHLD, &ign, &old);
		if (posix_spawn(&pid, "/bin/sigstate", &fa, attr, argv, no_env))
			pid = -1;
		sigaction(SIGCHLD, &old, NULL);
		posix_spawn_file_actions_destroy(&fa);
	}
	close(p[1]);
	char c = 'x';
	if (pid < 0 || read(p[0], &c, 1) != 1)
		c = 'r';
	close(p[0]);
	if (exec && pid > 0)
		waitpid(pid, NULL, 0); /* we did not ignore SIGCHLD */
	return c;
}

/* An ignored SIGCHLD stays ignored in the new program (its children are
 * reaped as they end), by posix_spawn and by execve; not with
 * POSIX_SPAWN_SETSIGDEF naming it. */
UTEST(sigexec_ignored_sigchld_stays_ignored)
{
	CHECK_EQ(chld_digit(NULL, false, "ign"), '0');
	CHECK_EQ(chld_digit(NULL, true, "ign"), '0');
	posix_spawnattr_t attr;
	CHECK_EQ(posix_spawnattr_init(&attr), 0);
	sigset_t def = BIT(SIGCHLD);
	CHECK_EQ(posix_spawnattr_setsigdefault(&attr, &def), 0);
	CHECK_EQ(posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF), 0);
	CHECK_EQ(chld_digit(&attr, false, "dfl"), '0');
	CHECK_EQ(posix_spawnattr_destroy(&attr), 0);
	struct sigaction a;
	CHECK_EQ(sigaction(SIGCHLD, NULL, &a), 0);
	CHECK(a.sa_handler != SIG_IGN);
}

/* A new program, by posix_spawn, execve or fork, flooded with a signal it
 * inherited blocked (SIGUSR1) and one it inherited ignored (SIGUSR2) from
 * the moment it exists: those that come before it has registered its
 * signal entry wait for it (the kernel holds them) and then meet its mask
 * and actions. It must live, with SIGUSR1 pending. Before, the process
 * server gave them the default action, which ended it. */
UTEST(sigexec_signals_before_the_entry_wait_for_it)
{
	sigset_t block = BIT(SIGUSR1), old;
	CHECK_EQ(sigprocmask(SIG_BLOCK, &block, &old), 0);
	CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);
	char want[24];
	snprintf(want, sizeof(want), "%llx", (unsigned long long)BIT(SIGUSR1));
	char *argv[] = { "sigstate", "held", want, NULL };
	for (int how = 0; how < 3; how++) {
		int go[2];
		CHECK_EQ(pipe(go), 0);
		pid_t pid = -1;
		if (how == 0) {
			posix_spawn_file_actions_t fa;
			posix_spawn_file_actions_init(&fa);
			posix_spawn_file_actions_adddup2(&fa, go[0], 0);
			posix_spawn_file_actions_addclose(&fa, go[1]);
			CHECK_EQ(posix_spawn(&pid, "/bin/sigstate", &fa, NULL, argv, no_env), 0);
			posix_spawn_file_actions_destroy(&fa);
		} else if ((pid = fork()) == 0) {
			close(go[1]);
			if (how == 1) {
				dup2(go[0], 0);
				execve("/bin/sigstate", argv, no_env);
				_exit(50);
			}
			char c;
			sigset_t pending;
			if (read(go[0], &c, 1) != 1 || sigpending(&pending))
				_exit(9);
			_exit(pending == BIT(SIGUSR1) ? 0 : 2);
		}
		CHECK(pid > 0);
		for (int i = 0; i < 300; i++) {
			kill(pid, SIGUSR1);
			kill(pid, SIGUSR2);
		}
		CHECK_EQ(write(go[1], "g", 1), 1);
		close(go[0]);
		close(go[1]);
		int st = exit_status(pid);
		if (st)
			vg_printf("KTEST-DETAIL way %d: status %d\n", how, st);
		CHECK_EQ(st, 0);
	}
	signal(SIGUSR2, SIG_DFL);
	CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
}

/* Queued real-time signals cross execve each with its value, in their
 * order (lowest number first, each number's as sent). */
UTEST(sigexec_exec_keeps_queued_values)
{
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t mask = BIT(SIGRTMIN) | BIT(SIGRTMIN + 1);
		sigprocmask(SIG_BLOCK, &mask, NULL);
		static const int sends[][2] = { { 1, 5 }, { 0, 1 }, { 0, 2 }, { 1, 6 }, { 0, 3 } };
		for (int i = 0; i < 5; i++)
			if (sigqueue(getpid(), SIGRTMIN + sends[i][0],
				     (union sigval){ .sival_int = sends[i][1] }))
				_exit(60);
		char *argv[] = { "sigstate", "rtvalues", NULL };
		execve("/bin/sigstate", argv, no_env);
		_exit(50);
	}
	CHECK(pid > 0);
	CHECK_EQ(exit_status(pid), 0);
}

/* A program not linked with the C library (bin/rawsig, libvg only) never
 * registers an entry: given a signal state, the kernel held its signals
 * for ever (until 16 waited). Now the hold ends at its first wait and the
 * process server gives what was held the default action, but leaves the
 * signals the state says are ignored or blocked alone. rawsig spins until
 * told (our signals are held meanwhile), sleeps 2 s, exits 7. The state
 * is staged by hand, as posix_spawn does (VG_HTAG_SIGNALS). */
static int raw_run(sigset_t blocked, sigset_t ignored, const int *sigs, int n)
{
	vg_handle_t ep = proc_server(), vmo, note, theirs;
	struct vg_startup_signals head = { .mask = blocked, .ignored = ignored };
	CHECK(ep);
	CHECK_EQ(vg_vmo_create(sizeof(head), 0, &vmo), 0);
	CHECK_EQ(vg_vmo_write(vmo, 0, &head, sizeof(head)), 0);
	CHECK_EQ(proc_process_give(ep, VG_HTAG_SIGNALS, 0, vmo), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &theirs), 0);
	CHECK_EQ(proc_process_give(ep, VG_HTAG_USER, 0, theirs), 0);
	int32_t pid = -1;
	CHECK_EQ(proc_process_spawn(ep, "/bin/rawsig", "rawsig", 7, "", 0, -1, false, &pid), 0);
	for (int i = 0; i < n; i++)
		CHECK_EQ(kill(pid, sigs[i]), 0);
	CHECK_EQ(vg_notification_signal(note, 1), 0);
	vg_handle_close(note);
	int st = -1;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	return st;
}

UTEST(sigexec_program_without_entry_gets_held_signals_at_its_first_wait)
{
	/* SIGTERM held, then its default action: killed (it lived to exit 7,
	 * the signal still held, before). SIGUSR1 ignored by its state. */
	static const int term[] = { SIGUSR1, SIGTERM };
	int st = raw_run(0, BIT(SIGUSR1), term, 2);
	CHECK(WIFSIGNALED(st));
	CHECK_EQ(WTERMSIG(st), SIGTERM);
	/* Ignored and blocked ones by its state: it lives. */
	static const int kept[] = { SIGUSR1, SIGUSR2, SIGUSR1 };
	st = raw_run(BIT(SIGUSR2), BIT(SIGUSR1), kept, 3);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 7);
}
