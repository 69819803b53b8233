// SPDX-License-Identifier: BSD-2-Clause
// kill -s signal pid..., kill -signal pid..., kill pid..., kill -l
// [status]: sends a signal (TERM by default), named without "SIG" or by
// number, to processes (a negative pid is a process group); -l lists the
// names, or names the signal of an exit status above 128.
#include "../lib/util.h"
#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A name in any case, with or without SIG (RTMIN+2 and RTMAX-1 too: the C
 * library's names, sig2str's, the shell's too), or a number; -1 if neither. */
static int parse_signal(const char *s)
{
	long v;
	if (util_parse_long(s, &v))
		return v >= 0 && v < 128 ? (int)v : -1;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	char name[SIG2STR_MAX];
	size_t n = strlen(s);
	if (n >= sizeof(name) || isdigit((unsigned char)*s))
		return -1;
	for (size_t k = 0; k <= n; k++)
		name[k] = (char)toupper((unsigned char)s[k]);
	int sig;
	return str2sig(name, &sig) ? -1 : sig;
}

/* kill -l: every name, 16 to a line. */
static void list_all(void)
{
	char name[SIG2STR_MAX];
	int shown = 0;
	for (int sig = 1; sig < 128; sig++) {
		if (sig2str(sig, name) == 0) {
			printf("%s%s", shown == 0 ? "" : shown % 16 ? " " : "\n", name);
			shown++;
		}
	}
	putchar('\n');
}

/* kill -l operand: a signal number, or an exit status above 128 (130 is
 * INT, as POSIX says), gives the name; a name gives the number. */
static int list(int argc, char **argv, int i)
{
	if (i == argc) {
		list_all();
		return util_finish(0);
	}
	int status = 0;
	for (; i < argc; i++) {
		long v;
		char name[SIG2STR_MAX];
		if (util_parse_long(argv[i], &v)) {
			if (v > 128)
				v -= 128;
			if (v > 0 && v < 128 && sig2str((int)v, name) == 0) {
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
