// SPDX-License-Identifier: BSD-2-Clause
// A C library program the signal tests start (tests/user/utest/t_sigexec.c,
// t_sigqueue.c) to look at the signal state a new program gets:
//
//   sigstate state MASK PENDING IGNORED   exit 0 when the mask, the pending
//                                         set and the SIG_IGN actions are
//                                         these (hex); 1, 2, 3: which is not
//   sigstate rtwait PID                   writes "r" to fd 1, then takes
//                                         three SIGRTMIN (blocked since its
//                                         start) with sigwaitinfo: exit 0
//                                         when their values are 7, 8, 9 in
//                                         that order, sent by process PID;
//                                         1 when all three came, in
//                                         another order
//                                         (20+, 30+, 40+: the code, the
//                                         sender or the value of the nth
//                                         is wrong)
//   sigstate chld ign|dfl                 exit 0 when SIGCHLD's action is
//                                         that and behaves so: ignored, a
//                                         child is reaped as it ends
//                                         (waitpid fails with ECHILD); else
//                                         waitpid gets it; also written
//                                         to fd 1 as a digit
//   sigstate held PENDING                 reads a byte from fd 0, then exit
//                                         0 when exactly PENDING (hex) is
//                                         pending; 2 when not
//   sigstate rtvalues                     takes 5 queued signals: SIGRTMIN
//                                         with values 1, 2, 3, then
//                                         SIGRTMIN+1 with 5, 6 (exit 0;
//                                         10+, 20+, 30+: the signal, code
//                                         or value of the nth is wrong; 40:
//                                         one more is pending)
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static sigset_t ignored_now(void)
{
	sigset_t set = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction a;
		if (sigaction(sig, NULL, &a) == 0 && a.sa_handler == SIG_IGN)
			set |= (sigset_t)1 << sig;
	}
	return set;
}

static int state(char **argv)
{
	sigset_t mask, pending;
	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigpending(&pending);
	if (mask != strtoull(argv[2], NULL, 16))
		return 1;
	if (pending != strtoull(argv[3], NULL, 16))
		return 2;
	if (ignored_now() != strtoull(argv[4], NULL, 16))
		return 3;
	return 0;
}

static int rtwait(pid_t from)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	if (write(1, "r", 1) != 1)
		return 9;
	int seen = 0, in_order = 1;
	for (int i = 0; i < 3; i++) {
		siginfo_t si;
		if (sigwaitinfo(&set, &si) != SIGRTMIN)
			return 10 + i;
		if (si.si_code != SI_QUEUE)
			return 20 + i;
		if (si.si_pid != from)
			return 30 + i;
		int v = si.si_value.sival_int;
		if (v < 7 || v > 9 || (seen & 1 << v))
			return 40 + i;
		seen |= 1 << v;
		in_order &= v == 7 + i;
	}
	return in_order ? 0 : 1;
}

static int chld(const char *want)
{
	struct sigaction a;
	bool ignore = !strcmp(want, "ign");
	if (sigaction(SIGCHLD, NULL, &a) || (a.sa_handler == SIG_IGN) != ignore)
		return 1;
	pid_t pid = fork();
	if (pid == 0)
		_exit(3);
	if (pid < 0)
		return 2;
	int st;
	pid_t got = waitpid(pid, &st, 0);
	if (ignore)
		return got == -1 && errno == ECHILD ? 0 : 4;
	return got == pid && WIFEXITED(st) && WEXITSTATUS(st) == 3 ? 0 : 5;
}

/* chld's result, also as a digit on fd 1: a parent that ignores SIGCHLD
 * cannot wait for our status. */
static int chld_report(const char *want)
{
	int r = chld(want);
	char c = (char)('0' + r);
	return write(1, &c, 1) == 1 ? r : 9;
}

static int held(const char *want)
{
	char c;
	if (read(0, &c, 1) != 1)
		return 9;
	sigset_t pending;
	sigpending(&pending);
	return pending == strtoull(want, NULL, 16) ? 0 : 2;
}

static int rtvalues(void)
{
	static const struct {
		int sig, value;
	} want[] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 5 }, { 1, 6 } };
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGRTMIN + 1);
	for (int i = 0; i < 5; i++) {
		siginfo_t si;
		if (sigwaitinfo(&set, &si) != SIGRTMIN + want[i].sig)
			return 10 + i;
		if (si.si_code != SI_QUEUE || si.si_pid != getpid())
			return 20 + i;
		if (si.si_value.sival_int != want[i].value)
			return 30 + i;
	}
	siginfo_t si;
	struct timespec zero = { 0, 0 };
	bool none = sigtimedwait(&set, &si, &zero) < 0 && errno == EAGAIN;
	return none ? 0 : 40;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "chld"))
		return chld_report(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "held"))
		return held(argv[2]);
	if (argc == 2 && !strcmp(argv[1], "rtvalues"))
		return rtvalues();
	if (argc == 5 && !strcmp(argv[1], "state"))
		return state(argv);
	if (argc == 3 && !strcmp(argv[1], "rtwait"))
		return rtwait((pid_t)atoi(argv[2]));
	return 99;
}
