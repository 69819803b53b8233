// SPDX-License-Identifier: BSD-2-Clause
// mv [-fi] source... target: renames files; with several sources (or a
// directory as target) each goes into target. Across file systems it
// copies (keeping modes, times and links) and then removes the source.
// -i asks before replacing a file, -f never asks.
#include "../lib/copy.h"
#include "../lib/util.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static bool interactive;

/* Removes a tree after it was copied elsewhere. */
static int remove_tree(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		execlp("rm", "rm", "-rf", "--", path, (char *)NULL);
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		util_warnx("cannot remove '%s' after copying it", path);
		return 1;
	}
	return 0;
}

static int move(const char *src, const char *dst, void *unused)
{
	(void)unused;
	struct stat st;
	if (interactive && access(dst, F_OK) == 0) {
		fprintf(stderr, "%s: overwrite '%s'? ", util_name, dst);
		char line[64];
		if (!fgets(line, sizeof(line), stdin) || (line[0] != 'y' && line[0] != 'Y'))
			return 0;
	}
	if (rename(src, dst) == 0)
		return 0;
	if (errno != EXDEV) {
		util_warn(src);
		return 1;
	}
	if (lstat(src, &st)) {
		util_warn(src);
		return 1;
	}
	struct copy_opts o = { true, true, true };
	if (copy_path(src, dst, &o))
		return 1;
	if (S_ISDIR(st.st_mode))
		return remove_tree(src);
	if (unlink(src)) {
		util_warn(src);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argv, "mv");
	int c;
	while ((c = getopt(argc, argv, "fi")) != -1) {
		if (c == 'f')
			interactive = false;
		else if (c == 'i')
			interactive = true;
		else
			util_usage("[-fi] source... target");
	}
	int n = argc - optind;
	if (n < 2) {
		if (n == 1)
			util_warnx("missing destination file operand after '%s'", argv[optind]);
		util_usage("[-fi] source... target");
	}
	return copy_each(argv + optind, n, move, NULL);
}
