// SPDX-License-Identifier: BSD-2-Clause
// Names: add, remove, look up, list; withdrawal when a grant ends, and the
// announcements on the "bus.names" topic.
#include "bus.h"
#include <vg/vg.h>

bool bus_name_valid(const char *name, size_t len)
{
	if (len == 0 || len > BUS_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return false;
	}
	return true;
}

static struct bus_name *find(struct bus *bus, const char *name)
{
	for (int i = 0; i < BUS_MAX_NAMES; i++)
		if (bus->names[i].used && strcmp(bus->names[i].name, name) == 0)
			return &bus->names[i];
	return NULL;
}

/* "+name" or "-name" to the subscribers of bus.names who may see it. */
static void announce(struct bus *bus, char sign, const char *name)
{
	char text[BUS_NAME_MAX + 2];
	text[0] = sign;
	size_t n = strlen(name);
	memcpy(text + 1, name, n);
	uint32_t delivered, dropped;
	bus_topic_deliver(bus, BUS_NAMES_TOPIC, text, n + 1, name, &delivered, &dropped);
}

static void drop_name(struct bus *bus, struct bus_name *n)
{
	vg_handle_close(n->ep);
	n->used = false;
	announce(bus, '-', n->name);
}

void bus_names_withdraw(struct bus *bus, int grant)
{
	for (int i = 0; i < BUS_MAX_NAMES; i++)
		if (bus->names[i].used && bus->names[i].grant == grant)
			drop_name(bus, &bus->names[i]);
}

static long do_add(void *ctx, uint64_t badge, const char *name, size_t len, vg_handle_t ep)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	long st = 0;
	if (!bus_name_valid(name, len))
		st = BUS_BUS_ERROR_BAD_NAME;
	else if (!bus_may_add(bus, g, name))
		st = BUS_BUS_ERROR_DENIED;
	else if (find(bus, name))
		st = BUS_BUS_ERROR_EXISTS;
	if (st) {
		vg_handle_close(ep);
		return st;
	}
	for (int i = 0; i < BUS_MAX_NAMES; i++) {
		struct bus_name *n = &bus->names[i];
		if (n->used)
			continue;
		n->used = true;
		memcpy(n->name, name, len + 1);
		n->ep = ep;
		n->grant = g;
		announce(bus, '+', name);
		return 0;
	}
	vg_handle_close(ep);
	return BUS_BUS_ERROR_FULL;
}

static long do_remove(void *ctx, uint64_t badge, const char *name, size_t len)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	if (!bus_name_valid(name, len))
		return BUS_BUS_ERROR_BAD_NAME;
	if (!bus_may_add(bus, g, name))
		return BUS_BUS_ERROR_DENIED;
	struct bus_name *n = find(bus, name);
	if (!n)
		return BUS_BUS_ERROR_NOT_FOUND;
	drop_name(bus, n);
	return 0;
}

static long do_lookup(void *ctx, uint64_t badge, const char *name, size_t len, vg_handle_t *ep)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	if (!bus_name_valid(name, len))
		return BUS_BUS_ERROR_BAD_NAME;
	if (!bus_may_look(bus, g, name))
		return BUS_BUS_ERROR_DENIED;
	struct bus_name *n = find(bus, name);
	if (!n)
		return BUS_BUS_ERROR_NOT_FOUND;
	return vg_handle_duplicate(n->ep, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, ep);
}

static char list_out[BUS_NAMES_LIST_NAMES_MAX + 1];

/* The visible names under prefix in order, after the first `skip`. */
static long do_list(void *ctx, uint64_t badge, const char *prefix, size_t len, uint32_t skip,
		    const char **names, uint32_t *count, bool *more)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	if (len && !bus_name_valid(prefix, len))
		return BUS_BUS_ERROR_BAD_NAME;
	if (g == -2)
		return BUS_BUS_ERROR_DENIED;
	size_t out = 0;
	uint32_t seen = 0, put = 0;
	const char *last = "";
	*more = false;
	/* Selection by repeated minimum: the tables are small. */
	for (;;) {
		const char *next = NULL;
		for (int i = 0; i < BUS_MAX_NAMES; i++) {
			const char *n = bus->names[i].name;
			if (bus->names[i].used && strncmp(n, prefix, len) == 0 &&
			    bus_may_look(bus, g, n) && strcmp(n, last) > 0 &&
			    (!next || strcmp(n, next) < 0))
				next = n;
		}
		if (!next)
			break;
		last = next;
		if (seen++ < skip)
			continue;
		size_t n = strlen(next);
		if (out + n + 1 > BUS_NAMES_LIST_NAMES_MAX) {
			*more = true;
			break;
		}
		memcpy(list_out + out, next, n);
		list_out[out + n] = '\n';
		out += n + 1;
		put++;
	}
	list_out[out] = 0;
	*names = list_out;
	*count = put;
	return 0;
}

static long do_subscribe(void *ctx, uint64_t badge, const char *topic, size_t len, vg_handle_t note,
			 uint32_t *sub)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	if (!bus_name_valid(topic, len)) {
		vg_handle_close(note);
		return BUS_BUS_ERROR_BAD_NAME;
	}
	return bus_topic_subscribe(bus, g, topic, note, sub);
}

static long do_unsubscribe(void *ctx, uint64_t badge, uint32_t sub)
{
	struct bus *bus = ctx;
	return bus_topic_unsubscribe(bus, bus_grant_of(bus, badge), sub);
}

static long do_publish(void *ctx, uint64_t badge, const char *topic, size_t len, const void *data,
		       size_t data_len, uint32_t *delivered, uint32_t *dropped)
{
	struct bus *bus = ctx;
	int g = bus_grant_of(bus, badge);
	if (!bus_name_valid(topic, len))
		return BUS_BUS_ERROR_BAD_NAME;
	/* Only the bus announces names. */
	if (!bus_may_add(bus, g, topic) || strcmp(topic, BUS_NAMES_TOPIC) == 0)
		return BUS_BUS_ERROR_DENIED;
	bus_topic_deliver(bus, topic, data, data_len, NULL, delivered, dropped);
	return 0;
}

static long do_fetch(void *ctx, uint64_t badge, uint32_t sub, const void **data, size_t *len,
		     uint32_t *dropped, uint32_t *left)
{
	struct bus *bus = ctx;
	return bus_topic_fetch(bus, bus_grant_of(bus, badge), sub, data, len, dropped, left);
}

const struct bus_names_ops bus_names_ops = {
	.add = do_add,
	.remove = do_remove,
	.lookup = do_lookup,
	.list = do_list,
	.subscribe = do_subscribe,
	.unsubscribe = do_unsubscribe,
	.publish = do_publish,
	.fetch = do_fetch,
};
