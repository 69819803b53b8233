// SPDX-License-Identifier: BSD-2-Clause
// head [-n lines | -c bytes] [file...]: the first lines (10) or bytes of
// each file, with a "==> file <==" header before each when there are
// several.
#include "../lib/util.h"
#include <errno.h>
#include <unistd.h>

static int head_fd(int fd, long count, bool bytes)
{
	char buf[65536];
	while (count > 0) {
		ssize_t r = read(fd, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		size_t take = 0;
		if (bytes) {
			take = (size_t)r < (size_t)count ? (size_t)r : (size_t)count;
			count -= (long)take;
		} else {
			while (take < (size_t)r && count > 0)
				if (buf[take++] == '\n')
					count--;
		}
		fwrite(buf, 1, take, stdout);
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argv, "head");
	long count = 10;
	bool bytes = false;
	int c;
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
		if ((c == 'n' || c == 'c') && util_parse_long(optarg, &count) && count >= 0) {
			bytes = c == 'c';
			continue;
		}
		if (c == 'n' || c == 'c')
			util_warnx("invalid number of %s: '%s'", c == 'n' ? "lines" : "bytes",
				   optarg);
		util_usage("[-n lines | -c bytes] [file...]");
	}
	static char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	bool headers = argc - optind > 1;
	int status = 0;
	for (int k = 0; files[k]; k++) {
		int fd = util_open_in(files[k]);
		if (fd < 0) {
			status = 1;
			continue;
		}
		if (headers)
			printf("%s==> %s <==\n", k ? "\n" : "",
			       files[k][0] == '-' && !files[k][1] ? "standard input" : files[k]);
		if (head_fd(fd, count, bytes) < 0) {
			util_warn(files[k]);
			status = 1;
		}
		util_close_in(fd);
	}
	return util_finish(status);
}
