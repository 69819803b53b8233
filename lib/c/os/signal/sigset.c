// SPDX-License-Identifier: BSD-2-Clause
// Signal sets: bit n of a sigset_t is signal n.
#include <errno.h>
#include <signal.h>

static int bad(int sig)
{
	if (sig > 0 && sig < NSIG)
		return 0;
	errno = EINVAL;
	return 1;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)1; /* 1 to NSIG - 1 */
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	*set |= (sigset_t)1 << sig;
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	*set &= ~((sigset_t)1 << sig);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad(sig))
		return -1;
	return (int)((*set >> sig) & 1);
}
