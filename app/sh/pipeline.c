// SPDX-License-Identifier: BSD-2-Clause
// Commands in other processes: pipelines, background lists, subshells and
// command substitution. A pipeline element that is a plain external
// command is spawned (cheap on a microkernel); anything that needs the
// shell itself in the child (builtins, functions, compound commands) forks.
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* A command word that expands to itself and names a program on PATH. */
static int spawnable(struct node *n)
{
	if (n->kind != N_CMD || n->nassigns || !n->nwords || sh.xtrace)
		return 0;
	const char *w = n->words[0];
	for (const char *p = w; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_./-+", *p))
			return 0;
	if (builtin_find(w) || func_get(w))
		return 0;
	char *path = path_search(w);
	free(path);
	return path != NULL;
}

static int pipe_cloexec(int p[2])
{
	if (pipe(p) < 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Put fd onto target for the spawn, remembering how to undo it. */
static struct redir_save *place(int fd, int target)
{
	if (fd < 0)
		return NULL;
	char buf[16];
	snprintf(buf, sizeof buf, "%d", fd);
	struct redir r = { .kind = target ? R_DUPOUT : R_DUPIN, .fd = target, .word = buf };
	int err = 0;
	return redir_apply(&r, 0, &err);
}

/* Start one command of a pipeline or a background list; returns its pid. */
static pid_t start_command(struct node *cmd, struct job *j, int fd_in, int fd_out, int fd_close,
			   int fg)
{
	struct start st = { .pgid = sh.jobctl ? job_pgid(j) : -1,
			    .foreground = fg && sh.jobctl,
			    .fd_in = fd_in,
			    .fd_out = fd_out,
			    .fd_close = fd_close };
	if (spawnable(cmd)) {
		/* Pipe ends and redirections are put in place in the shell
		 * itself, the program spawned, and the shell's own restored. */
		struct redir_save *s_in = place(fd_in, 0);
		struct redir_save *s_out = place(fd_out, 1);
		int err = 0;
		struct redir_save *rs = redir_apply(cmd->redirs, 0, &err);
		pid_t pid = -1;
		if (!err) {
			struct strlist args = { 0 };
			expand_words(cmd->words, cmd->nwords, &args);
			char *path = args.n ? path_search(args.v[0]) : NULL;
			if (path) {
				char **envp = var_environ(NULL);
				st.argv = args.v;
				st.path = path;
				st.envp = envp;
				st.fd_in = st.fd_out = -1;
				pid = sh_start(&st);
				if (pid < 0)
					sh_error("%s: %s", args.v[0], strerror(errno));
				for (char **e = envp; *e; e++)
					free(*e);
				free(envp);
				free(path);
			}
			sl_free(&args);
		}
		redir_undo(rs);
		redir_undo(s_out);
		redir_undo(s_in);
		if (pid >= 0)
			return pid;
		/* Failed to start: a child that reports it, so statuses agree. */
		st.fd_in = fd_in;
		st.fd_out = fd_out;
		st.argv = NULL;
		pid = sh_start(&st);
		if (pid == 0)
			_exit(127);
		return pid;
	}
	pid_t pid = sh_start(&st);
	if (pid != 0)
		return pid;
	sh_exit(exec_node(cmd, EF_LAST));
}

int exec_pipeline(struct node *n)
{
	if (n->ncmds == 1) { /* ! cmd */
		sh.errexit_off++;
		int st = exec_node(n->cmds[0], 0);
		sh.errexit_off--;
		return !st;
	}
	struct job *j = job_new(n->text, 0);
	int prev = -1;
	for (int i = 0; i < n->ncmds; i++) {
		int p[2] = { -1, -1 };
		if (i + 1 < n->ncmds && pipe_cloexec(p) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pid_t pid = start_command(n->cmds[i], j, prev, p[1], p[0], 1);
		if (prev >= 0)
			close(prev);
		if (p[1] >= 0)
			close(p[1]);
		prev = p[0];
		if (pid > 0)
			job_add_pid(j, pid);
	}
	if (prev >= 0)
		close(prev);
	int st = job_wait_fg(j);
	return n->bang ? !st : st;
}

int exec_background(struct node *n)
{
	struct job *j = job_new(n->text, 1);
	int fd_in = -1;
	if (!sh.jobctl) /* POSIX: an asynchronous list reads /dev/null */
		fd_in = open("/dev/null", O_RDONLY | O_CLOEXEC);
	pid_t pid = start_command(n->a, j, fd_in, -1, -1, 0);
	if (fd_in >= 0)
		close(fd_in);
	if (pid < 0) {
		job_discard(j);
		return 1;
	}
	job_add_pid(j, pid);
	sh.lastbg = pid;
	job_background(j);
	return 0;
}

int exec_subshell(struct node *n, int flags)
{
	if (flags & EF_LAST) { /* already a child of our own */
		int err = 0;
		redir_apply(n->redirs, 1, &err);
		if (err)
			sh_exit(1);
		sh_exit(exec_node(n->a, EF_LAST));
	}
	struct job *j = job_new(n->text ? n->text : "(...)", 0);
	struct start st = { .pgid = sh.jobctl ? 0 : -1,
			    .foreground = sh.jobctl,
			    .fd_in = -1,
			    .fd_out = -1,
			    .fd_close = -1 };
	pid_t pid = sh_start(&st);
	if (pid == 0) {
		int err = 0;
		redir_apply(n->redirs, 1, &err);
		if (err)
			sh_exit(1);
		sh_exit(exec_node(n->a, EF_LAST));
	}
	if (pid < 0) {
		job_discard(j);
		sh_error("fork: %s", strerror(errno));
		return 2;
	}
	job_add_pid(j, pid);
	return job_wait_fg(j);
}

char *cmdsubst(const char *text, size_t len)
{
	int p[2];
	if (pipe_cloexec(p) < 0) {
		sh_error("pipe: %s", strerror(errno));
		return xstrdup("");
	}
	struct start st = { .pgid = -1, .fd_in = -1, .fd_out = p[1], .fd_close = p[0] };
	pid_t pid = sh_start(&st);
	if (pid == 0) {
		char *t = xstrndup(text, len);
		int st = exec_string(t);
		free(t);
		sh_exit(st);
	}
	close(p[1]);
	struct strbuf b = { 0 };
	char buf[4096];
	for (;;) {
		ssize_t r = read(p[0], buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		sb_addn(&b, buf, (size_t)r);
	}
	close(p[0]);
	int ws;
	if (pid > 0) {
		while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
			;
		sh.cmdsubst_status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
		sh.status = sh.cmdsubst_status;
	}
	char *s = sb_take(&b);
	size_t n = strlen(s);
	while (n && s[n - 1] == '\n')
		s[--n] = 0;
	return s;
}

_Noreturn void run_script_child(const char *path, char **argv)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sh_error("%s: %s", path, strerror(errno));
		_exit(126);
	}
	int argc = 0;
	while (argv[argc])
		argc++;
	pos_set(argv + 1, argc - 1);
	sh.arg0 = xstrdup(path);
	sh.errname = sh.arg0;
	sh_exit(exec_file(fd));
}
