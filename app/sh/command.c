// SPDX-License-Identifier: BSD-2-Clause
// Simple commands: expansion, assignments, redirections, and the lookup
// order of POSIX (special builtins, functions, builtins, PATH).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

/* name looked up in path (a PATH value, NULL for the default). */
static char *search_in(const char *name, const char *path)
{
	if (strchr(name, '/'))
		return xstrdup(name);
	if (!path)
		path = "/bin:/usr/bin";
	for (const char *p = path;;) {
		const char *colon = strchr(p, ':');
		size_t dl = colon ? (size_t)(colon - p) : strlen(p);
		struct strbuf b = { 0 };
		if (dl)
			sb_addn(&b, p, dl);
		else
			sb_addc(&b, '.');
		sb_addc(&b, '/');
		sb_adds(&b, name);
		struct stat st;
		if (stat(b.s, &st) == 0 && S_ISREG(st.st_mode) && access(b.s, X_OK) == 0)
			return sb_take(&b);
		sb_free(&b);
		if (!colon)
			return NULL;
		p = colon + 1;
	}
}

char *path_search(const char *name)
{
	return search_in(name, var_get("PATH"));
}

static void xtrace(struct strlist *assigns, char **argv)
{
	if (!sh.xtrace)
		return;
	const char *ps4 = var_get("PS4");
	struct strbuf b = { 0 };
	sb_adds(&b, ps4 ? ps4 : "+ ");
	int first = 1;
	for (int i = 0; assigns && i < assigns->n; i++, first = 0) {
		if (!first)
			sb_addc(&b, ' ');
		sb_adds(&b, assigns->v[i]);
	}
	for (int i = 0; argv && argv[i]; i++, first = 0) {
		if (!first)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	sb_addc(&b, '\n');
	fflush(stdout);
	fputs(b.s, stderr);
	sb_free(&b);
}

/* "NAME=value" with the value expanded. */
static void expand_assigns(struct node *n, struct strlist *out)
{
	for (int i = 0; i < n->nassigns; i++) {
		const char *eq = strchr(n->assigns[i], '=');
		char *val = expand_string(eq + 1, EX_ASSIGN);
		struct strbuf b = { 0 };
		sb_addn(&b, n->assigns[i], (size_t)(eq - n->assigns[i]) + 1);
		sb_adds(&b, val);
		free(val);
		sl_add(out, sb_take(&b));
	}
}

static void set_assigns(struct strlist *a, int flags)
{
	for (int i = 0; i < a->n; i++) {
		char *eq = strchr(a->v[i], '=');
		*eq = 0;
		var_set(a->v[i], eq + 1, flags);
		*eq = '=';
	}
}

/* The source text of the running simple command, for `jobs` if it stops. */
static const char *cmd_text;

static void not_found(const char *name)
{
	sh_error("%s: not found", name);
}

/* Run an external program and wait for it (or exec it in a child). */
static int run_external(char **argv, struct strlist *assigns, int flags)
{
	/* PATH=... before the command is the PATH it is looked up in. */
	const char *pathvar = var_get("PATH");
	for (int i = 0; assigns && i < assigns->n; i++)
		if (!strncmp(assigns->v[i], "PATH=", 5))
			pathvar = assigns->v[i] + 5;
	char *path = search_in(argv[0], pathvar);
	if (!path) {
		not_found(argv[0]);
		return 127;
	}
	char **envp = var_environ(assigns);
	if ((flags & EF_LAST) && !trap_exit_set()) { /* nothing left to do after it */
		fflush(stdout);
		execve(path, argv, envp);
		if (errno == ENOEXEC)
			run_script_child(path, argv);
		int e = errno;
		sh_error("%s: %s", argv[0], e == ENOENT ? "not found" : strerror(e));
		_exit(e == ENOENT ? 127 : 126);
	}
	struct job *j = job_new(cmd_text ? cmd_text : argv[0], 0);
	struct start st = { .argv = argv,
			    .path = path,
			    .envp = envp,
			    .pgid = sh.jobctl ? 0 : -1,
			    .foreground = 1,
			    .fd_in = -1,
			    .fd_out = -1,
			    .fd_close = -1 };
	pid_t pid = sh_start(&st);
	int e = errno;
	for (char **e2 = envp; *e2; e2++)
		free(*e2);
	free(envp);
	free(path);
	if (pid < 0) {
		job_discard(j);
		sh_error("%s: %s", argv[0], e == ENOENT ? "not found" : strerror(e));
		return e == ENOENT ? 127 : 126;
	}
	job_add_pid(j, pid);
	return job_wait_fg(j);
}

/* Temporary assignments for a builtin or function: a scope of their own. */
static int with_temp_assigns(struct strlist *assigns, int (*fn)(void *), void *ctx)
{
	if (!assigns || !assigns->n)
		return fn(ctx);
	var_push_scope();
	for (int i = 0; i < assigns->n; i++) {
		char *eq = strchr(assigns->v[i], '=');
		*eq = 0;
		var_make_local(assigns->v[i]);
		*eq = '=';
	}
	set_assigns(assigns, V_EXPORT);
	int st = fn(ctx);
	var_pop_scope();
	return st;
}

struct call {
	const struct builtin *b;
	struct node *fn;
	char **argv;
};

static int call_it(void *ctx)
{
	struct call *c = ctx;
	if (c->fn)
		return call_function(c->fn, c->argv);
	int argc = 0;
	while (c->argv[argc])
		argc++;
	int st = c->b->fn(argc, c->argv);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		clearerr(stdout);
		sh_error("%s: write error: %s", c->argv[0], strerror(errno));
		if (!st)
			st = 1;
	}
	return st;
}

int exec_argv(char **argv, struct strlist *assigns, int flags, int nofunc)
{
	const struct builtin *b = strchr(argv[0], '/') ? NULL : builtin_find(argv[0]);
	struct call c = { .b = b, .argv = argv };
	if (b && b->special) {
		if (assigns)
			set_assigns(assigns, 0);
		return call_it(&c);
	}
	if (!nofunc && !strchr(argv[0], '/'))
		c.fn = func_get(argv[0]);
	if (c.fn || b)
		return with_temp_assigns(assigns, call_it, &c);
	return run_external(argv, assigns, flags);
}

int exec_simple(struct node *n, int flags)
{
	struct strlist args = { 0 }, assigns = { 0 };
	sh.cmdsubst_status = 0;
	expand_words(n->words, n->nwords, &args);
	expand_assigns(n, &assigns);
	xtrace(&assigns, args.v);
	int st, err = 0;
	if (args.n == 0) {
		/* Assignments only: they stay; redirections are done and undone. */
		set_assigns(&assigns, 0);
		st = sh.cmdsubst_status;
		struct redir_save *rs = redir_apply(n->redirs, 0, &err);
		redir_undo(rs);
		sl_free(&assigns);
		return err ? 2 : st;
	}
	if (args.n == 1 && !strcmp(args.v[0], "exec")) { /* exec >file: for good */
		redir_apply(n->redirs, 1, &err);
		sl_free(&args);
		sl_free(&assigns);
		if (err && !sh.interactive)
			sh_exit(2);
		return err;
	}
	struct redir_save *rs = redir_apply(n->redirs, 0, &err);
	if (err) {
		redir_undo(rs);
		sl_free(&args);
		sl_free(&assigns);
		return 2;
	}
	cmd_text = n->text;
	st = exec_argv(args.v, &assigns, flags, 0);
	cmd_text = NULL;
	redir_undo(rs);
	sl_free(&args);
	sl_free(&assigns);
	return st;
}
