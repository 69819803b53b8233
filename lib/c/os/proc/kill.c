// SPDX-License-Identifier: BSD-2-Clause
// kill: the process server sends the signal (<signal.h> declares it).
#include <proc.h>
#include <sys/types.h>

#include "../internal/proc.h"

int kill(pid_t pid, int sig);

int kill(pid_t pid, int sig)
{
	long st = proc_process_kill(__libc_proc_ep(), pid, sig);
	return st ? __libc_proc_fail(st) : 0;
}
