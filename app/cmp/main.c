// SPDX-License-Identifier: BSD-2-Clause
// cmp [-l|-s] file1 [file2 [skip1 [skip2]]]: compares two files byte by
// byte ("-" or a missing file2 is standard input). Prints where the first
// difference is ("char N, line M", as POSIX says and GNU's in the C locale), -l every differing
// byte (offset, then both bytes in octal), -s nothing. Status 0 if the same, 1 if they differ (or
// one is shorter), 2 on trouble.
#include "../lib/util.h"
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FILE *open_in(const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f)
		util_warn(path);
	return f;
}

static bool skip_bytes(FILE *f, long n)
{
	while (n-- > 0)
		if (getc(f) == EOF)
			return !ferror(f);
	return true;
}

/* -l's offsets are as wide as the largest one can be (GNU's rule): the
 * smaller of the regular files' remaining sizes. */
static int offset_width(FILE *f[2], const long skip[2])
{
	intmax_t max = INTMAX_MAX;
	for (int k = 0; k < 2; k++) {
		struct stat st;
		if (fstat(fileno(f[k]), &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_size - skip[k] < max)
			max = st.st_size - skip[k];
	}
	int w = 1;
	while ((max /= 10) != 0)
		w++;
	return w;
}

int main(int argc, char **argv)
{
	util_init(argv, "cmp");
	bool list = false, silent = false;
	int c;
	while ((c = getopt(argc, argv, "ls")) != -1) {
		if (c == 'l')
			list = true;
		else if (c == 's')
			silent = true;
		else
			util_usage("[-l|-s] file1 [file2 [skip1 [skip2]]]");
	}
	int n = argc - optind;
	if (n < 1 || n > 4) {
		util_warnx(n < 1 ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		return 2;
	}
	if (list && silent) {
		util_warnx("options -l and -s are incompatible");
		return 2;
	}
	const char *name[2] = { argv[optind], n > 1 ? argv[optind + 1] : "-" };
	long skip[2] = { 0, 0 };
	for (int k = 0; k < 2 && k + 2 < n; k++)
		if (!util_parse_long(argv[optind + 2 + k], &skip[k]) || skip[k] < 0) {
			util_warnx("invalid skip '%s'", argv[optind + 2 + k]);
			return 2;
		}
	FILE *f[2] = { open_in(name[0]), NULL };
	f[1] = f[0] ? open_in(name[1]) : NULL;
	if (!f[0] || !f[1])
		return 2;
	for (int k = 0; k < 2; k++)
		if (!skip_bytes(f[k], skip[k])) {
			util_warn(name[k]);
			return 2;
		}
	int width = list ? offset_width(f, skip) : 0;
	intmax_t at = 0, lines = 0;
	int status = 0;
	for (;;) {
		int a = getc(f[0]), b = getc(f[1]);
		for (int k = 0; k < 2; k++)
			if (ferror(f[k])) {
				util_warn(name[k]);
				return 2;
			}
		if (a == EOF || b == EOF) {
			if (a == b)
				break;
			const char *shorter = name[a == EOF ? 0 : 1];
			if (silent) {
				/* nothing */
			} else if (!at)
				util_warnx("EOF on %s which is empty", shorter);
			else if (list)
				util_warnx("EOF on %s after byte %jd", shorter, at);
			else
				util_warnx("EOF on %s after byte %jd, line %jd", shorter, at,
					   lines);
			status = 1;
			break;
		}
		at++;
		if (a != b) {
			status = 1;
			if (!list) {
				if (!silent)
					printf("%s %s differ: char %jd, line %jd\n", name[0],
					       name[1], at, lines + 1);
				break;
			}
			printf("%*jd %3o %3o\n", width, at, a, b);
		}
		if (a == '\n')
			lines++;
	}
	return util_finish(0) ? 2 : status;
}
