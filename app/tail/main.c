// SPDX-License-Identifier: BSD-2-Clause
// tail [-f] [-n [+]lines | -c [+]bytes] [file]: the last lines (10) or
// bytes of a file, or with "+" everything from that line or byte on
// (counting from 1). The input is read whole, so pipes work like files.
// -f: then what is appended to the file, checked every quarter of a second,
// until killed; a file that shrinks was truncated and is read again from
// its start. -f on a pipe is ignored (as POSIX allows and GNU does).
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define USAGE "[-f] [-n [+]lines | -c [+]bytes] [file]"

/* Copies what is appended to fd (open on a regular file, at its end) to
 * standard output, for ever or until it cannot. */
static int follow(int fd, const char *name)
{
	char buf[4096];
	const struct timespec pause = { 0, 250000000 };
	for (;;) {
		ssize_t r = read(fd, buf, sizeof(buf));
		if (r < 0 && errno != EINTR) {
			util_warn(name);
			return 1;
		}
		if (r > 0) {
			if (util_write_all(1, buf, (size_t)r)) {
				util_warn("write error");
				return 1;
			}
			continue;
		}
		struct stat st;
		off_t at = lseek(fd, 0, SEEK_CUR);
		if (fstat(fd, &st) == 0 && at > st.st_size) {
			util_warnx("%s: file truncated", name);
			lseek(fd, 0, SEEK_SET);
			continue;
		}
		nanosleep(&pause, NULL);
	}
}

static char *read_all(int fd, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (!buf)
			return NULL;
		if (n == cap) {
			char *b = realloc(buf, cap *= 2);
			if (!b) {
				free(buf);
				return NULL;
			}
			buf = b;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	util_init(argv, "tail");
	long count = 10;
	bool bytes = false, from_start = false, follows = false;
	int c;
	while ((c = getopt(argc, argv, "fn:c:")) != -1) {
		if (c == 'f') {
			follows = true;
			continue;
		}
		if (c == 'n' || c == 'c') {
			const char *s = optarg;
			from_start = s[0] == '+';
			if ((s[0] == '+' || s[0] == '-') && s[1] != '-' && s[1] != '+')
				s++;
			if (util_parse_long(s, &count) && count >= 0) {
				bytes = c == 'c';
				continue;
			}
			util_warnx("invalid number of %s: '%s'", c == 'n' ? "lines" : "bytes",
				   optarg);
		}
		util_usage(USAGE);
	}
	if (argc - optind > 1)
		util_usage(USAGE);
	const char *name = optind < argc ? argv[optind] : "-";
	int fd = util_open_in(name);
	if (fd < 0)
		return 1;
	size_t len;
	char *buf = read_all(fd, &len);
	struct stat st;
	follows = follows && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	if (!follows)
		util_close_in(fd);
	if (!buf) {
		util_warn(name);
		return 1;
	}
	size_t start;
	if (bytes) {
		if (from_start)
			start = count > 0 && (size_t)count - 1 < len ? (size_t)count - 1
								     : (count ? len : 0);
		else
			start = (size_t)count < len ? len - (size_t)count : 0;
	} else if (from_start) {
		/* after count - 1 newlines */
		start = 0;
		for (long k = 1; k < count && start < len; start++)
			if (buf[start] == '\n')
				k++;
	} else {
		/* back from the end over count newlines (a last line without
		 * one counts too) */
		start = len;
		long seen = 0;
		if (start > 0 && buf[start - 1] == '\n')
			start--;
		while (start > 0) {
			if (buf[start - 1] == '\n' && ++seen == count)
				break;
			start--;
		}
		if (count == 0)
			start = len;
	}
	fwrite(buf + start, 1, len - start, stdout);
	free(buf);
	if (follows) {
		if (util_finish(0))
			return 1;
		return follow(fd, name);
	}
	return util_finish(0);
}
