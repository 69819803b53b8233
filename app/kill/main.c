// SPDX-License-Identifier: BSD-2-Clause
// kill -s signal pid..., kill -signal pid..., kill pid..., kill -l
// [status]: sends a signal (TERM by default), named without "SIG" or by
// number, to processes (a negative pid is a process group); -l lists the
// names, or names the signal of an exit status above 128.
#include "../lib/util.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	int sig;
} signals[] = {
	{ "HUP", SIGHUP },	 { "INT", SIGINT },   { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP },	 { "ABRT", SIGABRT }, { "BUS", SIGBUS },   { "FPE", SIGFPE },
	{ "KILL", SIGKILL },	 { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE },	 { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT },	 { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU },	 { "URG", SIGURG },   { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ },
	{ "VTALRM", SIGVTALRM }, { "PROF", SIGPROF }, { "SYS", SIGSYS },
};
#define NSIGNALS (int)(sizeof(signals) / sizeof(signals[0]))

/* A name (with or without SIG, any case) or a number; -1 if neither. */
static int parse_signal(const char *s)
{
	long v;
	if (util_parse_long(s, &v))
		return v >= 0 && v < 128 ? (int)v : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int k = 0; k < NSIGNALS; k++)
		if (!strcasecmp(s, signals[k].name))
			return signals[k].sig;
	return -1;
}

static const char *signal_name(int sig)
{
	for (int k = 0; k < NSIGNALS; k++)
		if (signals[k].sig == sig)
			return signals[k].name;
	return NULL;
}

static int list(int argc, char **argv, int i)
{
	if (i == argc) {
		for (int k = 0; k < NSIGNALS; k++)
			printf("%s%c", signals[k].name, k + 1 < NSIGNALS ? ' ' : '\n');
		return util_finish(0);
	}
	int status = 0;
	for (; i < argc; i++) {
		long v;
		const char *name = NULL;
		if (util_parse_long(argv[i], &v)) {
			name = signal_name(v > 128 ? (int)(v - 128) : (int)v);
			if (name) {
				puts(name);
				continue;
			}
		} else {
			int sig = parse_signal(argv[i]);
			if (sig > 0) {
				printf("%d\n", sig);
				continue;
			}
		}
		util_warnx("%s: invalid signal specification", argv[i]);
		status = 1;
	}
	return util_finish(status);
}

int main(int argc, char **argv)
{
	util_init(argv, "kill");
	int sig = SIGTERM, i = 1;
	if (i < argc && (!strcmp(argv[i], "-l") || !strcmp(argv[i], "-L")))
		return list(argc, argv, i + 1);
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 >= argc)
			util_usage("[-s signal | -signal] pid... | -l [status]");
		sig = parse_signal(argv[i + 1]);
		if (sig < 0) {
			util_warnx("%s: invalid signal specification", argv[i + 1]);
			return 1;
		}
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		sig = parse_signal(argv[i] + 1);
		if (sig < 0) {
			util_warnx("%s: invalid signal specification", argv[i] + 1);
			return 1;
		}
		i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i == argc)
		util_usage("[-s signal | -signal] pid... | -l [status]");
	int status = 0;
	for (; i < argc; i++) {
		long pid;
		if (!util_parse_long(argv[i], &pid)) {
			util_warnx("%s: arguments must be process or job IDs", argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig)) {
			util_warn(argv[i]);
			status = 1;
		}
	}
	return status;
}
