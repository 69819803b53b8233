// SPDX-License-Identifier: BSD-2-Clause
// idl/init.idl: listing the services, starting, stopping and restarting
// them, powering off. Replies are immediate (the event loop keeps no call
// pending): a stop is answered when the kill is sent, a poweroff before
// the shutdown begins.
#include "initd.h"
#include <stdio.h>

static void describe(const struct service *s, struct init_service *info)
{
	uint64_t now = (uint64_t)vg_clock_monotonic();
	info->state = s->state;
	info->target = s->def ? s->def->target : 0;
	bool running = s->state == INIT_STATE_RUNNING;
	info->pid = running && s->pid > 0 ? (uint64_t)s->pid : 0;
	info->koid = running ? s->koid : 0;
	info->uptime_ms = s->state == INIT_STATE_RUNNING ? (now - s->started_ns) / 1000000 : 0;
	info->restarts = s->restarts;
	info->last_exit = s->last_exit;
}

static long do_get(void *ctx, uint64_t badge, uint32_t index, const char **name,
		   struct init_service *info)
{
	struct init *in = ctx;
	(void)badge;
	if (index >= (uint32_t)in->nsvcs)
		return INIT_INIT_ERROR_NOT_FOUND;
	*name = in->svcs[index].name;
	describe(&in->svcs[index], info);
	return 0;
}

static long do_status(void *ctx, uint64_t badge, const char *name, size_t len,
		      struct init_service *info)
{
	(void)badge, (void)len;
	const struct service *s = service_find(ctx, name);
	if (!s)
		return INIT_INIT_ERROR_NOT_FOUND;
	describe(s, info);
	return 0;
}

static long do_start(void *ctx, uint64_t badge, const char *name, size_t len)
{
	(void)badge, (void)len;
	struct init *in = ctx;
	struct service *s = service_find(in, name);
	if (!s)
		return INIT_INIT_ERROR_NOT_FOUND;
	if (!s->def || s->state == INIT_STATE_UNSTARTABLE)
		return INIT_INIT_ERROR_NOT_STARTABLE;
	if (s->state == INIT_STATE_RUNNING || s->state == INIT_STATE_WAITING)
		return INIT_INIT_ERROR_BAD_STATE;
	/* Asked for by name: a fresh restart budget. */
	s->window_ns = 0;
	s->window_restarts = 0;
	s->delay_ms = s->def->delay_ms;
	if (service_start(in, s)) {
		printf("init: start %s: %s\n", s->name, s->why);
		s->state = INIT_STATE_FAILED;
		return INIT_INIT_ERROR_FAILED;
	}
	announce(in, "start %s", s->name);
	return 0;
}

static long do_stop(void *ctx, uint64_t badge, const char *name, size_t len)
{
	(void)badge, (void)len;
	struct init *in = ctx;
	struct service *s = service_find(in, name);
	if (!s)
		return INIT_INIT_ERROR_NOT_FOUND;
	if ((s->state != INIT_STATE_RUNNING && s->state != INIT_STATE_WAITING) || s->stopping)
		return INIT_INIT_ERROR_BAD_STATE;
	printf("init: stopping %s on request\n", s->name);
	return supervise_stop(in, s) ? INIT_INIT_ERROR_FAILED : 0;
}

static long do_restart(void *ctx, uint64_t badge, const char *name, size_t len)
{
	struct init *in = ctx;
	struct service *s = service_find(in, name);
	if (s && s->state == INIT_STATE_RUNNING && !s->stopping) {
		long st = do_stop(ctx, badge, name, len);
		s->restart_after_stop = st == 0;
		return st;
	}
	return do_start(ctx, badge, name, len);
}

static long do_poweroff(void *ctx, uint64_t badge, bool reboot)
{
	(void)badge;
	power_request(ctx, reboot ? VG_POWER_REBOOT : VG_POWER_OFF);
	return 0;
}

static long do_why(void *ctx, uint64_t badge, const char *name, size_t len, const char **text)
{
	(void)badge, (void)len;
	const struct service *s = service_find(ctx, name);
	if (!s)
		return INIT_INIT_ERROR_NOT_FOUND;
	*text = s->why;
	return 0;
}

static const struct init_control_ops ops = {
	.get = do_get,
	.status = do_status,
	.start = do_start,
	.stop = do_stop,
	.restart = do_restart,
	.poweroff = do_poweroff,
	.why = do_why,
};

long control_init(struct init *in)
{
	static struct init_control_server server;
	vg_handle_t ep;
	long st = vg_endpoint_create(&ep);
	if (st)
		return st;
	in->control = ep;
	server = (struct init_control_server){ &ops, in };
	return async_server_add(&in->loop, &in->control_srv, ep, init_control_dispatch, &server);
}
