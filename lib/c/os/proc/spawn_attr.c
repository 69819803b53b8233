// SPDX-License-Identifier: BSD-2-Clause
// posix_spawnattr_* and posix_spawn_file_actions_*: plain records that
// posix_spawn reads (spawn.c).
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/spawn_action.h"

#define SUPPORTED_FLAGS                                                       \
	(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | \
	 POSIX_SPAWN_SETSIGMASK)

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
	*attr = (posix_spawnattr_t){ 0, 0, 0, 0 };
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
	(void)attr;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
	*flags = attr->flags;
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
	if (flags & ~SUPPORTED_FLAGS)
		return EINVAL;
	attr->flags = flags;
	return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup)
{
	*pgroup = attr->pgroup;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
	attr->pgroup = pgroup;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set)
{
	*set = attr->sigdefault;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set)
{
	attr->sigdefault = *set;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *set)
{
	*set = attr->sigmask;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *set)
{
	attr->sigmask = *set;
	return 0;
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	*fa = (posix_spawn_file_actions_t){ 0, 0, NULL };
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	for (int i = 0; i < fa->count; i++)
		free(fa->actions[i].path);
	free(fa->actions);
	*fa = (posix_spawn_file_actions_t){ 0, 0, NULL };
	return 0;
}

static int add(posix_spawn_file_actions_t *fa, struct __spawn_action a)
{
	if (a.fd < 0 || a.newfd < 0)
		return EBADF;
	if (fa->count == fa->capacity) {
		int cap = fa->capacity ? fa->capacity * 2 : 4;
		struct __spawn_action *grown = realloc(fa->actions, (size_t)cap * sizeof(*grown));
		if (!grown)
			return ENOMEM;
		fa->actions = grown;
		fa->capacity = cap;
	}
	fa->actions[fa->count++] = a;
	return 0;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	return add(fa, (struct __spawn_action){ ACTION_CLOSE, fd, 0, NULL, 0, 0 });
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
	return add(fa, (struct __spawn_action){ ACTION_DUP2, fd, newfd, NULL, 0, 0 });
}

/* path is opened by posix_spawn, in the caller, when the actions run. */
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
				     int oflag, mode_t mode)
{
	char *copy = strdup(path);
	if (!copy)
		return ENOMEM;
	int err = add(fa, (struct __spawn_action){ ACTION_OPEN, fd, 0, copy, oflag, mode });
	if (err)
		free(copy);
	return err;
}
