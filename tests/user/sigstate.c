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
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "state"))
		return state(argv);
	if (argc == 3 && !strcmp(argv[1], "rtwait"))
		return rtwait((pid_t)atoi(argv[2]));
	return 99;
}
