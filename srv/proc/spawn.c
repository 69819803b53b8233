// SPDX-License-Identifier: BSD-2-Clause
// Spawning: a program image, its arguments and environment from the
// request, the handles the caller staged, and the child's own badged
// handle to this server (VG_HTAG_PROC), through vg_spawn.
#include "procsrv.h"
#include <vg/vg.h>

#define STRINGS_MAX 2048 /* per list: more could not fit a startup block */

/* Splits a block of NUL-terminated strings into a NULL-terminated list;
 * false when it is malformed (not ending in a NUL) or too long. */
static bool split(const char *block, size_t len, const char **list, long *err)
{
	size_t n = 0;
	if (len && block[len - 1]) {
		*err = PROC_PROC_ERROR_INVALID;
		return false;
	}
	for (size_t i = 0; i < len; i += strlen(block + i) + 1) {
		if (n == STRINGS_MAX) {
			*err = PROC_PROC_ERROR_TOO_BIG;
			return false;
		}
		list[n++] = block + i;
	}
	list[n] = NULL;
	return true;
}

static long spawn_error(long st)
{
	switch (st) {
	case ERR_NOT_FOUND: return PROC_PROC_ERROR_NOT_FOUND;
	case ERR_BAD_FORMAT: return PROC_PROC_ERROR_BAD_IMAGE;
	case ERR_OUT_OF_RANGE: return PROC_PROC_ERROR_TOO_BIG;
	default: return st;
	}
}

/* The group a request puts the child in, per setpgid's rules. */
static long choose_group(const struct proc *parent, const struct proc_spawn_req *r, int32_t pid,
			 int32_t *pgid, int32_t *sid)
{
	*sid = r->new_session ? pid : parent->sid;
	if (r->new_session || r->pgid == 0) {
		*pgid = pid;
		return 0;
	}
	if (r->pgid == -1) {
		*pgid = parent->pgid;
		return 0;
	}
	if (r->pgid < 0)
		return PROC_PROC_ERROR_INVALID;
	for (size_t i = 0; i < PROC_MAX; i++) {
		const struct proc *p = &procsrv.table[i];
		if (p->pid && p->pgid == r->pgid && p->sid == parent->sid) {
			*pgid = r->pgid;
			return 0;
		}
	}
	return PROC_PROC_ERROR_DENIED;
}

long proc_spawn(struct proc *parent, const struct proc_spawn_req *r, int32_t *pid)
{
	const char *path = r->path;
	const void *args = r->args, *env = r->env;
	size_t args_len = r->args_len, env_len = r->env_len;
	static const char *argv[STRINGS_MAX + 1], *envp[STRINGS_MAX + 1];
	static struct vg_startup_handle handles[PROC_STAGED_MAX + 1];
	long st;
	const void *image;
	size_t len;
	struct proc *child = NULL;
	if (!split(args, args_len, argv, &st) || !split(env, env_len, envp, &st))
		goto out;
	if ((st = proc_image_find(path, &image, &len))) {
		st = spawn_error(st);
		goto out;
	}
	child = proc_alloc();
	if (!child) {
		st = PROC_PROC_ERROR_FULL;
		goto out;
	}
	int32_t pgid, sid;
	if ((st = choose_group(parent, r, child->pid, &pgid, &sid)))
		goto out;
	/* The staged handles move into the request (vg_spawn consumes them
	 * whatever happens), then the child's own handle to us. */
	uint32_t n = parent->nstaged;
	for (uint32_t i = 0; i < n; i++)
		handles[i] =
			(struct vg_startup_handle){ parent->staged[i].tag, parent->staged[i].arg,
						    parent->staged[i].h, 0 };
	parent->nstaged = 0;
	vg_handle_t ep;
	st = vg_endpoint_mint(procsrv.ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, (uint64_t)child->pid,
			      &ep);
	if (st) {
		for (uint32_t i = 0; i < n; i++)
			vg_handle_close(handles[i].handle);
		goto out;
	}
	handles[n++] = (struct vg_startup_handle){ VG_HTAG_PROC, 0, ep, 0 };
	struct vg_spawn_req req = { image, len, argv, envp, handles, n };
	st = spawn_error(vg_spawn(&req, &child->process, NULL));
	if (st)
		goto out;
	child->ppid = parent->pid;
	child->pgid = pgid;
	child->sid = sid;
	child->state = PROC_STATE_RUNNING;
	if (args_len)
		proc_set_args(child, args, args_len);
	else
		proc_set_args(child, path, strlen(path) + 1);
	if ((st = proc_watch(child))) {
		vg_process_kill(child->process, -1);
		goto out;
	}
	*pid = child->pid;
	return 0;
out:
	proc_unstage(parent);
	if (child)
		proc_free(child);
	return st;
}
