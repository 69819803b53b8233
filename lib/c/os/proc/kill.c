// SPDX-License-Identifier: BSD-2-Clause
// kill() of other processes and of process groups goes through the process
// server, which interrupts the target (srv/proc/signal.c); the rest of
// kill() is lib/c/os/signal/sigsend.c's, which calls in here through the
// hooks set below (plain hooks, no weak references: RISC-V's medany code
// cannot reach an undefined weak symbol).
#include <errno.h>
#include <proc.h>
#include <unistd.h>

#include "../internal/proc.h"
#include "../internal/signal.h"

static int kill_other(pid_t pid, int sig)
{
	long st = proc_process_kill(__libc_proc_ep(), pid, sig);
	return st ? __libc_proc_fail(st) : 0;
}

static int sigqueue_other(pid_t pid, int sig, uint64_t value)
{
	long st = proc_process_sigqueue(__libc_proc_ep(), pid, sig, value);
	return st ? (__libc_proc_fail(st), errno) : 0;
}

/* The server is the one to know: it sends SIGCHLD and keeps zombies. */
static void sigchld_action(int caught, int nocldstop, int nocldwait)
{
	proc_process_child_signals(__libc_proc_ep(), caught, nocldstop, nocldwait);
}

void __libc_proc_hook_signals(void)
{
	__libc_kill_other = kill_other;
	__libc_sigqueue_other = sigqueue_other;
	__libc_sigchld_action = sigchld_action;
	__libc_proc_hook_limits();
	pid_t pid = getpid();
	if (pid > 0)
		__libc_pid = pid;
}
