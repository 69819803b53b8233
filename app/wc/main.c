// SPDX-License-Identifier: BSD-2-Clause
// wc [-c|-m] [-lw] [file...]: newlines, words and bytes (-m: characters, the
// same in the C locale) of each file and, with several, the total. The
// columns are as wide as GNU's: one count of one file unpadded, otherwise
// as wide as the total size of the files (7 when one is not a regular
// file).
#include "../lib/util.h"
#include <ctype.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
	long lines, words, bytes;
};

static int count_fd(int fd, struct counts *c)
{
	char buf[65536];
	bool in_word = false;
	for (;;) {
		ssize_t r = read(fd, buf, sizeof(buf));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return (int)r;
		c->bytes += r;
		for (ssize_t k = 0; k < r; k++) {
			unsigned char ch = (unsigned char)buf[k];
			c->lines += ch == '\n';
			bool space = isspace(ch);
			if (!space && !in_word)
				c->words++;
			in_word = !space;
		}
	}
}

static bool show_l, show_w, show_c;
static int width;

static void print(const struct counts *c, const char *name)
{
	const char *sep = "";
	if (show_l) {
		printf("%*ld", width, c->lines);
		sep = " ";
	}
	if (show_w) {
		printf("%s%*ld", sep, width, c->words);
		sep = " ";
	}
	if (show_c)
		printf("%s%*ld", sep, width, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	util_init(argv, "wc");
	int c;
	while ((c = getopt(argc, argv, "clmw")) != -1) {
		if (c == 'c' || c == 'm')
			show_c = true;
		else if (c == 'l')
			show_l = true;
		else if (c == 'w')
			show_w = true;
		else
			util_usage("[-c|-m] [-lw] [file...]");
	}
	if (!show_l && !show_w && !show_c)
		show_l = show_w = show_c = true;
	int nfiles = argc - optind;
	static char *dash[] = { "-", NULL };
	char **files = nfiles ? argv + optind : dash;
	/* GNU's column width, from what stat says before reading. */
	long total_size = 0;
	bool all_regular = true;
	for (int k = 0; files[k]; k++) {
		struct stat st;
		bool is_stdin = files[k][0] == '-' && !files[k][1];
		if (is_stdin ? fstat(0, &st) : stat(files[k], &st))
			continue;
		if (S_ISREG(st.st_mode))
			total_size += st.st_size;
		else
			all_regular = false;
	}
	width = 1;
	if ((show_l + show_w + show_c > 1) || nfiles > 1) {
		for (long v = total_size; v >= 10; v /= 10)
			width++;
		if (!all_regular && width < 7)
			width = 7;
	}
	struct counts total = { 0, 0, 0 };
	int status = 0;
	for (int k = 0; files[k]; k++) {
		int fd = util_open_in(files[k]);
		if (fd < 0) {
			status = 1;
			continue;
		}
		struct counts one = { 0, 0, 0 };
		if (count_fd(fd, &one) < 0) {
			util_warn(files[k]);
			status = 1;
		}
		util_close_in(fd);
		print(&one, nfiles ? files[k] : NULL);
		total.lines += one.lines;
		total.words += one.words;
		total.bytes += one.bytes;
	}
	if (nfiles > 1)
		print(&total, "total");
	return util_finish(status);
}
