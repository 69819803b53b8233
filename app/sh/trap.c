// SPDX-License-Identifier: BSD-2-Clause
// Signals: names and numbers, the shell's own dispositions (an interactive
// shell ignores ^C and, with job control, ^Z and background-tty stops),
// and traps, which run between commands.
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sh.h"

static const struct {
	const char *name;
	int sig;
} signames[] = {
	{ "HUP", SIGHUP },	 { "INT", SIGINT },   { "QUIT", SIGQUIT },   { "ILL", SIGILL },
	{ "TRAP", SIGTRAP },	 { "ABRT", SIGABRT }, { "BUS", SIGBUS },     { "FPE", SIGFPE },
	{ "KILL", SIGKILL },	 { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV },   { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE },	 { "ALRM", SIGALRM }, { "TERM", SIGTERM },   { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT },	 { "STOP", SIGSTOP }, { "TSTP", SIGTSTP },   { "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU },	 { "URG", SIGURG },   { "XCPU", SIGXCPU },   { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "WINCH", SIGWINCH }, { "SYS", SIGSYS },
};
#define NSIGNAMES (sizeof signames / sizeof signames[0])
#define MAXSIG 65

static char *traps[MAXSIG]; /* action, NULL: default */
static int ignored_at_entry[MAXSIG];
static int shell_ignores[MAXSIG]; /* by the shell itself (interactive, job control) */
static volatile sig_atomic_t pending[MAXSIG];
volatile int sig_pending;

/* The real-time signals as bash names them: RTMIN, RTMIN+n, RTMAX,
 * RTMAX-n (kill -s RTMIN+1). */
static int rt_sig_from_name(const char *s)
{
	int base, dir;
	if (!strncasecmp(s, "RTMIN", 5)) {
		base = SIGRTMIN;
		dir = 1;
	} else if (!strncasecmp(s, "RTMAX", 5)) {
		base = SIGRTMAX;
		dir = -1;
	} else {
		return -1;
	}
	s += 5;
	if (!*s)
		return base;
	if (*s != (dir > 0 ? '+' : '-') || !isdigit((unsigned char)s[1]))
		return -1;
	char *end;
	long n = strtol(s + 1, &end, 10);
	if (*end || n > SIGRTMAX - SIGRTMIN)
		return -1;
	return base + dir * (int)n;
}

int sig_from_name(const char *s)
{
	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);
		return *end || n < 0 || n >= MAXSIG ? -1 : (int)n;
	}
	if (!strcasecmp(s, "EXIT"))
		return 0;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < NSIGNAMES; i++)
		if (!strcasecmp(s, signames[i].name))
			return signames[i].sig;
	return rt_sig_from_name(s);
}

const char *sig_name(int sig)
{
	if (sig == 0)
		return "EXIT";
	for (size_t i = 0; i < NSIGNAMES; i++)
		if (signames[i].sig == sig)
			return signames[i].name;
	return "?";
}

void sig_list(void)
{
	for (size_t i = 0; i < NSIGNAMES; i++)
		printf("%s%c", signames[i].name, i + 1 == NSIGNAMES ? '\n' : ' ');
}

static void on_signal(int sig)
{
	pending[sig] = 1;
	sig_pending = 1;
}

static void set_disposition(int sig, void (*h)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void signals_init(void)
{
	for (int s = 1; s < MAXSIG; s++) {
		struct sigaction old;
		if (sigaction(s, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			ignored_at_entry[s] = 1;
	}
	if (sh.interactive) {
		shell_ignores[SIGINT] = shell_ignores[SIGQUIT] = shell_ignores[SIGTERM] = 1;
		if (sh.jobctl)
			shell_ignores[SIGTSTP] = shell_ignores[SIGTTIN] = shell_ignores[SIGTTOU] =
				1;
	}
	for (int s = 1; s < MAXSIG; s++)
		if (shell_ignores[s])
			set_disposition(s, SIG_IGN);
}

void sig_child_defaults(sigset_t *set)
{
	sigemptyset(set);
	for (int s = 1; s < MAXSIG; s++)
		if (shell_ignores[s] && !ignored_at_entry[s] && !(traps[s] && !*traps[s]))
			sigaddset(set, s);
}

int trap_set(const char *action, const char *spec)
{
	int sig = sig_from_name(spec);
	if (sig < 0) {
		sh_error("trap: %s: bad trap", spec);
		return 1;
	}
	if (sig == SIGKILL || sig == SIGSTOP)
		return 0;
	if (sig > 0 && ignored_at_entry[sig] && !sh.interactive)
		return 0; /* POSIX: signals ignored on entry stay ignored */
	free(traps[sig]);
	traps[sig] = action ? xstrdup(action) : NULL;
	if (sig == 0)
		return 0;
	if (!action)
		set_disposition(sig, shell_ignores[sig] ? SIG_IGN : SIG_DFL);
	else if (!*action)
		set_disposition(sig, SIG_IGN);
	else
		set_disposition(sig, on_signal);
	return 0;
}

void trap_print(void)
{
	for (int s = 0; s < MAXSIG; s++) {
		if (!traps[s])
			continue;
		printf("trap -- '");
		for (const char *p = traps[s]; *p; p++)
			fputs(*p == '\'' ? "'\\''" : (char[]){ *p, 0 }, stdout);
		printf("' %s\n", sig_name(s));
	}
}

void traps_run(void)
{
	static int running;
	if (running)
		return;
	running = 1;
	sig_pending = 0;
	for (int s = 1; s < MAXSIG; s++) {
		if (!pending[s])
			continue;
		pending[s] = 0;
		if (traps[s] && *traps[s]) {
			int saved = sh.status;
			char *action = xstrdup(traps[s]);
			exec_string(action);
			free(action);
			sh.status = saved;
		}
	}
	running = 0;
}

int trap_exit_set(void)
{
	return traps[0] != NULL;
}

void trap_exit_run(void)
{
	if (!traps[0])
		return;
	char *action = traps[0];
	traps[0] = NULL;
	exec_string(action);
	free(action);
}

void traps_reset_in_child(void)
{
	for (int s = 0; s < MAXSIG; s++) {
		if (traps[s] && *traps[s]) {
			free(traps[s]);
			traps[s] = NULL;
			if (s)
				set_disposition(s, SIG_DFL);
		}
	}
	for (int s = 1; s < MAXSIG; s++)
		if (shell_ignores[s] && !ignored_at_entry[s] && !(traps[s] && !*traps[s])) {
			set_disposition(s, SIG_DFL);
			shell_ignores[s] = 0;
		}
}
