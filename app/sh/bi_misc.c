// SPDX-License-Identifier: BSD-2-Clause
// Builtins about names and the session: type, command, alias, unalias,
// trap and history.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"

static const char *const keywords[] = { "if",	"then", "else",	 "elif",  "fi", "case",
					"esac", "for",	"while", "until", "do", "done",
					"in",	"{",	"}",	 "!",	  NULL };

/* What a name is, as `type` and `command -V` tell it; 0 if found. */
static int describe(const char *name, int verbose)
{
	const char *a = alias_get(name);
	if (a) {
		if (verbose)
			printf("%s is an alias for %s\n", name, a);
		else
			printf("alias %s='%s'\n", name, a);
		return 0;
	}
	for (int i = 0; keywords[i]; i++)
		if (!strcmp(keywords[i], name)) {
			printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
			return 0;
		}
	const struct builtin *b = builtin_find(name);
	if (b && b->special) {
		printf(verbose ? "%s is a special shell builtin\n" : "%s\n", name);
		return 0;
	}
	if (func_get(name)) {
		printf(verbose ? "%s is a shell function\n" : "%s\n", name);
		return 0;
	}
	if (b) {
		printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
		return 0;
	}
	char *path = path_search(name);
	if (path && strchr(name, '/') && access(path, X_OK) != 0) {
		free(path);
		path = NULL;
	}
	if (path) {
		if (verbose)
			printf("%s is %s\n", name, path);
		else
			printf("%s\n", path);
		free(path);
		return 0;
	}
	if (verbose)
		printf("%s: not found\n", name);
	return 1;
}

int bi_type(int argc, char **argv)
{
	int st = 0;
	for (int i = 1; i < argc; i++)
		if (describe(argv[i], 1))
			st = 127;
	return st;
}

int bi_command(int argc, char **argv)
{
	int i = 1, v = 0, vv = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'v')
				v = 1;
			else if (*p == 'V')
				vv = 1;
			else if (*p != 'p') {
				sh_error("command: -%c: bad option", *p);
				return 2;
			}
		}
	}
	if (i >= argc)
		return 0;
	if (v || vv) {
		int st = 0;
		for (; i < argc; i++)
			if (describe(argv[i], vv))
				st = 127;
		return st;
	}
	return exec_argv(argv + i, NULL, 0, 1);
}

int bi_alias(int argc, char **argv)
{
	if (argc == 1) {
		alias_print(NULL);
		return 0;
	}
	int st = 0;
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq) {
			char *name = xstrndup(argv[i], (size_t)(eq - argv[i]));
			alias_set(name, eq + 1);
			free(name);
		} else if (alias_get(argv[i]))
			alias_print(argv[i]);
		else {
			sh_error("alias: %s not found", argv[i]);
			st = 1;
		}
	}
	return st;
}

static void collect(const char *name, void *ctx)
{
	sl_add(ctx, xstrdup(name));
}

int bi_unalias(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-a")) {
		/* Collect the names first: removing frees what the walk is on. */
		struct strlist names = { 0 };
		alias_each(collect, &names);
		for (int i = 0; i < names.n; i++)
			alias_unset(names.v[i]);
		sl_free(&names);
		return 0;
	}
	int st = 0;
	for (int i = 1; i < argc; i++)
		if (alias_unset(argv[i]) < 0) {
			sh_error("unalias: %s not found", argv[i]);
			st = 1;
		}
	return st;
}

int bi_trap(int argc, char **argv)
{
	if (argc == 1) {
		trap_print();
		return 0;
	}
	int i = 1;
	if (!strcmp(argv[1], "-l")) {
		sig_list();
		return 0;
	}
	if (!strcmp(argv[1], "--"))
		i++;
	if (i >= argc)
		return 0;
	const char *action = argv[i];
	/* "trap N..." with a number first resets those signals. */
	char *end;
	strtol(action, &end, 10);
	int reset = !strcmp(action, "-") || (!*end && *action);
	if (!reset)
		i++;
	else if (!strcmp(action, "-"))
		i++;
	int st = 0;
	for (; i < argc; i++)
		st |= trap_set(reset ? NULL : action, argv[i]);
	return st;
}

int bi_history(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "-c")) {
		history_clear();
		return 0;
	}
	for (int i = 0; i < history_count(); i++)
		printf("%5d  %s\n", i + 1, history_at(i));
	return 0;
}
