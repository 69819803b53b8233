// SPDX-License-Identifier: BSD-2-Clause
// cat [-u] [file...]: the files (standard input for none or "-") one after
// another. Output is never buffered, so -u changes nothing.
#include "../lib/util.h"
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "cat");
	int c;
	while ((c = getopt(argc, argv, "u")) != -1)
		if (c != 'u')
			util_usage("[-u] [file...]");
	static char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	int status = 0;
	for (; *files; files++) {
		int fd = util_open_in(*files);
		if (fd < 0) {
			status = 1;
			continue;
		}
		if (util_copy_fd(fd, STDOUT_FILENO)) {
			util_warn(*files);
			status = 1;
		}
		util_close_in(fd);
	}
	return status;
}
