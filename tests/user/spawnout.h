/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Runs the program at path with argv and an empty environment, its
 * standard output into out (NUL-terminated, at most size - 1 bytes): its
 * exit status, or -1 when it could not run or did not exit. The output is
 * read once it has ended (it must fit the pipe): an open file is closed
 * only by an explicit close, so a write end held to the exit would keep
 * the read end from seeing EOF.
 */
#ifndef TESTS_USER_SPAWNOUT_H
#define TESTS_USER_SPAWNOUT_H

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

static inline int spawn_output(const char *path, char *const argv[], char *out, size_t size)
{
	char *envp[] = { NULL };
	int p[2];
	if (pipe(p))
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	pid_t pid;
	int err = posix_spawn(&pid, path, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	int st;
	if (err || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    fcntl(p[0], F_SETFL, O_NONBLOCK)) {
		close(p[0]);
		return -1;
	}
	size_t n = 0;
	ssize_t got;
	while (n + 1 < size && (got = read(p[0], out + n, size - 1 - n)) > 0)
		n += (size_t)got;
	out[n] = 0;
	close(p[0]);
	return WEXITSTATUS(st);
}

#endif
