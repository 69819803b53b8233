// SPDX-License-Identifier: BSD-2-Clause
// hexdump [-C] [file...]: the bytes of the files (one stream) in hex.
// By default as two-byte little-endian words, eight to a line after a
// 7-digit offset; -C canonically: an 8-digit offset, sixteen bytes in two
// groups and the printable ones between bars. Repeated lines are shown as
// one "*". The last line is the length.
#include "../lib/util.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

static bool canonical;

static void print_line(long off, const unsigned char *b, size_t n)
{
	if (canonical) {
		printf("%08lx ", off);
		for (size_t k = 0; k < 16; k++) {
			if (k == 8)
				putchar(' ');
			if (k < n)
				printf(" %02x", b[k]);
			else
				printf("   ");
		}
		printf("  |");
		for (size_t k = 0; k < n; k++)
			putchar(b[k] >= 0x20 && b[k] < 0x7f ? b[k] : '.');
		printf("|\n");
		return;
	}
	printf("%07lx", off);
	for (size_t k = 0; k < n; k += 2)
		printf(" %04x", b[k] | (k + 1 < n ? b[k + 1] << 8 : 0));
	putchar('\n');
}

int main(int argc, char **argv)
{
	util_init(argv, "hexdump");
	int c;
	while ((c = getopt(argc, argv, "C")) != -1) {
		if (c == 'C')
			canonical = true;
		else
			util_usage("[-C] [file...]");
	}
	static char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	unsigned char line[16], prev[16];
	size_t fill = 0;
	long off = 0;
	bool have_prev = false, starred = false;
	int status = 0;
	for (; *files; files++) {
		int fd = util_open_in(*files);
		if (fd < 0) {
			status = 1;
			continue;
		}
		for (;;) {
			ssize_t r = read(fd, line + fill, sizeof(line) - fill);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				util_warn(*files);
				status = 1;
			}
			if (r <= 0)
				break;
			fill += (size_t)r;
			if (fill < sizeof(line))
				continue;
			if (have_prev && !memcmp(line, prev, sizeof(line))) {
				if (!starred)
					puts("*");
				starred = true;
			} else {
				print_line(off, line, fill);
				starred = false;
			}
			memcpy(prev, line, sizeof(line));
			have_prev = true;
			off += (long)fill;
			fill = 0;
		}
		util_close_in(fd);
	}
	if (fill) {
		print_line(off, line, fill);
		off += (long)fill;
	}
	if (off || have_prev)
		printf(canonical ? "%08lx\n" : "%07lx\n", off);
	return util_finish(status);
}
