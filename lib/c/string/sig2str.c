// SPDX-License-Identifier: BSD-2-Clause
// sig2str and str2sig (POSIX.1-2024 <signal.h>): a signal's name without
// "SIG" and back. The one table of names that kill, trap and the shell's
// job messages use. Real-time signals are RTMIN+n for the lower half of
// their range and RTMAX-n for the upper, as glibc and bash name them.
// Portable: the host builds of the shell and the utilities compile it
// against glibc's <signal.h> (tests/host/include/host_sig2str.h), where
// SIGRTMIN is a call, so no initializer uses it.
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const struct {
	char name[8];
	unsigned char sig;
} names[] = {
	{ "HUP", SIGHUP },
	{ "INT", SIGINT },
	{ "QUIT", SIGQUIT },
	{ "ILL", SIGILL },
	{ "TRAP", SIGTRAP },
	{ "ABRT", SIGABRT },
	{ "BUS", SIGBUS },
	{ "FPE", SIGFPE },
	{ "KILL", SIGKILL },
	{ "USR1", SIGUSR1 },
	{ "SEGV", SIGSEGV },
	{ "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE },
	{ "ALRM", SIGALRM },
	{ "TERM", SIGTERM },
	{ "STKFLT", SIGSTKFLT },
	{ "CHLD", SIGCHLD },
	{ "CONT", SIGCONT },
	{ "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP },
	{ "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU },
	{ "URG", SIGURG },
	{ "XCPU", SIGXCPU },
	{ "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM },
	{ "PROF", SIGPROF },
	{ "WINCH", SIGWINCH },
	{ "IO", SIGIO },
	{ "PWR", SIGPWR },
	{ "SYS", SIGSYS },
	/* Other names of the same signals: read, never written. */
	{ "IOT", SIGABRT },
	{ "POLL", SIGPOLL },
	{ "CLD", SIGCHLD },
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

int sig2str(int sig, char *str)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].sig == sig) {
			strcpy(str, names[i].name);
			return 0;
		}
	int min = SIGRTMIN, max = SIGRTMAX;
	if (sig < min || sig > max)
		return -1;
	if (sig == min)
		strcpy(str, "RTMIN");
	else if (sig == max)
		strcpy(str, "RTMAX");
	else if (sig - min <= (max - min) / 2)
		snprintf(str, SIG2STR_MAX, "RTMIN+%d", sig - min);
	else
		snprintf(str, SIG2STR_MAX, "RTMAX-%d", max - sig);
	return 0;
}

/* A decimal number no greater than max, all digits; -1 otherwise. */
static int small_number(const char *s, int max)
{
	int n = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > max)
			return -1;
	}
	return n;
}

int str2sig(const char *restrict str, int *restrict sig)
{
	char name[SIG2STR_MAX];
	int n = small_number(str, SIGRTMAX);
	if (n > 0 && sig2str(n, name) == 0) {
		*sig = n;
		return 0;
	}
	for (size_t i = 0; i < NNAMES; i++)
		if (!strcmp(str, names[i].name)) {
			*sig = names[i].sig;
			return 0;
		}
	int min = SIGRTMIN, max = SIGRTMAX;
	int up = !strncmp(str, "RTMIN", 5), down = !strncmp(str, "RTMAX", 5);
	if (!up && !down)
		return -1;
	str += 5;
	if (!*str) {
		*sig = up ? min : max;
		return 0;
	}
	if (*str != (up ? '+' : '-') || (n = small_number(str + 1, max - min)) < 0)
		return -1;
	*sig = up ? min + n : max - n;
	return 0;
}
