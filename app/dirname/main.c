// SPDX-License-Identifier: BSD-2-Clause
// dirname string: the path without its last component (POSIX's algorithm).
#include "../lib/util.h"
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	util_init(argv, "dirname");
	/* No options: getopt refuses "-x" by name and drops "--". */
	if (getopt(argc, argv, "") != -1 || argc - optind != 1)
		util_usage("string");
	const char *s = argv[optind];
	size_t n = strlen(s);
	/* trailing slashes, then the last component, then the slashes before it */
	while (n > 1 && s[n - 1] == '/')
		n--;
	if (n == 1 && s[0] == '/') {
		puts("/");
		return util_finish(0);
	}
	while (n > 0 && s[n - 1] != '/')
		n--;
	if (n == 0) {
		puts(".");
		return util_finish(0);
	}
	while (n > 1 && s[n - 1] == '/')
		n--;
	printf("%.*s\n", (int)n, s);
	return util_finish(0);
}
