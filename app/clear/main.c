// SPDX-License-Identifier: BSD-2-Clause
// clear: clears the terminal with the ANSI (ECMA-48) sequences every
// terminal Verdigris drives understands: cursor home, erase the display
// and the scroll-back.
#include "../lib/util.h"
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "clear");
	if (argc > 1) {
		util_warnx("extra operand '%s'", argv[1]);
		return 1;
	}
	static const char seq[] = "\033[H\033[2J\033[3J";
	if (util_write_all(STDOUT_FILENO, seq, sizeof(seq) - 1)) {
		util_warn("write error");
		return 1;
	}
	return 0;
}
