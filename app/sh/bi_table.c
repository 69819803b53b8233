// SPDX-License-Identifier: BSD-2-Clause
// The table of builtins. Special builtins (POSIX 2.14) keep the variable
// assignments before them and cannot be overridden by functions.
#include <string.h>

#include "builtins.h"

static const struct builtin table[] = {
	{ ".", bi_dot, 1 },
	{ ":", bi_true, 1 },
	{ "[", bi_test, 0 },
	{ "alias", bi_alias, 0 },
	{ "bg", bi_bg, 0 },
	{ "break", bi_break, 1 },
	{ "cd", bi_cd, 0 },
	{ "command", bi_command, 0 },
	{ "continue", bi_continue, 1 },
	{ "echo", bi_echo, 0 },
	{ "eval", bi_eval, 1 },
	{ "exec", bi_exec, 1 },
	{ "exit", bi_exit, 1 },
	{ "export", bi_export, 1 },
	{ "false", bi_false, 0 },
	{ "fg", bi_fg, 0 },
	{ "getopts", bi_getopts, 0 },
	{ "history", bi_history, 0 },
	{ "jobs", bi_jobs, 0 },
	{ "kill", bi_kill, 0 },
	{ "local", bi_local, 1 },
	{ "printf", bi_printf, 0 },
	{ "pwd", bi_pwd, 0 },
	{ "read", bi_read, 0 },
	{ "readonly", bi_readonly, 1 },
	{ "return", bi_return, 1 },
	{ "set", bi_set, 1 },
	{ "shift", bi_shift, 1 },
	{ "source", bi_dot, 1 },
	{ "test", bi_test, 0 },
	{ "trap", bi_trap, 1 },
	{ "true", bi_true, 0 },
	{ "type", bi_type, 0 },
	{ "umask", bi_umask, 0 },
	{ "unalias", bi_unalias, 0 },
	{ "unset", bi_unset, 1 },
	{ "wait", bi_wait, 0 },
};

const struct builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (!strcmp(table[i].name, name))
			return &table[i];
	return NULL;
}

void builtin_each(void (*fn)(const char *name, void *ctx), void *ctx)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		fn(table[i].name, ctx);
}
