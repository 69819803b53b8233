// SPDX-License-Identifier: BSD-2-Clause
// Starting one service: the endpoint it serves, the handles its definition
// grants (and nothing else: least privilege), its arguments and
// environment, then what init does for it once it runs (its name on the
// bus, its mount in the VFS).
#include "initd.h"
#include <bus.h>
#include <fs.h>
#include <proc.h>
#include <stdio.h>
#include <string.h>

#define CLIENT_RIGHTS (VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER | VG_RIGHT_DUPLICATE)

struct service *service_find(struct init *in, const char *name)
{
	for (int i = 0; i < in->nsvcs; i++)
		if (!strcmp(in->svcs[i].name, name))
			return &in->svcs[i];
	return NULL;
}

bool service_deps_running(struct init *in, const struct service *s, const char **missing)
{
	for (int k = 0; k < s->def->nrefs; k++) {
		const struct service *d = service_find(in, s->def->refs[k].name);
		if (s->def->refs[k].hard && (!d || d->state != INIT_STATE_RUNNING)) {
			*missing = s->def->refs[k].name;
			return false;
		}
	}
	return true;
}

/* VG_HTAG_* of a tag; user:N is VG_HTAG_USER with arg N (what the file
 * servers look for). */
static uint32_t htag(uint8_t tag)
{
	switch (tag) {
	case SVC_TAG_SERVER_EP: return VG_HTAG_SERVER_EP;
	case SVC_TAG_PROC: return VG_HTAG_PROC;
	case SVC_TAG_BUS: return VG_HTAG_BUS;
	case SVC_TAG_FS_ROOT: return VG_HTAG_FS_ROOT;
	case SVC_TAG_FS_CWD: return VG_HTAG_FS_CWD;
	case SVC_TAG_RESOURCE: return VG_HTAG_RESOURCE;
	case SVC_TAG_INIT: return VG_HTAG_INIT;
	default: return VG_HTAG_USER;
	}
}

/* The handles to give: descriptors 1 and 2 on the log (a service has no
 * terminal: its output goes to the system log, and a service that closes
 * them has closed them), its own endpoint (a new one each start: a
 * restart does not inherit calls queued for the old server) and its
 * grants. */
static long make_handles(struct init *in, struct service *s, vg_handle_t child,
			 struct vg_startup_handle *h, size_t *n)
{
	const struct svcdef *d = s->def;
	long st = 0;
	*n = 0;
	if (!(st = vg_spawn_log_fds(h)))
		*n = 2;
	if (!st && d->serve != SVC_TAG_NONE) {
		vg_handle_t ep, mine;
		if ((st = vg_endpoint_create(&ep)))
			return st;
		if ((st = vg_handle_duplicate(ep, CLIENT_RIGHTS, &mine))) {
			vg_handle_close(ep);
			return st;
		}
		if (s->ep)
			vg_handle_close(s->ep);
		s->ep = mine;
		h[(*n)++] = (struct vg_startup_handle){ htag(d->serve), d->serve_arg, ep, 0 };
	}
	for (int g = 0; g < d->ngrants && !st; g++) {
		const struct svc_grant *gr = &d->grants[g];
		vg_handle_t give = 0;
		if (gr->tag == SVC_TAG_RESOURCE) {
			st = vg_handle_duplicate(in->resource, VG_RIGHT_MANAGE | VG_RIGHT_TRANSFER,
						 &give);
			if (!st)
				h[(*n)++] = (struct vg_startup_handle){ htag(gr->tag), 0, give, 0 };
			continue;
		}
		if (gr->tag == SVC_TAG_INIT) {
			/* Duplicable: the shell passes it to the programs it
			 * runs (svc, poweroff), as a root shell's children
			 * are root. */
			st = vg_handle_duplicate(in->control, CLIENT_RIGHTS, &give);
			if (!st)
				h[(*n)++] = (struct vg_startup_handle){ VG_HTAG_INIT, 0, give, 0 };
			continue;
		}
		if (gr->tag == SVC_TAG_KILL)
			continue; /* no handle: given once it has a pid (viaproc.c) */
		/* grant = proc: the process server's unbadged handle, pid 1's
		 * (ours): its holder acts as pid 1 (signals any group), which a
		 * console needs for ^C. A process of its own gets its own
		 * handle through `via`. */
		const struct service *from = service_find(in, d->refs[gr->ref].name);
		if (!from || !from->ep) {
			snprintf(s->why, sizeof(s->why), "%s has no endpoint to grant",
				 d->refs[gr->ref].name);
			st = ERR_NOT_FOUND;
		} else if (gr->tag == SVC_TAG_BUS) {
			/* A grant on the bus that ends when this process does. */
			vg_handle_t owner;
			st = vg_handle_duplicate(child, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, &owner);
			if (!st)
				st = bus_admin_grant(from->ep, gr->add, gr->look, owner, &give);
		} else if (d->has_user &&
			   (gr->tag == SVC_TAG_FS_ROOT || gr->tag == SVC_TAG_FS_CWD)) {
			/* user = uid:gid: a handle of the VFS's naming those
			 * ids (ours are root's, so it may give any); the
			 * service's opens are checked against them, and only
			 * root could change them back. */
			st = fs_vfs_become(from->ep, d->uid, d->uid, d->uid, d->gid, d->gid, d->gid,
					   &give);
		} else {
			/* Duplicable: a service passes what it was granted on
			 * to its children (a shell's file system). */
			st = vg_handle_duplicate(from->ep, CLIENT_RIGHTS, &give);
		}
		if (!st)
			h[(*n)++] = (struct vg_startup_handle){ htag(gr->tag), gr->arg, give, 0 };
	}
	if (st)
		for (size_t i = 0; i < *n; i++)
			vg_handle_close(h[i].handle);
	return st;
}

/* The `register` name of s on the bus: its endpoint (ours, duplicated). */
static long name_add(struct init *in, const struct service *s)
{
	vg_handle_t give;
	bus_names_remove(in->bus, s->def->bus_name); /* a restart's stale name */
	long st = vg_handle_duplicate(s->ep, CLIENT_RIGHTS, &give);
	return st ? st : bus_names_add(in->bus, s->def->bus_name, give);
}

/* A bus that has started again (bus) knows no names: each running
 * service's `register` name is added again. They are ours to add (the
 * services were given no handle of the old bus for them, so nothing of
 * theirs died and none is restarted): a client looking one up finds the
 * same endpoint as before. */
static void names_restore(struct init *in, const struct service *bus)
{
	for (int i = 0; i < in->nvalid; i++) {
		const struct service *o = &in->svcs[i];
		long st;
		if (o == bus || !o->def->bus_name[0] || o->state != INIT_STATE_RUNNING || !o->ep)
			continue;
		if ((st = name_add(in, o)))
			printf("init: %s: its bus name %s not added again (%ld)\n", o->name,
			       o->def->bus_name, st);
	}
}

/* What init does once the service runs: its bus name, its place in the
 * VFS. Calls queue on the new endpoint until the server serves. */
static long after_start(struct init *in, struct service *s)
{
	const struct svcdef *d = s->def;
	long st = 0;
	vg_handle_t give;
	const char *step = "";
	if (d->bus_name[0] && in->bus && (step = "bus name"))
		st = name_add(in, s);
	const struct service *fs = d->has_fs ? service_find(in, d->refs[d->fs_ref].name) : NULL;
	if (!st && d->mount[0] && (step = "mount")) {
		st = vg_handle_duplicate(s->ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &give);
		/* listed (getmntent) as the service, of its program's type */
		const char *type = strrchr(d->program, '/');
		if (!st)
			st = fs_vfs_mount_named(fs->ep, d->mount, give, s->name,
						type ? type + 1 : d->program);
	}
	if (st)
		snprintf(s->why, sizeof(s->why), "%s: %s failed (%ld)", s->name, step, st);
	return st;
}

/* The VFS tells the process server each process's user ids, through a
 * handle the process server makes for it (docs/ARCHITECTURE.md, section
 * 15): linked whenever either starts and the other runs. */
static void link_vfs_to_proc(struct init *in)
{
	const struct service *proc = service_find(in, "proc"), *vfs = service_find(in, "vfs");
	if (!proc || !vfs || proc->state != INIT_STATE_RUNNING ||
	    vfs->state != INIT_STATE_RUNNING || !proc->ep || !vfs->ep)
		return;
	vg_handle_t link;
	long st = proc_process_link_vfs(proc->ep, &link);
	if (!st)
		st = fs_vfs_link_proc(vfs->ep, link);
	if (st)
		printf("init: could not link the vfs to the process server (%ld): kill's "
		       "permission will not follow setuid\n",
		       st);
}

/* The kernel's limit for each svc_limit it enforces (cpu and files are
 * the process server's and the C library's: via only). */
static const uint32_t kernel_limit[] = {
	[SVC_LIMIT_MEMORY] = VG_LIMIT_MAPPED,
	[SVC_LIMIT_HANDLES] = VG_LIMIT_HANDLES,
	[SVC_LIMIT_THREADS] = VG_LIMIT_THREADS,
};

/* The limits of s, set on its new process before it runs. The parser
 * allows cpu and files only with via (viaproc.c stages them). */
static long limits_set(struct service *s, vg_handle_t child)
{
	for (int k = 0; k < s->def->nlimits; k++) {
		uint8_t kind = s->def->limits[k].kind;
		long st = kind >= sizeof(kernel_limit) / sizeof(kernel_limit[0])
			? ERR_NOT_SUPPORTED
			: vg_process_set_limit(child, kernel_limit[kind], s->def->limits[k].value);
		if (st) {
			snprintf(s->why, sizeof(s->why), "%s: its limits (%ld)", s->name, st);
			return st;
		}
	}
	return 0;
}

long service_start(struct init *in, struct service *s)
{
	const struct svcdef *d = s->def;
	const char *missing, *why = NULL;
	if (!service_deps_running(in, s, &missing)) {
		snprintf(s->why, sizeof(s->why), "requires %s, which is not running", missing);
		return ERR_BAD_STATE;
	}
	const void *image;
	size_t len;
	long st = vg_initrd_find(d->program, &image, &len);
	if (st) {
		snprintf(s->why, sizeof(s->why), "%s: no program %s in the boot archive", s->name,
			 d->program);
		return st;
	}
	const char *argv[SVC_ARGS_MAX + 2], *envp[SVC_ENVS_MAX + 1];
	argv[0] = s->name;
	for (int k = 0; k < d->nargs; k++)
		argv[k + 1] = d->args[k];
	argv[d->nargs + 1] = NULL;
	for (int k = 0; k < d->nenv; k++)
		envp[k] = d->env[k];
	envp[d->nenv] = NULL;
	/* Started by us, the new process is made first: a bus grant names it,
	 * and its limits are in force before its first instruction. */
	vg_handle_t child = VG_HANDLE_INVALID;
	if (!d->via_proc && (st = vg_process_create(&child)))
		return st;
	if (!d->via_proc && (st = limits_set(s, child))) {
		vg_handle_close(child);
		return st;
	}
	struct vg_startup_handle h[3 + SVC_GRANTS_MAX];
	size_t n;
	if ((st = make_handles(in, s, child, h, &n))) {
		if (child)
			vg_handle_close(child);
		if (!s->why[0])
			snprintf(s->why, sizeof(s->why), "%s: its handles (%ld)", s->name, st);
		return st;
	}
	uint64_t t0 = (uint64_t)vg_clock_monotonic();
	if (d->via_proc) {
		if ((st = viaproc_start(in, s, argv, envp, h, n)))
			return st;
	} else {
		struct vg_spawn_req req = { image, len, argv, envp, h, n, NULL };
		if ((st = vg_spawn_in(&req, child, &child, &why))) {
			snprintf(s->why, sizeof(s->why), "%s: %s (%ld)", d->program,
				 why ? why : "?", st);
			return st;
		}
		struct vg_handle_info info;
		s->proc = child;
		s->koid = vg_handle_info(child, &info) ? 0 : info.koid;
	}
	s->started_ns = t0;
	s->state = INIT_STATE_RUNNING;
	s->stopping = false;
	s->why[0] = 0;
	if (!d->via_proc)
		supervise_watch(in, s);
	if (!strcmp(s->name, "bus") && d->serve == SVC_TAG_SERVER_EP) {
		/* The bus: ours is the administrator's handle. */
		in->bus = s->ep;
		vg_handle_t ctl;
		if (!vg_handle_duplicate(in->control, CLIENT_RIGHTS, &ctl) &&
		    bus_names_add(in->bus, "svc.init", ctl))
			printf("init: could not name ourselves svc.init on the bus\n");
		names_restore(in, s);
	}
	if ((st = after_start(in, s)))
		printf("init: %s\n", s->why);
	if (!strcmp(s->name, "proc") || !strcmp(s->name, "vfs"))
		link_vfs_to_proc(in);
	regrant_started(in, s);
	/* A pid for what we started ourselves; a process server that has
	 * just started takes in itself and everything started before it
	 * (after regrant_started: its new endpoint is the one to listen to). */
	if (viaproc_is_server(s))
		viaproc_adopt_all(in);
	else if (!d->via_proc)
		viaproc_adopt(in, s);
	uint64_t us = ((uint64_t)vg_clock_monotonic() - t0) / 1000;
	printf("init: started %s (pid %d, koid %llu) in %llu.%03llu ms\n", s->name, (int)s->pid,
	       (unsigned long long)s->koid, (unsigned long long)us / 1000,
	       (unsigned long long)us % 1000);
	return 0;
}
