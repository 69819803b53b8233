// SPDX-License-Identifier: BSD-2-Clause
// Grants: the badged client handles the bus mints, what each may do, and
// the end of a grant when its owner process exits.
#include "bus.h"
#include <vg/vg.h>

/* badge = generation << 8 | (index + 1); 0 is the administrator. */
int bus_grant_of(struct bus *bus, uint64_t badge)
{
	if (badge == 0)
		return -1;
	uint64_t i = (badge & 0xff) - 1;
	if (badge >> 16 || i >= BUS_MAX_GRANTS || !bus->grants[i].used ||
	    bus->grants[i].generation != (uint8_t)(badge >> 8))
		return -2;
	return (int)i;
}

static bool under(const char *prefix, const char *name)
{
	return strncmp(name, prefix, strlen(prefix)) == 0;
}

bool bus_may_add(struct bus *bus, int grant, const char *name)
{
	return grant == -1 || (grant >= 0 && under(bus->grants[grant].add_prefix, name));
}

bool bus_may_look(struct bus *bus, int grant, const char *name)
{
	return grant == -1 || (grant >= 0 && under(bus->grants[grant].look_prefix, name));
}

/* The owner exited (or its handle went away): the grant ends. */
static void owner_exited(struct async_loop *loop, struct async_source *src,
			 const struct vg_port_packet *pkt)
{
	(void)pkt;
	struct bus *bus = src->ctx;
	struct bus_grant *grant =
		(struct bus_grant *)(void *)((char *)src - offsetof(struct bus_grant, owner));
	int g = (int)(grant - bus->grants);
	async_source_remove(loop, src);
	vg_handle_close(src->handle);
	bus_names_withdraw(bus, g);
	bus_subs_drop(bus, g);
	bus->grants[g].used = false;
}

static bool prefix_valid(const char *p, size_t len)
{
	return len == 0 || bus_name_valid(p, len);
}

static long do_grant(void *ctx, uint64_t badge, const char *add_prefix, size_t add_len,
		     const char *look_prefix, size_t look_len, vg_handle_t owner,
		     vg_handle_t *client)
{
	struct bus *bus = ctx;
	long st = BUS_BUS_ERROR_DENIED;
	if (badge != 0)
		goto fail;
	st = BUS_BUS_ERROR_BAD_NAME;
	if (!prefix_valid(add_prefix, add_len) || !prefix_valid(look_prefix, look_len))
		goto fail;
	st = BUS_BUS_ERROR_FULL;
	for (int i = 0; i < BUS_MAX_GRANTS; i++) {
		struct bus_grant *g = &bus->grants[i];
		if (g->used)
			continue;
		uint8_t gen = (uint8_t)(g->generation + 1);
		uint64_t b = (uint64_t)gen << 8 | (uint64_t)(i + 1);
		st = vg_endpoint_mint(bus->ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, b, client);
		if (st)
			goto fail;
		st = async_source_add(bus->loop, &g->owner, owner, owner_exited, bus);
		if (st) {
			vg_handle_close(*client);
			goto fail;
		}
		g->used = true;
		g->generation = gen;
		memcpy(g->add_prefix, add_prefix, add_len + 1);
		memcpy(g->look_prefix, look_prefix, look_len + 1);
		return 0;
	}
fail:
	vg_handle_close(owner);
	return st;
}

const struct bus_admin_ops bus_admin_ops = { .grant = do_grant };
