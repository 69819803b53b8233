// SPDX-License-Identifier: BSD-2-Clause
// A new program's signal state (docs/ARCHITECTURE.md section 15.1): the
// mask, the pending signals and SIG_IGN actions across execve (POSIX keeps
// all three), and posix_spawn's POSIX_SPAWN_SETSIGMASK and
// POSIX_SPAWN_SETSIGDEF. bin/sigstate reports what it started with.
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../utest.h"

#define BIT(sig) ((sigset_t)1 << (sig))

static char *const no_env[] = { NULL };

/* The SIG_IGN actions a new program of ours gets: all but SIGCHLD's
 * (which is also the process server's, and starts at the default). */
static sigset_t inherited_ignored(void)
{
	sigset_t set = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction a;
		if (sig != SIGCHLD && sigaction(sig, NULL, &a) == 0 && a.sa_handler == SIG_IGN)
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

/* posix_spawn of sigstate expecting that state: its exit status (0 when
 * it agreed), or -1000 - the error. */
static int spawn_expecting(const posix_spawnattr_t *attr, sigset_t mask, sigset_t ignored)
{
	char *argv[6], buf[3][24];
	state_args(argv, buf, mask, 0, ignored);
	pid_t pid;
	int err = posix_spawn(&pid, "/bin/sigstate", NULL, attr, argv, no_env);
	if (err)
		return -1000 - err;
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return -2000 - errno;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -3000 - st;
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
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid);
	CHECK(WIFEXITED(st));
	CHECK_EQ(WEXITSTATUS(st), 0);
}
