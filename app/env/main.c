// SPDX-License-Identifier: BSD-2-Clause
// env [-i] [-u name] [name=value...] [utility [argument...]]: runs utility
// with the environment changed, or prints the environment. Status 126 if
// the utility was found but could not run, 127 if it was not found.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	util_init(argv, "env");
	int c;
	while ((c = getopt(argc, argv, "iu:")) != -1) {
		if (c == 'i') {
			static char *empty[] = { NULL };
			environ = empty;
		} else if (c == 'u') {
			if (unsetenv(optarg)) {
				util_warn(optarg);
				return 125;
			}
		} else {
			fprintf(stderr,
				"env: usage: env [-i] [-u name] [name=value...] [utility "
				"[arg...]]\n");
			return 125;
		}
	}
	/* POSIX's obsolescent "-" alone also means -i. */
	if (optind < argc && !strcmp(argv[optind], "-")) {
		static char *empty[] = { NULL };
		environ = empty;
		optind++;
	}
	for (; optind < argc && strchr(argv[optind], '='); optind++) {
		char *eq = strchr(argv[optind], '=');
		*eq = 0;
		if (setenv(argv[optind], eq + 1, 1)) {
			*eq = '=';
			util_warn(argv[optind]);
			return 125;
		}
	}
	if (optind == argc) {
		for (char **e = environ; *e; e++)
			puts(*e);
		return util_finish(0);
	}
	execvp(argv[optind], argv + optind);
	int err = errno;
	util_warn(argv[optind]);
	return err == ENOENT ? 127 : 126;
}
