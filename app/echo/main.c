// SPDX-License-Identifier: BSD-2-Clause
// echo [-n] [string...]: the arguments separated by spaces, then a newline
// (not with -n). Backslashes are printed as they are (POSIX leaves them
// to the implementation; printf is the portable way to get escapes).
#include "../lib/util.h"
#include <string.h>

int main(int argc, char **argv)
{
	util_init(argv, "echo");
	int i = 1;
	bool newline = true;
	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		i++;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return util_finish(0);
}
