// SPDX-License-Identifier: BSD-2-Clause
// mktemp [-dqu] [-p dir] [template]: creates a new file (mode 0600) or,
// with -d, directory (0700) whose name is template with its trailing X's
// (at least three) replaced by random letters and digits, and prints the
// name. Without a template: tmp.XXXXXXXXXX in $TMPDIR or /tmp. With -p
// (or no template) the name is made inside dir ($TMPDIR or /tmp if dir
// is empty). -q: no message on failure; -u: create nothing, print only.
#include "../lib/util.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Random bytes from /dev/urandom, or (if there is none) from the clock
 * and the pid: the exclusive create makes any guess safe, only slower. */
static void random_bytes(unsigned char *out, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY);
	if (fd >= 0 && read(fd, out, n) == (ssize_t)n) {
		close(fd);
		return;
	}
	if (fd >= 0)
		close(fd);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	unsigned long x = (unsigned long)ts.tv_nsec * 2654435761u ^ (unsigned long)ts.tv_sec ^
		(unsigned long)getpid() << 16;
	for (size_t k = 0; k < n; k++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		out[k] = (unsigned char)x;
	}
}

static void fill(char *x, size_t n)
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char r[64];
	random_bytes(r, n < sizeof(r) ? n : sizeof(r));
	for (size_t k = 0; k < n; k++)
		x[k] = set[r[k % sizeof(r)] % (sizeof(set) - 1)];
}

int main(int argc, char **argv)
{
	util_init(argv, "mktemp");
	bool dir = false, quiet = false, dry = false;
	const char *in = NULL;
	int c;
	while ((c = getopt(argc, argv, "dqup:")) != -1) {
		if (c == 'd')
			dir = true;
		else if (c == 'q')
			quiet = true;
		else if (c == 'u')
			dry = true;
		else if (c == 'p')
			in = optarg;
		else
			util_usage_status("[-dqu] [-p dir] [template]", 1);
	}
	if (argc - optind > 1) {
		util_warnx("too many templates");
		return 1;
	}
	const char *template = optind < argc ? argv[optind] : NULL;
	if (!template || in) {
		if (!in || !*in)
			in = getenv("TMPDIR");
		if (!in || !*in)
			in = "/tmp";
	}
	if (!template)
		template = "tmp.XXXXXXXXXX";
	if (in && strchr(template, '/')) {
		util_warnx("invalid template, '%s', contains directory separator", template);
		return 1;
	}
	size_t len = (in ? strlen(in) + 1 : 0) + strlen(template);
	char *path = malloc(len + 1);
	if (!path)
		return 1;
	snprintf(path, len + 1, "%s%s%s", in ? in : "", in ? "/" : "", template);
	size_t xs = 0;
	while (xs < len && path[len - 1 - xs] == 'X')
		xs++;
	if (xs < 3) {
		util_warnx("too few X's in template '%s'", template);
		return 1;
	}
	for (int tries = 0; tries < 100; tries++) {
		fill(path + len - xs, xs);
		int r;
		if (dry) {
			struct stat st;
			r = lstat(path, &st) == 0 ? -1 : 0;
			errno = r ? EEXIST : errno;
		} else if (dir) {
			r = mkdir(path, 0700);
		} else {
			r = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
			if (r >= 0)
				r = close(r);
		}
		if (r == 0) {
			puts(path);
			free(path);
			return util_finish(0);
		}
		if (errno != EEXIST)
			break;
	}
	if (!quiet)
		fprintf(stderr, "%s: failed to create %s via template '%s': %s\n", util_name,
			dir ? "directory" : "file", template, strerror(errno));
	free(path);
	return 1;
}
