// SPDX-License-Identifier: BSD-2-Clause
// The environment: environ starts as the startup block's envp (set by
// __libc_start) and getenv, setenv, unsetenv and putenv work on it. The
// first change copies the array into memory of our own, which then grows
// as needed; strings made by setenv are ours too and freed when replaced or
// removed, while putenv's strings stay the caller's (POSIX: they become
// part of the environment, changed when the caller changes them).
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/lock.h"

static char *empty_env[] = { NULL };
char **environ = empty_env;

static int env_lock;
static char **own_array; /* environ once we copied it, else NULL */
static bool *own_string; /* per entry: made by setenv, ours to free */
static size_t cap; /* entries own_array has room for, NULL included */

/* The index of name's entry (name of len bytes), or -1. */
static long find(const char *name, size_t len)
{
	for (size_t i = 0; environ[i]; i++)
		if (!strncmp(environ[i], name, len) && environ[i][len] == '=')
			return (long)i;
	return -1;
}

static size_t count(void)
{
	size_t n = 0;
	while (environ[n])
		n++;
	return n;
}

/* Makes environ our own array with room for one more entry. */
static int reserve_one(void)
{
	size_t n = count();
	if (own_array == environ && n + 2 <= cap)
		return 0;
	size_t ncap = (n + 2) * 2;
	char **a = malloc(ncap * sizeof(*a));
	bool *o = calloc(ncap, sizeof(*o));
	if (!a || !o) {
		free(a);
		free(o);
		errno = ENOMEM;
		return -1;
	}
	memcpy(a, environ, (n + 1) * sizeof(*a));
	if (own_array == environ)
		memcpy(o, own_string, n * sizeof(*o));
	free(own_array);
	free(own_string);
	environ = own_array = a;
	own_string = o;
	cap = ncap;
	return 0;
}

/* Puts entry (owned or not) in place of name's entry, or at the end. */
static int put(const char *name, size_t len, char *entry, bool owned)
{
	if (reserve_one())
		return -1;
	long i = find(name, len);
	if (i < 0) {
		size_t n = count();
		environ[n + 1] = NULL;
		i = (long)n;
	} else if (own_string[i]) {
		free(environ[i]);
	}
	environ[i] = entry;
	own_string[i] = owned;
	return 0;
}

static bool valid_name(const char *name)
{
	return name && *name && !strchr(name, '=');
}

char *getenv(const char *name)
{
	if (!valid_name(name))
		return NULL;
	size_t len = strlen(name);
	__libc_lock(&env_lock);
	long i = find(name, len);
	char *v = i < 0 ? NULL : environ[i] + len + 1;
	__libc_unlock(&env_lock);
	return v;
}

/* NULL in a set-id program (docs/ARCHITECTURE.md, section 17.2): the
 * process server says so at its start (issetugid, auxv.c), as Linux's
 * AT_SECURE, decided once at exec. */
char *secure_getenv(const char *name)
{
	return issetugid() ? NULL : getenv(name);
}

int setenv(const char *name, const char *value, int overwrite)
{
	if (!valid_name(name)) {
		errno = EINVAL;
		return -1;
	}
	size_t len = strlen(name), vlen = strlen(value);
	__libc_lock(&env_lock);
	int r = 0;
	if (overwrite || find(name, len) < 0) {
		char *entry = malloc(len + vlen + 2);
		if (!entry) {
			errno = ENOMEM;
			r = -1;
		} else {
			memcpy(entry, name, len);
			entry[len] = '=';
			memcpy(entry + len + 1, value, vlen + 1);
			r = put(name, len, entry, true);
			if (r)
				free(entry);
		}
	}
	__libc_unlock(&env_lock);
	return r;
}

int putenv(char *string)
{
	const char *eq = strchr(string, '=');
	if (!eq || eq == string) {
		errno = EINVAL;
		return -1;
	}
	__libc_lock(&env_lock);
	int r = put(string, (size_t)(eq - string), string, false);
	__libc_unlock(&env_lock);
	return r;
}

int unsetenv(const char *name)
{
	if (!valid_name(name)) {
		errno = EINVAL;
		return -1;
	}
	size_t len = strlen(name);
	__libc_lock(&env_lock);
	long i;
	/* Every entry of the name goes (a startup block may hold two). */
	while ((i = find(name, len)) >= 0) {
		if (own_array == environ && own_string[i])
			free(environ[i]);
		size_t n = count();
		/* A startup block's array is ours to change too: it lives in
		 * this process's stack, which nothing else reads. */
		memmove(&environ[i], &environ[i + 1], (n - (size_t)i) * sizeof(*environ));
		if (own_array == environ)
			memmove(&own_string[i], &own_string[i + 1], (n - (size_t)i) * sizeof(bool));
	}
	__libc_unlock(&env_lock);
	return 0;
}
