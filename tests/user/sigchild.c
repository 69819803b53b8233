// SPDX-License-Identifier: BSD-2-Clause
// A C library program the signal tests start with vg_spawn
// (tests/user/utest/t_signal_libc.c): argv[1] says how it ends, by a
// signal's default action - "raise N", "segv" (a fault with no handler),
// "abort", "null" and "badframes" (crash reports, see below), "killself"
// (kill(getpid(), SIGKILL)), "wait" (until a signal from the parent ends it)
// - or "handled" (a SIGSEGV handler that exits 42 with _exit), "exit N",
// "_exit N" and "lastthread" (main's pthread_exit, another thread the last
// to end), so that the parent checks the exit status and the report
// (t_signal_libc.c, t_wait_status.c).
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* "null": a NULL dereference inside a named function, which the crash
 * report's backtrace must name. */
__attribute__((noinline)) static void crash_in_named_function(void)
{
	(void)*(volatile int *)0;
}

/* "badframes": the same after writing garbage over this function's frame
 * record (the saved frame pointer and return address the report walks):
 * the report must still come, its walk ending at the garbage. */
__attribute__((noinline)) static void crash_with_garbage_frames(void)
{
	volatile uint64_t *fp = __builtin_frame_address(0);
#if defined(__riscv)
	fp -= 2; /* RISC-V's fp points just above the record */
#endif
	fp[0] = 0x123456789ab8ull; /* "previous frame": above, unmapped */
	fp[1] = 0xdeadbeefull; /* "return address": in no function */
	(void)*(volatile int *)0;
}

static void *linger(void *arg)
{
	(void)arg;
	struct timespec ts = { 0, 20000000 };
	nanosleep(&ts, NULL);
	return NULL; /* the process's last thread: it ends with status 0 */
}

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
	else if (!strcmp(argv[1], "null"))
		crash_in_named_function();
	else if (!strcmp(argv[1], "badframes"))
		crash_with_garbage_frames();
	else if (!strcmp(argv[1], "segv"))
		(void)*(volatile int *)0x200030;
	else if (!strcmp(argv[1], "exit") && argc > 2)
		exit(atoi(argv[2]));
	else if (!strcmp(argv[1], "_exit") && argc > 2)
		_exit(atoi(argv[2]));
	else if (!strcmp(argv[1], "killself"))
		kill(getpid(), SIGKILL);
	else if (!strcmp(argv[1], "wait"))
		for (;;)
			pause();
	else if (!strcmp(argv[1], "lastthread")) {
		pthread_t t;
		if (pthread_create(&t, NULL, linger, NULL) == 0)
			pthread_exit(NULL);
	} else if (!strcmp(argv[1], "handled")) {
		struct sigaction a = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
		sigemptyset(&a.sa_mask);
		sigaction(SIGSEGV, &a, NULL);
		(void)*(volatile int *)0x200030;
	}
	return 3; /* still alive: wrong */
}
