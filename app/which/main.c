// SPDX-License-Identifier: BSD-2-Clause
// which [-a] name...: the path of each name's executable along $PATH (the
// first, or with -a every one). A name with a '/' is checked as it is.
// Status 1 if any name was not found.
#include "../lib/util.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

int main(int argc, char **argv)
{
	util_init(argv, "which");
	bool all = false;
	int c;
	while ((c = getopt(argc, argv, "a")) != -1) {
		if (c == 'a')
			all = true;
		else
			util_usage("[-a] name...");
	}
	if (optind == argc)
		util_usage("[-a] name...");
	const char *path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	int status = 0;
	for (int i = optind; i < argc; i++) {
		const char *name = argv[i];
		bool found = false;
		if (strchr(name, '/')) {
			found = executable(name);
			if (found)
				puts(name);
		} else {
			for (const char *p = path; !found || all;) {
				const char *colon = strchr(p, ':');
				size_t len = colon ? (size_t)(colon - p) : strlen(p);
				char *full = malloc(len + strlen(name) + 2);
				if (!full) {
					util_warn("memory");
					return 1;
				}
				/* an empty entry is the working directory */
				if (len)
					sprintf(full, "%.*s/%s", (int)len, p, name);
				else
					sprintf(full, "./%s", name);
				if (executable(full)) {
					puts(full);
					found = true;
				}
				free(full);
				if (!colon)
					break;
				p = colon + 1;
			}
		}
		if (!found)
			status = 1;
	}
	return util_finish(status);
}
