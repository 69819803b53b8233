// SPDX-License-Identifier: BSD-2-Clause
// The handles a restart leaves dead (docs/ARCHITECTURE.md, section 19.2):
// a server that starts again gets a new endpoint, and whoever was given
// the old one at its own start (binding.h) cannot reach it. Init restarts
// them after it, as systemd's BindsTo and PartOf do: each is stopped, then
// started again in dependency order once everything it takes a handle
// from runs, so it is given the new endpoint the way it was given the old.
// The whole set is computed at the server's start, so nobody in it is
// restarted twice; such a restart is counted and announced like any other,
// but is not a failure of the service: it does not use up its restart
// limit or its backoff.
#include "binding.h"
#include "initd.h"
#include <stdio.h>

static void stop_holder(struct init *in, struct service *d, const struct service *server)
{
	/* server's endpoint, or that of a holder restarting with it */
	snprintf(d->why, sizeof(d->why), "restarting after %s: a handle it was given is dead",
		 server->name);
	printf("init: %s: %s\n", d->name, d->why);
	d->regrant = true;
	long st = supervise_stop(in, d);
	if (st) {
		/* Out of our reach (its process server is the one that went):
		 * it keeps running with its dead handle, and says so. */
		d->regrant = false;
		d->state = INIT_STATE_FAILED;
		snprintf(d->why, sizeof(d->why), "after %s restarted: could not stop it (%ld)",
			 server->name, st);
		printf("init: %s\n", d->why);
	}
}

/* Stops every service left holding a handle of s's old endpoint; each
 * waiting for a restart of its own is held back, to start with the rest. */
static void stop_holders(struct init *in, struct service *s)
{
	const struct svcdef *defs[SVCS_MAX];
	bool live[SVCS_MAX], bound[SVCS_MAX];
	for (int i = 0; i < in->nvalid; i++) {
		const struct service *d = &in->svcs[i];
		defs[i] = d->def;
		live[i] = (d->state == INIT_STATE_RUNNING && !d->stopping) ||
			d->state == INIT_STATE_WAITING;
	}
	if (!binding_closure(defs, in->nvalid, (int)(s - in->svcs), live, bound))
		return;
	for (int i = 0; i < in->nvalid; i++)
		if (bound[i])
			stop_holder(in, &in->svcs[i], s);
}

/* Whether every hard dependency of s runs and none waits to restart. */
static bool sources_ready(struct init *in, const struct service *s)
{
	for (int k = 0; k < s->def->nrefs; k++) {
		const struct service *d = service_find(in, s->def->refs[k].name);
		if (s->def->refs[k].hard &&
		    (!d || d->state != INIT_STATE_RUNNING || d->stopping || d->regrant))
			return false;
	}
	return true;
}

static void restart_holder(struct init *in, struct service *s)
{
	s->restarts++;
	if (service_start(in, s)) {
		s->regrant = false;
		s->state = INIT_STATE_FAILED;
		printf("init: %s: restart failed: %s\n", s->name, s->why);
		announce(in, "failed %s", s->name);
		return;
	}
	printf("init: restarted %s (restart %u) with the new handles\n", s->name, s->restarts);
	announce(in, "restart %s %u", s->name, s->restarts);
}

void regrant_resume(struct init *in)
{
	/* service_start calls back into us: the outer call does the work. */
	static bool busy;
	if (busy)
		return;
	busy = true;
	for (bool progress = true; progress;) {
		progress = false;
		for (int k = 0; k < in->nordered; k++) {
			struct service *s = &in->svcs[in->order[k]];
			if (!s->regrant || s->state != INIT_STATE_STOPPED || !sources_ready(in, s))
				continue;
			restart_holder(in, s);
			progress = true;
		}
	}
	busy = false;
}

void regrant_started(struct init *in, struct service *s)
{
	/* Restarted as a holder: its own holders are in the same set. */
	bool as_holder = s->regrant;
	s->regrant = false;
	if (s->starts++ && !as_holder)
		stop_holders(in, s);
	regrant_resume(in);
}
