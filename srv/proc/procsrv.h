/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The process server's state (docs/ARCHITECTURE.md, section 14): a fixed
 * table of processes, each with its kernel process handle (watched on the
 * event loop's port for its exit), its identity, its wait status once it
 * has ended, and the handles staged for its next spawn. Everything runs on
 * the loop's one thread; nothing is allocated.
 */
#ifndef SRV_PROCSRV_H
#define SRV_PROCSRV_H

#include <async/loop.h>
#include <async/server.h>
#include <async/timer.h>
#include <kernel/string.h>
#include <proc.h> /* generated from idl/proc.idl */
#include <verdigris/exit.h>

#define PROC_MAX 200 /* table slots, the root task's included */
#define PROC_PID_MAX 32767 /* pids go up to this, then wrap around */
#define PROC_STAGED_MAX 32
#define PROC_ARGS_MAX PROC_PROCESS_NEXT_ARGS_MAX
#define PROC_LIMITS 17 /* Linux's 16 RLIMIT_* and RLIMIT_VG_HANDLES */
#define PROC_NO_LIMIT UINT64_MAX

/* waitid's flags (idl/proc.idl). */
#define PROC_WAIT_EXITED 1u
#define PROC_WAIT_STOPPED 2u
#define PROC_WAIT_CONTINUED 4u
#define PROC_WAIT_NOWAIT 8u

/* The rights of each process's handle to this server: duplicable, so
 * that the process can show the VFS who it is (ids.c). */
#define PROC_CLIENT_RIGHTS (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE)
/* The badge of the VFS's handle (link_vfs): above every pid. */
#define PROC_BADGE_VFS ((uint64_t)PROC_PID_MAX + 1)

/* A process's user ids as the VFS last told them (ids.c), else its
 * parent's: real, effective and saved. */
struct proc_ids {
	uint32_t ruid, euid, suid;
	uint32_t rgid, egid, sgid; /* only told to the programs it starts (getauxval) */
};

/* A new program's blocked and SIG_IGN signals (bit n: signal n). */
struct proc_sigstate {
	uint64_t blocked, ignored;
};

struct proc_staged {
	uint32_t tag, arg;
	vg_handle_t h;
};

struct proc {
	int32_t pid; /* 0: a free slot */
	int32_t ppid, pgid, sid;
	proc_state_t state;
	int32_t status; /* the wait status, once a zombie */
	int kill_sig; /* the signal this server ended it with, or 0 */
	vg_handle_t process; /* manage, wait; VG_HANDLE_INVALID for pid 1 */
	/* A fork its parent ended in the middle of (wait.c): never ran, and
	 * freed without a word when the end this server gave it comes. */
	bool unborn;
	struct async_source exit_src;
	vg_handle_t events; /* the notification for its children's ends, or 0 */
	uint64_t start_ns;
	/* Stops and continuations (the kernel's VG_PACKET_PROCESS_STOP): the
	 * change not yet reported to waitid (PROC_WAIT_STOPPED or _CONTINUED,
	 * or 0), and the stop signal last sent, the one a stop reports. */
	uint32_t change;
	int stop_sig;
	/* Its SIGCHLD action (child_signals): what its children's changes do.
	 * SIGCHLD goes only to a process that uses it (a handler, or blocked
	 * for sigpending and sigwait): one it would ignore would only
	 * interrupt its blocking calls. */
	bool sigchld_caught, nocldstop, nocldwait;
	/* The signal state its program started with (spawn, exec: the
	 * blocked and SIG_IGN signals its creator passed), which a program
	 * without an interruption entry keeps for ever: signal.c's default
	 * actions leave those signals alone. */
	struct proc_sigstate sigs;
	/* The kill right (grant_kill): may signal any process but pid 1;
	 * inherited by its children. */
	bool kill_any;
	/* This server's own process (adopt): listed, never signalled. */
	bool is_server;
	struct proc_ids ids;
	/* A session leader's controlling terminal's foreground group, as its
	 * terminal server said (terminal), or 0: SIGHUP'd when it ends. */
	int32_t tty_fg;
	/* A session leader's controlling terminal's device number, as its
	 * terminal server said (terminal_device), or 0. */
	uint64_t tty_dev;
	struct proc_limit limits[PROC_LIMITS];
	int32_t nice; /* setpriority's, applied to its kernel process */
	uint64_t cpu_warned_ns; /* CPU time at the last SIGXCPU */
	char args[PROC_ARGS_MAX + 1]; /* name and arguments, space-separated */
	uint32_t nstaged;
	struct proc_staged staged[PROC_STAGED_MAX];
	/* Limits staged for the next spawn (stage_limit): bit r of the mask
	 * says staged_limits[r] replaces the caller's for the child. */
	uint32_t staged_limit_mask;
	struct proc_limit staged_limits[PROC_LIMITS];
	/* Ids staged for the next spawn (stage_ids, pid 1's), if ids_staged. */
	bool ids_staged;
	struct proc_ids staged_ids;
	/* A set-user-ID program the VFS staged for the next spawn or exec
	 * (setid_exec, setid.c), if setid_staged: its pages, the VFS handle
	 * naming its credentials, and its ids. */
	bool setid_staged, setid_secure;
	vg_handle_t setid_image, setid_vfs;
	uint32_t setid_len;
	struct proc_ids setid_ids;
};
_Static_assert(PROC_LIMITS <= 32, "staged_limit_mask has a bit per resource");

struct procsrv {
	struct async_loop *loop;
	struct async_server server;
	vg_handle_t ep; /* the server's endpoint: receive, mint */
	vg_handle_t resource; /* the root resource (pid 1's grant), for nice < 0; or 0 */
	int32_t last_pid;
	struct async_timer cpu_timer; /* checks RLIMIT_CPU every second */
	struct proc table[PROC_MAX];
	/* Each pid's slot + 1 (0: none), so that finding a caller by its
	 * badge, done for every request, is not a walk of the table. */
	uint8_t slot_of[PROC_PID_MAX + 1];
	uint64_t ep_koid; /* our endpoint's: ids() checks handles with it */
	bool vfs_linked; /* link_vfs gave the VFS its handle */
};
_Static_assert(PROC_MAX < 255, "slot_of holds a slot + 1 in a byte");

extern struct procsrv procsrv;

/* Serves ep (all rights) on loop until the endpoint goes away. */
long proc_run(struct async_loop *loop, vg_handle_t ep);

/* The table (table.c). */
struct proc *proc_find(int32_t pid);
/* The caller a badge names (badge 0: pid 1), NULL when it is gone. */
struct proc *proc_of_badge(uint64_t badge);
/* A free slot with a fresh pid, or NULL when the table is full. */
struct proc *proc_alloc(void);
/* Closes everything the slot holds and frees it. */
void proc_free(struct proc *p);
void proc_unstage(struct proc *p);
/* Sets args from a list of NUL-terminated strings (len bytes). */
void proc_set_args(struct proc *p, const char *args, size_t len);

/* Spawning (spawn.c); the program image lookup (image.c). */
struct proc_spawn_req {
	const char *path;
	const void *args; /* NUL-terminated strings, args_len bytes in all */
	size_t args_len;
	const void *env; /* the same */
	size_t env_len;
	int32_t pgid; /* -1 the parent's group, 0 a new one, > 0 that one */
	bool new_session;
};
long proc_spawn(struct proc *parent, const struct proc_spawn_req *req, int32_t *pid);
/* Replaces p's program, keeping its pid. */
long proc_exec(struct proc *p, const struct proc_spawn_req *req);
/* Registers process (a copy of parent's memory, not yet running) as a new
 * child: its pid and its endpoint to us. */
long proc_fork(struct proc *parent, vg_handle_t process, int32_t *pid, vg_handle_t *ep);
/* The cache entry for a boot archive image (the one holding it, or the
 * one it will replace). */
struct vg_spawn_cache *proc_image_cache(const void *image);
long proc_image_find(const char *path, const void **image, size_t *len);
/* A file's pages staged by the caller (file, consumed), len bytes, mapped
 * here read-only for a spawn; proc_image_unmap when done. */
long proc_image_map(vg_handle_t file, uint32_t len, const void **image, size_t *size);
void proc_image_unmap(const void *image, size_t size);

/* adopt (adopt.c): pid 1 enters a process it started itself. */
long proc_adopt(struct proc *caller, vg_handle_t process, const void *args, size_t args_len,
		uint64_t start_ns, int32_t *pid);
/* hold: pid 1's duplicate of the kernel handle of a child of its. */
long proc_hold(struct proc *caller, int32_t pid, vg_handle_t *process);

/* Ends and waiting (wait.c). */
/* Starts watching p's kernel process for its exit. */
long proc_watch(struct proc *p);
/* waitid: flags PROC_WAIT_*. */
long proc_wait(struct proc *caller, int32_t pid, uint32_t flags, int32_t *child, int32_t *status);

/* Groups and sessions (groups.c). */
bool proc_is_ancestor(const struct proc *a, const struct proc *p);
long proc_setpgid(struct proc *caller, int32_t pid, int32_t pgid);
long proc_getpgid(struct proc *caller, int32_t pid, int32_t *pgid);
long proc_setsid(struct proc *caller, int32_t *sid);
long proc_getsid(struct proc *caller, int32_t pid, int32_t *sid);

/* Priorities (priority.c): setpriority, getpriority (which is 0, 1 or 2:
 * PRIO_PROCESS, PRIO_PGRP, PRIO_USER), and p's nice set on its kernel
 * process (after a spawn, fork or exec). */
long proc_setpriority(struct proc *caller, uint32_t which, int32_t who, int32_t nice);
long proc_getpriority(struct proc *caller, uint32_t which, int32_t who, int32_t *nice);
long proc_nice_apply(struct proc *p);

#define SIGCHLD_NUMBER 17
#define SIGKILL_NUMBER 9
/* Signals (signal.c): whether sig is a signal number (0 included: the
 * existence check), and what sending it to p does. */
bool proc_signal_valid(int32_t sig);
/* Sends sig with si_code code (0: SI_USER) from pid `from`. */
void proc_deliver(struct proc *p, int32_t sig, int32_t code, int32_t from, int32_t status);
/* p's program waited without registering an interruption entry while
 * the kernel held its signals (VG_PACKET_PROCESS_UNHELD): it takes them
 * back and gives them the default action. */
void proc_unheld(struct proc *p);
long proc_kill(struct proc *caller, int32_t pid, int32_t sig);
/* sigqueue: sig with value (SI_QUEUE) to one process, as kill permits;
 * PROC_PROC_ERROR_FULL when the target cannot queue it. */
long proc_sigqueue(struct proc *caller, int32_t pid, int32_t sig, uint64_t value);
/* grant_kill: pid 1 gives pid the kill right. */
long proc_grant_kill(struct proc *caller, int32_t pid);
/* terminal: pid 1 (a terminal server) names session sid's foreground. */
long proc_terminal(struct proc *caller, int32_t sid, int32_t pgid);
/* terminal_device: pid 1 (a terminal server) names session sid's
 * controlling terminal's device; ctty: the caller's session's. */
long proc_terminal_device(struct proc *caller, int32_t sid, uint64_t rdev);
uint64_t proc_ctty(const struct proc *caller);
/* A session leader p ended: its terminal's foreground group is hung up. */
void proc_hangup(struct proc *p);

/* 16 bytes for a new program's AT_RANDOM (random.c). */
void proc_random(uint8_t out[16]);

/* User ids (ids.c). */
long proc_link_vfs(struct proc *caller, vg_handle_t *out);
/* ids from the VFS (badge): process is the handle a process gave it. */
long proc_set_ids(uint64_t badge, vg_handle_t process, const struct proc_ids *ids);
/* What a child starts with: its parent's ids, kill right and nice (its
 * limits: proc_limits_inherit for a spawn, a copy for a fork). */
void proc_inherit(struct proc *child, const struct proc *parent);
/* setid_exec (setid.c): from the VFS alone, a set-id program for the
 * next spawn or exec of the process `process` names. */
long proc_setid_exec(uint64_t badge, vg_handle_t process, vg_handle_t image, uint32_t len,
		     vg_handle_t vfs, const struct proc_ids *ids, bool secure);
/* Drops a staged set-id program (unstage, a failed spawn). */
void proc_setid_drop(struct proc *p);
/* For a spawn or exec by from: a staged set-id program replaces *file
 * (closed) and its length, and the VFS handle among h[0..*n) (closed;
 * appended when there is none: h has room for one more), *ids and
 * *secure (whether the VFS said the program gains ids; false when none is
 * staged); consumed. */
void proc_setid_take(struct proc *from, struct vg_startup_handle *h, uint32_t *n, vg_handle_t *file,
		     uint32_t *len, struct proc_ids *ids, bool *secure);
/* The process a handle to our endpoint names, or NULL (ids.c). */
struct proc *proc_named_by(vg_handle_t h);

/* stage_ids: pid 1 names the ids of its next spawned child. */
long proc_stage_ids(struct proc *caller, const struct proc_ids *ids);
/* A spawned child's ids: what its parent staged (consumed), else its
 * parent's (after proc_inherit). */
void proc_ids_take_staged(struct proc *child, struct proc *parent);

/* Resource limits (limits.c). */
/* No limits, for pid 1; a child's are copied from its parent's. */
void proc_limits_init(struct proc *p);
/* Sets the kernel's limits of p's process from p's table. */
void proc_limits_apply(struct proc *p);
/* Sets the kernel's limits of process (not yet running) from limits. */
void proc_limits_set_kernel(vg_handle_t process, const struct proc_limit *limits);
/* A spawned child's limits: its parent's, with what the parent staged
 * (consumed) in their place. */
void proc_limits_inherit(struct proc *child, struct proc *parent);
/* Checks p's CPU time from now on, if it has a limit (p runs). */
void proc_limits_watch_cpu(struct proc *p);
long proc_stage_limit(struct proc *caller, uint32_t resource, const struct proc_limit *value);
long proc_limit(struct proc *caller, int32_t pid, uint32_t resource, bool set,
		const struct proc_limit *value, struct proc_limit *old);
/* Starts the once-a-second RLIMIT_CPU check. */
long proc_limits_start(void);

#endif
