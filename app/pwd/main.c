// SPDX-License-Identifier: BSD-2-Clause
// pwd [-L|-P]: the working directory. -L (the default) prints $PWD when it
// names the working directory by an absolute path without "." or ".."
// components; -P always the physical path.
#include "../lib/util.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool pwd_usable(const char *pwd)
{
	if (!pwd || pwd[0] != '/' || strstr(pwd, "/./") || strstr(pwd, "/../"))
		return false;
	size_t n = strlen(pwd);
	if ((n >= 2 && !strcmp(pwd + n - 2, "/.")) || (n >= 3 && !strcmp(pwd + n - 3, "/..")))
		return false;
	struct stat a, b;
	return stat(pwd, &a) == 0 && stat(".", &b) == 0 && a.st_dev == b.st_dev &&
		a.st_ino == b.st_ino;
}

int main(int argc, char **argv)
{
	util_init(argv, "pwd");
	bool logical = true;
	int c;
	while ((c = getopt(argc, argv, "LP")) != -1) {
		if (c == 'L')
			logical = true;
		else if (c == 'P')
			logical = false;
		else
			util_usage("[-L|-P]");
	}
	const char *pwd = getenv("PWD");
	if (logical && pwd_usable(pwd)) {
		puts(pwd);
		return util_finish(0);
	}
	char buf[PATH_MAX];
	if (!getcwd(buf, sizeof(buf))) {
		util_warn("getcwd");
		return 1;
	}
	puts(buf);
	return util_finish(0);
}
