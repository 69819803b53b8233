// SPDX-License-Identifier: BSD-2-Clause
// init, the root task of a normal boot (bin/init, the kernel's default):
// loads the service definitions, boots the targets in order, then
// supervises and serves idl/init.idl until the system goes down. With
// "ktest" on the kernel command line it boots the test services of
// /etc/services-test as well; they check init from the outside and end the
// run through its poweroff.
#include "initd.h"
#include <stdio.h>

struct init init;

static uint64_t now_us(void)
{
	return (uint64_t)vg_clock_monotonic() / 1000;
}

/* Starts every service of target t, in dependency order; each is spawned
 * without waiting for the others to be ready (their endpoints queue calls
 * until they serve). */
static void boot_target(struct init *in, unsigned t)
{
	uint64_t t0 = now_us();
	int started = 0, failed = 0;
	for (int k = 0; k < in->nordered; k++) {
		struct service *s = &in->svcs[in->order[k]];
		if (s->def->target != t || s->def->manual || s->state != INIT_STATE_STOPPED)
			continue;
		if (service_start(in, s)) {
			s->state = INIT_STATE_FAILED;
			printf("init: %s did not start: %s\n", s->name, s->why);
			failed++;
		} else {
			started++;
		}
	}
	uint64_t us = now_us() - t0;
	printf("init: target %s reached: %d started, %d failed, in %llu.%03llu ms\n",
	       svc_target_name(t), started, failed, (unsigned long long)us / 1000,
	       (unsigned long long)us % 1000);
}

int main(void)
{
	const struct vg_startup *su = vg_startup();
	init.resource = su->resource;
	init.testing = (su->flags & VG_STARTUP_RUN_TESTS) != 0;
	printf("init: Verdigris init on %s%s\n", VG_ARCH_NAME,
	       init.testing ? ", with the test services" : "");
	long st = async_loop_init(&init.loop);
	if (!st)
		st = control_init(&init);
	if (st) {
		printf("init: no event loop (%ld)\n", st);
		return 1;
	}
	catalog_load(&init);
	for (unsigned t = 0; t < SVC_TARGETS; t++)
		boot_target(&init, t);
	st = async_loop_run(&init.loop);
	printf("init: the event loop ended (%ld)\n", st);
	return 1;
}
