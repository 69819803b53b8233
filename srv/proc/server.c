// SPDX-License-Identifier: BSD-2-Clause
// The process server's interface (idl/proc.idl) on its event loop: each
// operation finds its caller by the badge, then does its part of the job
// in the files beside this one.
#include "procsrv.h"
#include <vg/vg.h>

#define CALLER(p, badge)                       \
	struct proc *p = proc_of_badge(badge); \
	if (!p)                                \
	return ERR_ACCESS_DENIED

static long do_self(void *ctx, uint64_t badge, int32_t *pid, int32_t *ppid, int32_t *pgid,
		    int32_t *sid)
{
	(void)ctx;
	CALLER(p, badge);
	*pid = p->pid;
	*ppid = p->ppid;
	*pgid = p->pgid;
	*sid = p->sid;
	return 0;
}

/* Stages h for p's next spawn under tag and arg, or closes it: 0 or the
 * refusal. */
static long stage(struct proc *p, uint32_t tag, uint32_t arg, vg_handle_t h)
{
	long st = 0;
	if (!p)
		st = ERR_ACCESS_DENIED;
	else if (tag == VG_HTAG_PROC)
		st = PROC_PROC_ERROR_DENIED; /* each child's is ours to make */
	else if (p->nstaged == PROC_STAGED_MAX)
		st = PROC_PROC_ERROR_FULL;
	if (st) {
		vg_handle_close(h);
		return st;
	}
	p->staged[p->nstaged++] = (struct proc_staged){ tag, arg, h };
	return 0;
}

static long do_give(void *ctx, uint64_t badge, uint32_t tag, uint32_t arg, vg_handle_t h)
{
	(void)ctx;
	return stage(proc_of_badge(badge), tag, arg, h);
}

static long do_give4(void *ctx, uint64_t badge, const uint32_t *tags, size_t tags_count,
		     const uint32_t *args, size_t args_count, vg_handle_t h0, vg_handle_t h1,
		     vg_handle_t h2, vg_handle_t h3)
{
	(void)ctx;
	struct proc *p = proc_of_badge(badge);
	vg_handle_t h[4] = { h0, h1, h2, h3 };
	long st = tags_count == 4 && args_count == 4 ? 0 : ERR_INVALID_ARGS;
	for (size_t i = 0; i < 4; i++)
		if (st)
			vg_handle_close(h[i]);
		else
			st = stage(p, tags[i], args[i], h[i]);
	return st;
}

static long do_spawn(void *ctx, uint64_t badge, const char *path, size_t path_len, const void *args,
		     size_t args_len, const void *env, size_t env_len, int32_t pgid,
		     bool new_session, int32_t *pid)
{
	(void)ctx;
	(void)path_len;
	CALLER(p, badge);
	struct proc_spawn_req req = { path, args, args_len, env, env_len, pgid, new_session };
	return proc_spawn(p, &req, pid);
}

static long do_wait(void *ctx, uint64_t badge, int32_t pid, int32_t *child, int32_t *status)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_wait(p, pid, PROC_WAIT_EXITED, child, status);
}

static long do_waitid(void *ctx, uint64_t badge, int32_t pid, uint32_t flags, int32_t *child,
		      int32_t *status)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_wait(p, pid, flags, child, status);
}

static long do_child_signals(void *ctx, uint64_t badge, bool caught, bool nocldstop, bool nocldwait)
{
	(void)ctx;
	CALLER(p, badge);
	p->sigchld_caught = caught;
	p->nocldstop = nocldstop;
	p->nocldwait = nocldwait;
	return 0;
}

static long do_limit(void *ctx, uint64_t badge, int32_t pid, uint32_t resource, bool set,
		     const struct proc_limit *value, struct proc_limit *old)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_limit(p, pid, resource, set, value, old);
}

static long do_setpriority(void *ctx, uint64_t badge, uint32_t which, int32_t who, int32_t nice)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_setpriority(p, which, who, nice);
}

static long do_getpriority(void *ctx, uint64_t badge, uint32_t which, int32_t who, int32_t *nice)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_getpriority(p, which, who, nice);
}

static long do_stage_limit(void *ctx, uint64_t badge, uint32_t resource,
			   const struct proc_limit *value)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_stage_limit(p, resource, value);
}

static long do_stage_ids(void *ctx, uint64_t badge, uint32_t ruid, uint32_t euid, uint32_t suid,
			 uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_stage_ids(p, &(struct proc_ids){ ruid, euid, suid, rgid, egid, sgid });
}

static long do_events(void *ctx, uint64_t badge, vg_handle_t *note)
{
	(void)ctx;
	CALLER(p, badge);
	long st;
	if (!p->events && (st = vg_notification_create(&p->events)))
		return st;
	return vg_handle_duplicate(p->events, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, note);
}

static long do_setpgid(void *ctx, uint64_t badge, int32_t pid, int32_t pgid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_setpgid(p, pid, pgid);
}

static long do_getpgid(void *ctx, uint64_t badge, int32_t pid, int32_t *pgid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_getpgid(p, pid, pgid);
}

static long do_setsid(void *ctx, uint64_t badge, int32_t *sid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_setsid(p, sid);
}

static long do_getsid(void *ctx, uint64_t badge, int32_t pid, int32_t *sid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_getsid(p, pid, sid);
}

static long do_kill(void *ctx, uint64_t badge, int32_t pid, int32_t sig)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_kill(p, pid, sig);
}

static long do_sigqueue(void *ctx, uint64_t badge, int32_t pid, int32_t sig, uint64_t value)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_sigqueue(p, pid, sig, value);
}

static long do_grant_kill(void *ctx, uint64_t badge, int32_t pid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_grant_kill(p, pid);
}

static long do_terminal(void *ctx, uint64_t badge, int32_t sid, int32_t pgid)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_terminal(p, sid, pgid);
}

static long do_terminal_device(void *ctx, uint64_t badge, int32_t sid, uint64_t rdev)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_terminal_device(p, sid, rdev);
}

static long do_ctty(void *ctx, uint64_t badge, uint64_t *rdev)
{
	(void)ctx;
	CALLER(p, badge);
	*rdev = proc_ctty(p);
	return 0;
}

static long do_link_vfs(void *ctx, uint64_t badge, vg_handle_t *vfs)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_link_vfs(p, vfs);
}

static long do_setid_exec(void *ctx, uint64_t badge, vg_handle_t process, vg_handle_t image,
			  uint32_t size, vg_handle_t vfs, uint32_t ruid, uint32_t euid,
			  uint32_t suid, bool secure, uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	(void)ctx;
	return proc_setid_exec(badge, process, image, size, vfs,
			       &(struct proc_ids){ ruid, euid, suid, rgid, egid, sgid }, secure);
}

static long do_ids(void *ctx, uint64_t badge, vg_handle_t process, uint32_t ruid, uint32_t euid,
		   uint32_t suid, uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	(void)ctx;
	return proc_set_ids(badge, process,
			    &(struct proc_ids){ ruid, euid, suid, rgid, egid, sgid });
}

static long do_next(void *ctx, uint64_t badge, int32_t after, struct proc_info *info,
		    const char **args)
{
	(void)ctx;
	CALLER(caller, badge);
	struct proc *best = NULL;
	for (size_t i = 0; i < PROC_MAX; i++) {
		struct proc *p = &procsrv.table[i];
		if (p->pid > after && (!best || p->pid < best->pid))
			best = p;
	}
	if (!best)
		return PROC_PROC_ERROR_NO_PROCESS;
	*info = (struct proc_info){
		.pid = best->pid,
		.ppid = best->ppid,
		.pgid = best->pgid,
		.sid = best->sid,
		.state = best->state,
		.status = best->state == PROC_STATE_ZOMBIE ? best->status : 0,
		.start_ns = best->start_ns,
		.nice = best->nice,
		.uid = best->ids.euid,
	};
	struct vg_process_info k;
	if (best->process && !vg_process_info(best->process, &k)) {
		info->threads = k.threads;
		info->memory = k.committed;
		info->mapped = k.mapped;
		info->cpu_ns = k.cpu_ns;
		/* The caller is blocked in this very call, yet running. */
		if (k.suspended)
			info->state = PROC_STATE_STOPPED;
		else if (k.threads && k.blocked == k.threads && best != caller)
			info->state = PROC_STATE_SLEEPING;
	}
	*args = best->args;
	return 0;
}

static long do_fork(void *ctx, uint64_t badge, vg_handle_t child, int32_t *pid, vg_handle_t *ep)
{
	(void)ctx;
	struct proc *p = proc_of_badge(badge);
	if (!p) {
		vg_handle_close(child);
		return ERR_ACCESS_DENIED;
	}
	return proc_fork(p, child, pid, ep);
}

static long do_exec(void *ctx, uint64_t badge, const char *path, size_t path_len, const void *args,
		    size_t args_len, const void *env, size_t env_len)
{
	(void)ctx;
	(void)path_len;
	CALLER(p, badge);
	struct proc_spawn_req req = { path, args, args_len, env, env_len, -1, false };
	return proc_exec(p, &req);
}

static long do_adopt(void *ctx, uint64_t badge, vg_handle_t process, const void *args,
		     size_t args_len, uint64_t start_ns, int32_t *pid)
{
	(void)ctx;
	struct proc *p = proc_of_badge(badge);
	if (!p) {
		vg_handle_close(process);
		return ERR_ACCESS_DENIED;
	}
	return proc_adopt(p, process, args, args_len, start_ns, pid);
}

static long do_hold(void *ctx, uint64_t badge, int32_t pid, vg_handle_t *process)
{
	(void)ctx;
	CALLER(p, badge);
	return proc_hold(p, pid, process);
}

static long do_unstage(void *ctx, uint64_t badge)
{
	(void)ctx;
	CALLER(p, badge);
	proc_unstage(p);
	return 0;
}

static const struct proc_process_ops ops = {
	.self = do_self,
	.give = do_give,
	.spawn = do_spawn,
	.wait = do_wait,
	.events = do_events,
	.setpgid = do_setpgid,
	.getpgid = do_getpgid,
	.setsid = do_setsid,
	.getsid = do_getsid,
	.kill = do_kill,
	.next = do_next,
	.unstage = do_unstage,
	.fork = do_fork,
	.exec = do_exec,
	.waitid = do_waitid,
	.child_signals = do_child_signals,
	.limit = do_limit,
	.grant_kill = do_grant_kill,
	.terminal = do_terminal,
	.setpriority = do_setpriority,
	.getpriority = do_getpriority,
	.link_vfs = do_link_vfs,
	.ids = do_ids,
	.setid_exec = do_setid_exec,
	.stage_limit = do_stage_limit,
	.stage_ids = do_stage_ids,
	.sigqueue = do_sigqueue,
	.terminal_device = do_terminal_device,
	.ctty = do_ctty,
	.adopt = do_adopt,
	.hold = do_hold,
	.give4 = do_give4,
};
static struct proc_process_server server = { &ops, NULL };

static void closed(struct async_loop *loop, struct async_server *s)
{
	(void)s;
	async_loop_quit(loop, ERR_PEER_CLOSED);
}

long proc_run(struct async_loop *loop, vg_handle_t ep)
{
	procsrv.loop = loop;
	procsrv.ep = ep;
	procsrv.last_pid = 1;
	/* pid 1: the root task, which started this server and holds its
	 * unbadged handle; a session and group of its own. */
	struct proc *init = &procsrv.table[0];
	*init = (struct proc){ .pid = 1, .pgid = 1, .sid = 1, .state = PROC_STATE_RUNNING };
	procsrv.slot_of[1] = 1;
	memcpy(init->args, "init", 5);
	proc_limits_init(init);
	procsrv.server.closed = closed;
	long st = proc_limits_start();
	if (!st)
		st = async_server_add(loop, &procsrv.server, ep, proc_process_dispatch, &server);
	if (st)
		return st;
	return async_loop_run(loop);
}
