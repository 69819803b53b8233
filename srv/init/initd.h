/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * init (srv/init), the root task of a normal boot: reads the service
 * definitions, starts the services target by target in dependency order,
 * hands each the handles its definition grants, supervises and restarts
 * them, serves idl/init.idl and shuts the system down in order. See
 * docs/ARCHITECTURE.md, section 19.
 */
#ifndef INIT_INITD_H
#define INIT_INITD_H

#include "depgraph.h"
#include "svcdef.h"
#include <async/loop.h>
#include <async/server.h>
#include <async/timer.h>
#include <init.h> /* generated from idl/init.idl */
#include <stdbool.h>
#include <verdigris/exit.h>
#include <vg/vg.h>

struct service {
	char name[SVC_NAME_MAX + 1];
	const struct svcdef *def; /* NULL when the definition is invalid */
	init_state_t state;
	char why[192]; /* why it is not running, as logged */
	vg_handle_t proc; /* while running: wait and manage */
	/* Started via the process server: the kernel handle of its process
	 * (proc.hold), kept for when that server is gone (viaproc.c). */
	vg_handle_t held;
	uint64_t koid, started_ns;
	/* Its pid at the process server while it runs (started via it, or
	 * entered in its table: viaproc.c), or 0. */
	int32_t pid;
	/* Init's handle to the endpoint the service serves (signal, transfer,
	 * duplicate), from its first start on. */
	vg_handle_t ep;
	uint32_t restarts; /* since boot */
	int64_t last_exit; /* a wait status */
	uint64_t window_ns; /* the restart window began then */
	uint32_t window_restarts, delay_ms;
	bool stopping, restart_after_stop;
	/* Stopped (or being stopped) because a service it holds a handle of
	 * restarted: started again once those run (regrant.c). */
	bool regrant;
	uint32_t starts; /* since boot: from the second on, its endpoint is new */
	struct async_source exit_src;
	struct async_timer timer; /* the restart backoff */
	bool timer_ready;
	/* A stop with a signal: SIGKILL at this timer when the start
	 * stop_starts has not ended within the stop timeout. */
	struct async_timer stop_timer;
	bool stop_timer_ready;
	uint32_t stop_starts;
};

#define SVCS_MAX DEP_SERVICES_MAX

struct init {
	struct async_loop loop;
	struct service svcs[SVCS_MAX];
	int nsvcs; /* the first nvalid have a definition, in defs[] order */
	int nvalid;
	int order[SVCS_MAX]; /* start order: indices into svcs */
	int nordered;
	vg_handle_t bus; /* the bus's unbadged (administrator's) handle, or 0 */
	vg_handle_t resource; /* the root resource: power */
	vg_handle_t control; /* the endpoint we serve idl/init.idl on */
	struct async_server control_srv;
	struct async_timer power_timer; /* runs a requested shutdown */
	uint32_t power_action; /* VG_POWER_* */
	bool power_pending;
	bool testing; /* the kernel's "ktest": the test services too */
};

extern struct init init;

/* catalog.c: reads /etc/services (and /etc/services-test when testing)
 * from the boot archive, parses and resolves. */
void catalog_load(struct init *in);

/* users.c: a definition's user and group names as numbers, from the boot
 * archive's etc/passwd and etc/group; -1 with why when one is missing. */
int users_resolve(struct svcdef *d, char *why, size_t size);

/* start.c: starts service s now (its endpoint, handles, file system
 * actions); 0 or an ERR_* with s->why set. */
long service_start(struct init *in, struct service *s);
struct service *service_find(struct init *in, const char *name);
/* Whether every hard dependency of s is running. */
bool service_deps_running(struct init *in, const struct service *s, const char **missing);

/* supervise.c: exits, the restart policy, announcements on the bus. */
void supervise_watch(struct init *in, struct service *s);
/* s ended with a wait status (<sys/wait.h>): log, announce, apply the
 * policy. */
void service_exited(struct init *in, struct service *s, int32_t status);
/* Kills s (or cancels its pending restart): 0, or why it cannot. */
long supervise_stop(struct init *in, struct service *s);
void announce(struct init *in, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* regrant.c: s has just started: if it had run before, its endpoint is
 * new, and every running service holding the old one is stopped, to be
 * started again once what it holds handles of runs (binding.h). */
void regrant_started(struct init *in, struct service *s);
/* Starts the services stopped that way whose dependencies all run. */
void regrant_resume(struct init *in);

/* viaproc.c: services started through the process server (via = proc):
 * start with the handles h (consumed), send a signal, reap without
 * waiting (0 and its status, or PROC_PROC_ERROR_AGAIN while it runs). */
long viaproc_start(struct init *in, struct service *s, const char *const *argv,
		   const char *const *envp, struct vg_startup_handle *h, size_t n);
long viaproc_signal(struct service *s, int sig);
/* A service init started itself (s->proc) entered in the process
 * server's table: s->pid, or 0 (no server runs, or it refused: logged). */
void viaproc_adopt(struct init *in, struct service *s);
/* Every running service init started itself, entered again (the process
 * server has just started: it and everything before it). */
void viaproc_adopt_all(struct init *in);
/* Whether s is a process server (serve = proc): never signalled. */
bool viaproc_is_server(const struct service *s);
long viaproc_reap(const struct service *s, int32_t *status);

/* stop.c: asks s to end (its stop signal, SIGKILL after its stop timeout;
 * a service init started itself is killed at once); its end comes as
 * any exit does. 0 or an ERR_*. */
long stop_begin(struct init *in, struct service *s);
/* Whether a stop of s begins with its stop signal (it has a pid, and is
 * not the process server, which nobody signals). */
bool stop_signalled(const struct service *s);
/* Ends s at once: SIGKILL. 0 or an ERR_*. */
long stop_kill(struct service *s);
/* Logs that s outlived its stop timeout and is being killed (stop.c and
 * the shutdown in power.c). */
void stop_report_overdue(const struct service *s);

/* control.c: idl/init.idl. */
long control_init(struct init *in);

/* power.c: stops every service in reverse dependency order, syncs the
 * filesystems, then power. */
void power_request(struct init *in, uint32_t action);
_Noreturn void power_now(struct init *in, uint32_t action);

#endif
