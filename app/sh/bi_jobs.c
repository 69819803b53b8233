// SPDX-License-Identifier: BSD-2-Clause
// Job builtins: jobs, fg, bg, wait and kill.
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

int bi_jobs(int argc, char **argv)
{
	jobs_list(argc, argv);
	return 0;
}

int bi_fg(int argc, char **argv)
{
	if (!sh.jobctl) {
		sh_error("fg: no job control");
		return 1;
	}
	return jobs_fg(argc > 1 ? argv[1] : NULL, 1);
}

int bi_bg(int argc, char **argv)
{
	if (!sh.jobctl) {
		sh_error("bg: no job control");
		return 1;
	}
	int st = 0;
	if (argc < 2)
		return jobs_fg(NULL, 0);
	for (int i = 1; i < argc; i++)
		st |= jobs_fg(argv[i], 0);
	return st;
}

int bi_wait(int argc, char **argv)
{
	if (argc < 2)
		return jobs_wait_all();
	int st = 0;
	for (int i = 1; i < argc; i++)
		st = jobs_wait(argv[i]);
	return st;
}

/* kill -l: every name; or, for each operand, the name of a signal number
 * or of the signal of an exit status above 128 (kill -l 130: INT), or the
 * number of a name. */
static int kill_list(int argc, char **argv)
{
	if (argc < 3) {
		sig_list();
		return 0;
	}
	int st = 0;
	for (int i = 2; i < argc; i++) {
		char *end;
		long n = strtol(argv[i], &end, 10);
		int sig = sig_from_name(argv[i]);
		if (isdigit((unsigned char)*argv[i]) && !*end) {
			n = n > 128 ? n - 128 : n;
			if (n > 0 && n < 128 && strcmp(sig_name((int)n), "?")) {
				printf("%s\n", sig_name((int)n));
				continue;
			}
		} else if (sig > 0) {
			printf("%d\n", sig);
			continue;
		}
		sh_error("kill: %s: invalid signal specification", argv[i]);
		st = 1;
	}
	return st;
}

int bi_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;
	if (argc < 2) {
		sh_error("kill: usage: kill [-s sigspec | -signum] pid | %%job ... or kill -l");
		return 2;
	}
	if (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L"))
		return kill_list(argc, argv);
	if (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n")) {
		if (argc < 3 || (sig = sig_from_name(argv[2])) < 0) {
			sh_error("kill: %s: invalid signal", argc < 3 ? "" : argv[2]);
			return 2;
		}
		i = 3;
	} else if (argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "--")) {
		if ((sig = sig_from_name(argv[1] + 1)) < 0) {
			sh_error("kill: %s: invalid signal", argv[1] + 1);
			return 2;
		}
		i = 2;
	} else if (!strcmp(argv[1], "--"))
		i = 2;
	int st = 0;
	for (; i < argc; i++) {
		pid_t pid;
		int stopped = 0;
		if (argv[i][0] == '%') {
			pid = jobs_spec_pgid(argv[i], &stopped);
			if (!pid) {
				sh_error("kill: %s: no such job", argv[i]);
				st = 1;
				continue;
			}
			pid = -pid;
		} else {
			char *end;
			pid = (pid_t)strtol(argv[i], &end, 10);
			if (*end || !*argv[i]) {
				sh_error("kill: %s: arguments must be process or job IDs", argv[i]);
				st = 1;
				continue;
			}
		}
		if (kill(pid, sig) < 0) {
			sh_error("kill: %s: %s", argv[i], strerror(errno));
			st = 1;
		} else if (stopped && sig != SIGKILL && sig != SIGCONT) {
			/* A stopped job acts on the signal only once it runs
			 * again (as bash and zsh do: kill %1 ends a stopped job). */
			kill(pid, SIGCONT);
		}
	}
	return st;
}
