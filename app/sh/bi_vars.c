// SPDX-License-Identifier: BSD-2-Clause
// Builtins over variables and options: export, readonly, unset, set,
// shift and local.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"

/* NAME or NAME=value with flags; -1 if a bad name. */
static int assign_arg(const char *cmd, const char *arg, int flags)
{
	const char *eq = strchr(arg, '=');
	size_t nl = eq ? (size_t)(eq - arg) : strlen(arg);
	if (!is_name(arg, nl)) {
		sh_error("%s: %s: bad variable name", cmd, arg);
		return -1;
	}
	char *name = xstrndup(arg, nl);
	if (eq)
		var_set(name, eq + 1, flags);
	else
		var_addflags(name, flags);
	free(name);
	return 0;
}

static int flag_builtin(int argc, char **argv, int flag, const char *prefix)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "-p"))
		i++;
	if (i >= argc) {
		var_print(flag, prefix);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++)
		if (assign_arg(argv[0], argv[i], flag) < 0)
			st = 1;
	return st;
}

int bi_export(int argc, char **argv)
{
	return flag_builtin(argc, argv, V_EXPORT, "export");
}

int bi_readonly(int argc, char **argv)
{
	return flag_builtin(argc, argv, V_READONLY, "readonly");
}

int bi_unset(int argc, char **argv)
{
	int funcs = 0, i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-f"))
			funcs = 1;
		else if (!strcmp(argv[i], "-v"))
			funcs = 0;
		else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			sh_error("unset: %s: bad option", argv[i]);
			return 2;
		}
	}
	for (; i < argc; i++) {
		if (funcs)
			func_unset(argv[i]);
		else
			var_unset(argv[i]);
	}
	return 0;
}

int bi_set(int argc, char **argv)
{
	if (argc == 1) {
		var_print(0, NULL);
		return 0;
	}
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			pos_set(argv + i, argc - i);
			return 0;
		}
		if ((a[0] != '-' && a[0] != '+') || !a[1])
			break;
		int on = a[0] == '-';
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'o') {
				if (i + 1 >= argc) {
					if (on)
						sh_print_options();
					return 0;
				}
				if (sh_set_long_option(argv[++i], on) < 0) {
					sh_error("set: %s: bad option", argv[i]);
					return 2;
				}
			} else if (sh_set_option(*p, on) < 0) {
				sh_error("set: -%c: bad option", *p);
				return 2;
			}
		}
	}
	if (i < argc)
		pos_set(argv + i, argc - i);
	return 0;
}

int bi_shift(int argc, char **argv)
{
	int n = 1;
	if (argc > 1) {
		char *end;
		n = (int)strtol(argv[1], &end, 10);
		if (*end || n < 0) {
			sh_error("shift: %s: Illegal number", argv[1]);
			sh_abort(2);
		}
	}
	if (n > pos.n) {
		sh_error("shift: can't shift that many");
		sh_abort(2);
	}
	pos_set(pos.v + n, pos.n - n);
	return 0;
}

int bi_local(int argc, char **argv)
{
	if (!sh.func_depth) {
		sh_error("local: not in a function");
		return 1;
	}
	int st = 0;
	for (int i = 1; i < argc; i++) {
		const char *eq = strchr(argv[i], '=');
		size_t nl = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (!is_name(argv[i], nl)) {
			sh_error("local: %s: bad variable name", argv[i]);
			st = 1;
			continue;
		}
		char *name = xstrndup(argv[i], nl);
		var_make_local(name);
		if (eq)
			var_set(name, eq + 1, 0);
		free(name);
	}
	return st;
}
