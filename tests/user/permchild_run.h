/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Runs tests/user/permchild.c with argv (argv[0] "permchild", the mode
 * and its arguments, as the program takes them), with an empty
 * environment, and waits for it: its exit status, or -1 when it could
 * not be started or did not exit (a signal). spawn_run does the same for
 * any program.
 */
#ifndef TESTS_USER_PERMCHILD_RUN_H
#define TESTS_USER_PERMCHILD_RUN_H

#include <spawn.h>
#include <sys/wait.h>

/* Runs the program at path with argv and an empty environment and
 * waits for it: its exit status, or -1 (not started, or a signal). */
static inline int spawn_run(const char *path, char *const argv[])
{
	char *envp[] = { NULL };
	pid_t pid;
	int st;
	if (posix_spawn(&pid, path, NULL, NULL, argv, envp) || waitpid(pid, &st, 0) != pid ||
	    !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static inline int permchild_run(char *const argv[])
{
	return spawn_run("/bin/permchild", argv);
}

#endif
