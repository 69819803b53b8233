// SPDX-License-Identifier: BSD-2-Clause
// Builtins about the process's place: cd, pwd and umask.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"

int bi_cd(int argc, char **argv)
{
	const char *dir;
	int print = 0;
	int i = 1;
	if (i < argc && (!strcmp(argv[i], "-L") || !strcmp(argv[i], "-P")))
		i++;
	if (i >= argc) {
		dir = var_get("HOME");
		if (!dir) {
			sh_error("cd: HOME not set");
			return 1;
		}
	} else if (!strcmp(argv[i], "-")) {
		dir = var_get("OLDPWD");
		if (!dir) {
			sh_error("cd: OLDPWD not set");
			return 1;
		}
		print = 1;
	} else
		dir = argv[i];
	char *target = xstrdup(dir);
	if (chdir(target) < 0) {
		sh_error("cd: can't cd to %s", target);
		free(target);
		return 2;
	}
	free(target);
	const char *old = var_get("PWD");
	if (old)
		var_set("OLDPWD", old, V_EXPORT);
	char *cwd = getcwd(NULL, 0);
	if (cwd) {
		var_set("PWD", cwd, V_EXPORT);
		if (print)
			printf("%s\n", cwd);
		free(cwd);
	}
	return 0;
}

int bi_pwd(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	char *cwd = getcwd(NULL, 0);
	if (!cwd) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	free(cwd);
	return 0;
}

int bi_umask(int argc, char **argv)
{
	int sym = argc > 1 && !strcmp(argv[1], "-S");
	int i = 1 + sym;
	if (i >= argc) {
		mode_t m = umask(0);
		umask(m);
		if (!sym) {
			printf("%04o\n", (unsigned)m);
			return 0;
		}
		const char *who = "ugo";
		for (int k = 0; k < 3; k++) {
			unsigned bits = ~(unsigned)m >> (6 - 3 * k) & 7;
			printf("%c=%s%s%s%s", who[k], bits & 4 ? "r" : "", bits & 2 ? "w" : "",
			       bits & 1 ? "x" : "", k < 2 ? "," : "\n");
		}
		return 0;
	}
	char *end;
	long m = strtol(argv[i], &end, 8);
	if (*end || m < 0 || m > 0777) {
		sh_error("umask: %s: Illegal mode (octal only)", argv[i]);
		return 1;
	}
	umask((mode_t)m);
	return 0;
}
