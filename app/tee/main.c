// SPDX-License-Identifier: BSD-2-Clause
// tee [-ai] [file...]: copies standard input to standard output and to each
// file (-a appends rather than truncates; -i ignores SIGINT). A file that
// cannot be opened or written is reported and the copy goes on.
#include "../lib/util.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "tee");
	int flags = O_WRONLY | O_CREAT | O_TRUNC, c;
	while ((c = getopt(argc, argv, "ai")) != -1) {
		if (c == 'a')
			flags = O_WRONLY | O_CREAT | O_APPEND;
		else if (c == 'i')
			signal(SIGINT, SIG_IGN);
		else
			util_usage("[-ai] [file...]");
	}
	int n = argc - optind, status = 0;
	int *fds = calloc((size_t)n + 1, sizeof(int));
	if (!fds) {
		util_warn("memory");
		return 1;
	}
	fds[0] = STDOUT_FILENO;
	for (int k = 0; k < n; k++) {
		fds[k + 1] = open(argv[optind + k], flags, 0666);
		if (fds[k + 1] < 0) {
			util_warn(argv[optind + k]);
			status = 1;
		}
	}
	char buf[65536];
	for (;;) {
		ssize_t r = read(STDIN_FILENO, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			util_warn("standard input");
			status = 1;
		}
		if (r <= 0)
			break;
		for (int k = 0; k <= n; k++) {
			if (fds[k] >= 0 && util_write_all(fds[k], buf, (size_t)r)) {
				util_warn(k ? argv[optind + k - 1] : "standard output");
				fds[k] = -1;
				status = 1;
			}
		}
	}
	for (int k = 1; k <= n; k++)
		if (fds[k] >= 0 && close(fds[k])) {
			util_warn(argv[optind + k - 1]);
			status = 1;
		}
	free(fds);
	return status;
}
