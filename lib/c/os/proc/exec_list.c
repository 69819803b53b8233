// SPDX-License-Identifier: BSD-2-Clause
// execl, execlp and execle: the argument list gathered into an array for
// execv, execvp and execve (spawn.c).
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

enum how { PLAIN, SEARCH, WITH_ENV };

/* Counts the arguments after arg up to the NULL. */
static size_t count_args(const char *arg, va_list ap)
{
	size_t n = 1;
	if (!arg)
		return 0;
	while (va_arg(ap, const char *))
		n++;
	return n;
}

static int exec_list(enum how how, const char *file, const char *arg, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	size_t n = count_args(arg, ap);
	char **argv = malloc((n + 1) * sizeof(*argv));
	if (!argv) {
		va_end(again);
		errno = ENOMEM;
		return -1;
	}
	argv[0] = (char *)arg;
	for (size_t i = 1; i <= n; i++) /* the last one read is the NULL */
		argv[i] = va_arg(again, char *);
	argv[n] = NULL;
	char **envp = how == WITH_ENV ? va_arg(again, char **) : environ;
	va_end(again);
	if (how == SEARCH)
		execvp(file, argv);
	else
		execve(file, argv, envp);
	int err = errno;
	free(argv);
	errno = err;
	return -1;
}

int execl(const char *path, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	int r = exec_list(PLAIN, path, arg, ap);
	va_end(ap);
	return r;
}

int execlp(const char *file, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	int r = exec_list(SEARCH, file, arg, ap);
	va_end(ap);
	return r;
}

int execle(const char *path, const char *arg, ...)
{
	va_list ap;
	va_start(ap, arg);
	int r = exec_list(WITH_ENV, path, arg, ap);
	va_end(ap);
	return r;
}
