// SPDX-License-Identifier: BSD-2-Clause
// tail [-n [+]lines | -c [+]bytes] [file]: the last lines (10) or bytes of
// a file, or with "+" everything from that line or byte on (counting from
// 1). The input is read whole, so pipes work like files.
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	bool bytes = false, from_start = false;
	int c;
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
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
		util_usage("[-n [+]lines | -c [+]bytes] [file]");
	}
	if (argc - optind > 1)
		util_usage("[-n [+]lines | -c [+]bytes] [file]");
	const char *name = optind < argc ? argv[optind] : "-";
	int fd = util_open_in(name);
	if (fd < 0)
		return 1;
	size_t len;
	char *buf = read_all(fd, &len);
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
	return util_finish(0);
}
