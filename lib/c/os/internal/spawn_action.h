// SPDX-License-Identifier: BSD-2-Clause
// One posix_spawn file action, as posix_spawn_file_actions_add* record it
// and posix_spawn runs it (lib/c/os/proc).
#ifndef LIBC_SPAWN_ACTION_H
#define LIBC_SPAWN_ACTION_H

enum action_kind { ACTION_CLOSE, ACTION_DUP2, ACTION_OPEN };

struct __spawn_action {
	enum action_kind kind;
	int fd, newfd;
	char *path; /* ACTION_OPEN: the action's own copy */
	int oflag;
	unsigned mode;
};

#endif
