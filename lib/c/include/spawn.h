// SPDX-License-Identifier: BSD-2-Clause
// <spawn.h>: posix_spawn (lib/c/os/proc/spawn.c). The child gets the
// caller's file descriptors (their handles, as the fd table exports them)
// after the file actions, which run in order on that list: adddup2,
// addclose and addopen (the caller opens the file; the child gets its own
// handle to that open file). Attributes: POSIX_SPAWN_SETPGROUP, POSIX_SPAWN_SETSID,
// POSIX_SPAWN_SETSIGMASK (the child's mask; without it, the caller's) and
// POSIX_SPAWN_SETSIGDEF (these signals start at their default action in
// the child; without it the caller's ignored ones stay ignored); the others
// are refused by posix_spawnattr_setflags with EINVAL.
#ifndef _SPAWN_H
#define _SPAWN_H
#include <signal.h>
#include <sys/types.h>

#define POSIX_SPAWN_RESETIDS 0x01
#define POSIX_SPAWN_SETPGROUP 0x02
#define POSIX_SPAWN_SETSIGDEF 0x04
#define POSIX_SPAWN_SETSIGMASK 0x08
#define POSIX_SPAWN_SETSCHEDPARAM 0x10
#define POSIX_SPAWN_SETSCHEDULER 0x20
#define POSIX_SPAWN_SETSID 0x80

typedef struct {
	short flags;
	pid_t pgroup;
	sigset_t sigdefault, sigmask;
} posix_spawnattr_t;

struct __spawn_action;
typedef struct {
	int count, capacity;
	struct __spawn_action *actions;
} posix_spawn_file_actions_t;

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
		const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[]);

int posix_spawnattr_init(posix_spawnattr_t *attr);
int posix_spawnattr_destroy(posix_spawnattr_t *attr);
int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags);
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags);
int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup);
int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *set);
int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *set);
int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *set);
int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *set);

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd);
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd);
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
				     int oflag, mode_t mode);

#endif
