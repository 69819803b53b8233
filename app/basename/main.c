// SPDX-License-Identifier: BSD-2-Clause
// basename string [suffix]: the last component of a path (POSIX's
// algorithm, step by step), without suffix if it ends with it and is not
// all of it.
#include "../lib/util.h"
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "basename");
	/* No options: getopt refuses "-x" by name and drops "--". */
	if (getopt(argc, argv, "") != -1 || argc - optind < 1 || argc - optind > 2)
		util_usage("string [suffix]");
	const char *s = argv[optind];
	const char *suffix = argv[optind + 1]; /* NULL when there is none */
	size_t n = strlen(s);
	if (n == 0) {
		puts("");
		return util_finish(0);
	}
	while (n > 1 && s[n - 1] == '/')
		n--;
	if (n == 1 && s[0] == '/') {
		puts("/");
		return util_finish(0);
	}
	size_t start = n;
	while (start > 0 && s[start - 1] != '/')
		start--;
	size_t len = n - start;
	if (suffix) {
		size_t sl = strlen(suffix);
		if (sl < len && !memcmp(s + start + len - sl, suffix, sl))
			len -= sl;
	}
	printf("%.*s\n", (int)len, s + start);
	return util_finish(0);
}
