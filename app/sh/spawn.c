// SPDX-License-Identifier: BSD-2-Clause
// Starting processes. The one place that chooses between posix_spawn (a
// program with the shell's descriptors, cheap on a microkernel) and fork (a
// copy of the shell for subshells, pipelines of builtins, substitutions).
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <unistd.h>

#include "sh.h"

static void join_group(pid_t pid, const struct start *st)
{
	if (st->pgid < 0)
		return;
	pid_t g = st->pgid ? st->pgid : pid;
	/* Both parent and child set it, so that neither races the other. */
	setpgid(pid, g);
	if (st->foreground && sh.tty_fd >= 0)
		term_setpgrp(sh.tty_fd, g);
}

static pid_t spawn_program(const struct start *st)
{
	posix_spawnattr_t at;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_init(&at);
	posix_spawn_file_actions_init(&fa);
	short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
	sigset_t def, mask;
	sig_child_defaults(&def);
	sigemptyset(&mask);
	posix_spawnattr_setsigdefault(&at, &def);
	posix_spawnattr_setsigmask(&at, &mask);
	if (st->pgid >= 0) {
		flags |= POSIX_SPAWN_SETPGROUP;
		posix_spawnattr_setpgroup(&at, st->pgid);
	}
	posix_spawnattr_setflags(&at, flags);
	if (st->fd_in >= 0)
		posix_spawn_file_actions_adddup2(&fa, st->fd_in, 0);
	if (st->fd_out >= 0)
		posix_spawn_file_actions_adddup2(&fa, st->fd_out, 1);
	pid_t pid;
	int r = posix_spawn(&pid, st->path, &fa, &at, st->argv, st->envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (r) {
		errno = r;
		return -1;
	}
	join_group(pid, st);
	return pid;
}

pid_t sh_start(const struct start *st)
{
	fflush(stdout);
	fflush(stderr);
	if (st->argv) {
		pid_t pid = spawn_program(st);
		if (pid >= 0 || errno != ENOEXEC)
			return pid;
		/* Not a binary: a shell script without #!, run by a copy of us. */
	}
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		join_group(pid, st);
		return pid;
	}
	join_group(getpid(), st);
	child_reset();
	if (st->fd_in >= 0 && st->fd_in != 0) {
		dup2(st->fd_in, 0);
		close(st->fd_in);
	}
	if (st->fd_out >= 0 && st->fd_out != 1) {
		dup2(st->fd_out, 1);
		close(st->fd_out);
	}
	if (st->fd_close >= 0)
		close(st->fd_close);
	if (st->argv)
		run_script_child(st->path, st->argv);
	return 0;
}
