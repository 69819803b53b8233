// SPDX-License-Identifier: BSD-2-Clause
// basename string [suffix]: the last component of a path (POSIX's
// algorithm, step by step), without suffix if it ends with it and is not
// all of it.
#include "../lib/util.h"
#include <string.h>

int main(int argc, char **argv)
{
	util_init(argv, "basename");
	if (argc > 1 && !strcmp(argv[1], "--"))
		argv++, argc--;
	if (argc < 2 || argc > 3)
		util_usage("string [suffix]");
	char *s = argv[1];
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
	if (argc == 3) {
		size_t sl = strlen(argv[2]);
		if (sl < len && !memcmp(s + start + len - sl, argv[2], sl))
			len -= sl;
	}
	printf("%.*s\n", (int)len, s + start);
	return util_finish(0);
}
