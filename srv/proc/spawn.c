// SPDX-License-Identifier: BSD-2-Clause
// Spawning: a program image, its arguments and environment from the
// request, the handles the caller staged, and the child's own badged
// handle to this server (VG_HTAG_PROC), through vg_spawn.
#include <stddef.h>

#include "argblock.h"
#include "procsrv.h"
#include <vg/vg.h>

#define STRINGS_MAX 2048 /* per list: more could not fit a startup block */

/* Splits a request's block into a list; false (and the error) when it is
 * malformed or too long. */
static bool split(const void *block, size_t len, const char **list, long *err)
{
	long n = argblock_split(block, len, list, STRINGS_MAX);
	if (n >= 0)
		return true;
	*err = n == ARGBLOCK_TOO_MANY ? PROC_PROC_ERROR_TOO_BIG : PROC_PROC_ERROR_INVALID;
	return false;
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

/* The new program's signal state, if its creator's C library passed one
 * (VG_HTAG_SIGNALS; section 15.1), its blocked and ignored sets in *sigs
 * (else none): the kernel holds the signals that come before the program
 * has registered its entry, rather than refusing them (which would make
 * them take the default action here, a blocked or ignored one too); and
 * an ignored SIGCHLD stays ignored, so that its children are reaped as
 * they end. A program that never registers an entry (one not linked with
 * the C library) has the hold end at its first wait: signal.c's
 * proc_unheld then acts on what was held, as on what comes later,
 * leaving the blocked and ignored signals alone. */
static void signal_state(vg_handle_t vmo, vg_handle_t child, struct proc_sigstate *sigs)
{
	struct vg_startup_signals s;
	*sigs = (struct proc_sigstate){ 0, 0 };
	if (vmo == VG_HANDLE_INVALID ||
	    vg_vmo_read(vmo, 0, &s, offsetof(struct vg_startup_signals, count)))
		return;
	vg_process_interrupt_hold(child);
	*sigs = (struct proc_sigstate){ s.mask, s.ignored };
}

/* Starts the request's program as pid with the handles staged by from
 * (consumed whatever happens), its own handle to us and the kernel's
 * side of limits, set before its first instruction: *process. A set-id
 * program the VFS staged for from (setid.c) is the one started, and
 * *ids become its. */
static long start_image(struct proc *from, int32_t pid, const struct proc_spawn_req *r,
			const struct proc_limit *limits, vg_handle_t *process, struct proc_ids *ids,
			struct proc_sigstate *sigs)
{
	static const char *argv[STRINGS_MAX + 1], *envp[STRINGS_MAX + 1];
	/* The staged ones, the set-id program's VFS handle, ours. */
	static struct vg_startup_handle handles[PROC_STAGED_MAX + 2];
	long st;
	const void *image;
	size_t len;
	if (!split(r->args, r->args_len, argv, &st) || !split(r->env, r->env_len, envp, &st))
		goto fail;
	/* The program's pages, if staged, are ours: the rest go to the child. */
	uint32_t n = 0;
	vg_handle_t file = VG_HANDLE_INVALID, signals = VG_HANDLE_INVALID;
	*sigs = (struct proc_sigstate){ 0, 0 };
	uint32_t file_len = 0;
	for (uint32_t i = 0; i < from->nstaged; i++) {
		const struct proc_staged *s = &from->staged[i];
		if (s->tag == VG_HTAG_IMAGE && file == VG_HANDLE_INVALID) {
			file = s->h;
			file_len = s->arg;
		} else {
			if (s->tag == VG_HTAG_SIGNALS)
				signals = s->h;
			handles[n++] = (struct vg_startup_handle){ s->tag, s->arg, s->h, 0 };
		}
	}
	from->nstaged = 0;
	bool secure;
	proc_setid_take(from, handles, &n, &file, &file_len, ids, &secure);
	/* What the program learns from us (getauxval): the ids it starts
	 * with, whether a set-id bit gave it ids its real ones lack, random
	 * bytes of its own and the path it was started by (vg_spawn adds
	 * where it loaded it). */
	static struct vg_startup_aux aux;
	aux = (struct vg_startup_aux){
		.flags = VG_AUX_IDS | VG_AUX_RANDOM | VG_AUX_EXECFN | (secure ? VG_AUX_SECURE : 0),
		.uid = ids->ruid,
		.euid = ids->euid,
		.gid = ids->rgid,
		.egid = ids->egid,
	};
	proc_random(aux.random);
	strlcpy(aux.execfn, r->path, sizeof(aux.execfn));
	st = file != VG_HANDLE_INVALID ? proc_image_map(file, file_len, &image, &len)
				       : proc_image_find(r->path, &image, &len);
	if (st) {
		for (uint32_t i = 0; i < n; i++)
			vg_handle_close(handles[i].handle);
		return spawn_error(st);
	}
	vg_handle_t ep, child = VG_HANDLE_INVALID;
	st = vg_endpoint_mint(procsrv.ep, PROC_CLIENT_RIGHTS, (uint64_t)pid, &ep);
	if (!st && (st = vg_process_create(&child)))
		vg_handle_close(ep);
	if (st) {
		for (uint32_t i = 0; i < n; i++)
			vg_handle_close(handles[i].handle);
	} else {
		handles[n++] = (struct vg_startup_handle){ VG_HTAG_PROC, 0, ep, 0 };
		proc_limits_set_kernel(child, limits);
		signal_state(signals, child, sigs);
		struct vg_spawn_req req = { image, len, argv, envp, handles, n, &aux };
		/* Only the boot archive's files never change: only they are
		 * cached. */
		st = file != VG_HANDLE_INVALID
			? vg_spawn_in(&req, child, process, NULL)
			: vg_spawn_cached(&req, proc_image_cache(image), child, process, NULL);
	}
	if (file != VG_HANDLE_INVALID)
		proc_image_unmap(image, len);
	return spawn_error(st);
fail:
	proc_unstage(from);
	return st;
}

/* The name and arguments ps shows: the arguments, or the path. */
static void set_args(struct proc *p, const struct proc_spawn_req *r)
{
	if (r->args_len)
		proc_set_args(p, r->args, r->args_len);
	else
		proc_set_args(p, r->path, strlen(r->path) + 1);
}

long proc_spawn(struct proc *parent, const struct proc_spawn_req *r, int32_t *pid)
{
	struct proc *child = proc_alloc();
	if (!child) {
		proc_unstage(parent);
		return PROC_PROC_ERROR_FULL;
	}
	int32_t pgid, sid;
	/* What is staged is consumed whatever happens (not left for the
	 * next spawn): limits, ids, and the handles by start_image. */
	proc_limits_inherit(child, parent);
	proc_inherit(child, parent);
	proc_ids_take_staged(child, parent);
	long st = choose_group(parent, r, child->pid, &pgid, &sid);
	if (st)
		proc_unstage(parent);
	else
		st = start_image(parent, child->pid, r, child->limits, &child->process, &child->ids,
				 &child->sigs);
	if (!st) {
		child->nocldwait = (child->sigs.ignored >> SIGCHLD_NUMBER) & 1;
		child->ppid = parent->pid;
		child->pgid = pgid;
		child->sid = sid;
		child->state = PROC_STATE_RUNNING;
		set_args(child, r);
		proc_nice_apply(child);
		proc_limits_watch_cpu(child);
		if ((st = proc_watch(child)))
			vg_process_kill(child->process, -1);
	}
	if (st) {
		proc_free(child);
		return st;
	}
	*pid = child->pid;
	return 0;
}

long proc_exec(struct proc *p, const struct proc_spawn_req *r)
{
	if (!p->process) {
		proc_unstage(p);
		return PROC_PROC_ERROR_DENIED; /* pid 1 is not ours to replace */
	}
	vg_handle_t process;
	struct proc_ids ids = p->ids;
	struct proc_sigstate sigs;
	long st = start_image(p, p->pid, r, p->limits, &process, &ids, &sigs);
	if (st)
		return st;
	p->ids = ids;
	/* The old process goes without a word: its end is not the pid's. */
	async_source_remove(procsrv.loop, &p->exit_src);
	p->exit_src.key = 0;
	vg_process_kill(p->process, 0);
	vg_handle_close(p->process);
	p->process = process;
	set_args(p, r);
	/* The new program's C library starts with SIGCHLD's default action,
	 * or ignoring it. */
	p->sigchld_caught = p->nocldstop = false;
	p->nocldwait = (sigs.ignored >> SIGCHLD_NUMBER) & 1;
	p->sigs = sigs;
	/* POSIX's exec: the saved ids become the effective ones, as the
	 * C library asks of the VFS for the new program. */
	p->ids.suid = p->ids.euid;
	p->ids.sgid = p->ids.egid;
	proc_nice_apply(p);
	if ((st = proc_watch(p))) {
		/* Unwatched, it could never be reaped: end it now, as killed. */
		p->kill_sig = SIGKILL_NUMBER;
		vg_process_kill(process, VG_EXIT_SIGNAL(SIGKILL_NUMBER, 0));
		p->state = PROC_STATE_ZOMBIE;
		p->status = vg_exit_wait_status(VG_EXIT_SIGNAL(SIGKILL_NUMBER, 0));
	}
	return 0;
}

long proc_fork(struct proc *parent, vg_handle_t process, int32_t *pid, vg_handle_t *ep)
{
	struct proc *child = proc_alloc();
	long st = child ? 0 : PROC_PROC_ERROR_FULL;
	if (!st)
		st = vg_endpoint_mint(procsrv.ep, PROC_CLIENT_RIGHTS, (uint64_t)child->pid, ep);
	if (st) {
		vg_handle_close(process);
		if (child)
			proc_free(child);
		return st;
	}
	child->process = process;
	child->ppid = parent->pid;
	child->pgid = parent->pgid;
	child->sid = parent->sid;
	child->state = PROC_STATE_RUNNING;
	memcpy(child->args, parent->args, sizeof(child->args));
	/* A copy of the parent's memory: of its signal actions too. */
	child->sigchld_caught = parent->sigchld_caught;
	child->nocldstop = parent->nocldstop;
	child->nocldwait = parent->nocldwait;
	proc_inherit(child, parent); /* nice: the kernel's copy came with the process */
	memcpy(child->limits, parent->limits, sizeof(child->limits));
	proc_limits_apply(child);
	if ((st = proc_watch(child))) {
		vg_handle_close(*ep);
		proc_free(child);
		return st;
	}
	*pid = child->pid;
	return 0;
}
