// SPDX-License-Identifier: BSD-2-Clause
// Builtins that change the flow of the shell: true, false, exit, return,
// break, continue, eval, . (source) and exec.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"

int bi_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int bi_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* A numeric argument; -1 (after a message) if it is not one. */
static int number_arg(const char *cmd, const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (!*s || *end || n < 0) {
		sh_error("%s: %s: Illegal number", cmd, s);
		return -1;
	}
	return (int)n;
}

int bi_exit(int argc, char **argv)
{
	int st = sh.status;
	if (argc > 1 && (st = number_arg("exit", argv[1])) < 0)
		sh_abort(2);
	sh_exit(st);
}

int bi_return(int argc, char **argv)
{
	int st = sh.status;
	if (argc > 1 && (st = number_arg("return", argv[1])) < 0)
		return 2;
	if (!sh.func_depth && !sh.dot_depth) {
		if (sh.subshell || !sh.interactive)
			sh_exit(st); /* as dash: return at the top of a script ends it */
		sh_error("return: not in a function");
		return 1;
	}
	sh.returning = 1;
	sh.status = st;
	return st;
}

static int loop_control(int argc, char **argv, int *counter)
{
	int n = 1;
	if (argc > 1 && (n = number_arg(argv[0], argv[1])) <= 0) {
		if (n == 0)
			sh_error("%s: %s: Illegal number", argv[0], argv[1]);
		return 1;
	}
	if (!sh.loop_depth)
		return 0;
	*counter = n > sh.loop_depth ? sh.loop_depth : n;
	return 0;
}

int bi_break(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.breaks);
}

int bi_continue(int argc, char **argv)
{
	return loop_control(argc, argv, &sh.continues);
}

int bi_eval(int argc, char **argv)
{
	struct strbuf b = { 0 };
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	char *text = sb_take(&b);
	sh.status = 0;
	int st = exec_string(text);
	free(text);
	return st;
}

/* . file: found on PATH when the name has no slash, else as given. */
int bi_dot(int argc, char **argv)
{
	if (argc < 2) {
		sh_error("%s: filename argument required", argv[0]);
		return 2;
	}
	int fd = -1;
	if (!strchr(argv[1], '/')) {
		const char *path = var_get("PATH");
		for (const char *p = path ? path : ""; fd < 0 && *p;) {
			const char *colon = strchr(p, ':');
			size_t dl = colon ? (size_t)(colon - p) : strlen(p);
			struct strbuf b = { 0 };
			sb_addn(&b, dl ? p : ".", dl ? dl : 1);
			sb_addc(&b, '/');
			sb_adds(&b, argv[1]);
			fd = open(b.s, O_RDONLY | O_CLOEXEC);
			sb_free(&b);
			p = colon ? colon + 1 : p + dl;
		}
	}
	if (fd < 0)
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sh_error("%s: cannot open %s: %s", argv[0], argv[1], strerror(errno));
		sh_abort(2);
	}
	if (sh.dot_depth >= 100) {
		close(fd);
		sh_error("%s: %s: sourced too deeply", argv[0], argv[1]);
		sh_abort(2);
	}
	struct posparams saved = { 0 };
	if (argc > 2) {
		saved = pos_save();
		pos_set(argv + 2, argc - 2);
	}
	sh.dot_depth++;
	int st = exec_file(fd);
	sh.dot_depth--;
	close(fd);
	if (sh.returning) {
		sh.returning = 0;
		st = sh.status;
	}
	if (argc > 2)
		pos_restore(saved);
	return st;
}

int bi_exec(int argc, char **argv)
{
	if (argc < 2)
		return 0; /* the redirections were made permanent by the caller */
	char *path = path_search(argv[1]);
	if (!path) {
		sh_error("%s: not found", argv[1]);
		sh_abort(127);
	}
	char **envp = var_environ(NULL);
	fflush(stdout);
	child_reset(); /* the program gets default signals, as a child would */
	execve(path, argv + 1, envp);
	int e = errno;
	if (e == ENOEXEC)
		run_script_child(path, argv + 1);
	sh_error("%s: %s", argv[1], strerror(e));
	sh_abort(e == ENOENT ? 127 : 126);
}
