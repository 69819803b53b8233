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

#define MAXSIG 65 /* above the last signal, ours (63) and the host's (64) */

static char *traps[MAXSIG]; /* action, NULL: default */
static int ignored_at_entry[MAXSIG];
static int shell_ignores[MAXSIG]; /* by the shell itself (interactive, job control) */
static volatile sig_atomic_t pending[MAXSIG];
volatile int sig_pending;

/* A number, EXIT, or a name in any case with or without SIG (RTMIN+1 too):
 * the C library's names (sig2str), shared with the kill utility. */
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
	char name[SIG2STR_MAX];
	size_t n = 0;
	for (; s[n] && n + 1 < sizeof name; n++)
		name[n] = (char)toupper((unsigned char)s[n]);
	name[n] = 0;
	int sig;
	return s[n] || isdigit((unsigned char)*name) || str2sig(name, &sig) ? -1 : sig;
}

const char *sig_name(int sig)
{
	static char name[SIG2STR_MAX];
	if (sig == 0)
		return "EXIT";
	return sig2str(sig, name) ? "?" : name;
}

/* Every name, 16 to a line (kill -l, trap -l). */
void sig_list(void)
{
	int k = 0;
	for (int sig = 1; sig < MAXSIG; sig++) {
		char name[SIG2STR_MAX];
		if (sig2str(sig, name))
			continue;
		if (k)
			putchar(k % 16 ? ' ' : '\n');
		fputs(name, stdout);
		k++;
	}
	putchar('\n');
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
