// SPDX-License-Identifier: BSD-2-Clause
// A C library program the signal tests start with vg_spawn
// (tests/user/utest/t_signal_libc.c): argv[1] says how it ends, by a
// signal's default action - "raise N", "segv" (a fault with no handler),
// "abort" - or "handled" (a SIGSEGV handler that exits 42 with
// _exit), so that the parent checks the exit status and the report.
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	_exit(sig == SIGSEGV && (uintptr_t)si->si_addr == 0x200030 ? 42 : 1);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	raise(SIGCHLD); /* ignored by default, whatever the test */
	if (!strcmp(argv[1], "raise") && argc > 2)
		raise(atoi(argv[2]));
	else if (!strcmp(argv[1], "abort"))
		abort();
	else if (!strcmp(argv[1], "segv"))
		(void)*(volatile int *)0x200030;
	else if (!strcmp(argv[1], "handled")) {
		struct sigaction a = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
		sigemptyset(&a.sa_mask);
		sigaction(SIGSEGV, &a, NULL);
		(void)*(volatile int *)0x200030;
	}
	return 3; /* still alive: wrong */
}
