/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bus server's state (docs/IPC.md, section 9): grants (who may use which
 * names), names, and topic subscriptions with their bounded queues. Fixed
 * tables, no allocation. Everything runs on the event loop's one thread.
 */
#ifndef SRV_BUS_H
#define SRV_BUS_H

#include "client.h"
#include <async/loop.h>
#include <async/server.h>
#include <kernel/string.h>

#define BUS_NAME_MAX 63
#define BUS_MAX_GRANTS 32
#define BUS_MAX_NAMES 64
#define BUS_MAX_SUBS 48
#define BUS_QUEUE_LEN 16 /* messages queued per subscription */
#define BUS_NAMES_TOPIC BUS_NAMES_TOPIC_NAME

struct bus_grant {
	bool used;
	uint8_t generation; /* part of the badge: a stale badge fails */
	char add_prefix[BUS_NAME_MAX + 1];
	char look_prefix[BUS_NAME_MAX + 1];
	struct async_source owner; /* the owner process's exit */
};

struct bus_name {
	bool used;
	char name[BUS_NAME_MAX + 1];
	vg_handle_t ep;
	int grant; /* index, or -1 for the administrator */
};

struct bus_msg {
	uint32_t len;
	unsigned char data[BUS_NAMES_PUBLISH_DATA_MAX];
};

struct bus_sub {
	bool used;
	uint8_t generation;
	int grant;
	char topic[BUS_NAME_MAX + 1];
	vg_handle_t note;
	uint32_t head, count, dropped;
	struct bus_msg queue[BUS_QUEUE_LEN];
};

struct bus {
	struct async_loop *loop;
	struct async_server server;
	vg_handle_t ep; /* the bus's own endpoint (mint, receive) */
	struct bus_grant grants[BUS_MAX_GRANTS];
	struct bus_name names[BUS_MAX_NAMES];
	struct bus_sub subs[BUS_MAX_SUBS];
	uint64_t published, dropped; /* totals */
};

/* Serves ep (all rights: the bus mints client handles from it) on loop
 * until the endpoint goes away: the loop's result. */
long bus_run(struct bus *bus, struct async_loop *loop, vg_handle_t ep);

/* Grants (grants.c). The grant index a badge names: -1 for the
 * administrator (badge 0), -2 for none (stale or forged). */
int bus_grant_of(struct bus *bus, uint64_t badge);
bool bus_may_add(struct bus *bus, int grant, const char *name);
bool bus_may_look(struct bus *bus, int grant, const char *name);
extern const struct bus_admin_ops bus_admin_ops;

/* Names (names.c). */
bool bus_name_valid(const char *name, size_t len);
void bus_names_withdraw(struct bus *bus, int grant);
extern const struct bus_names_ops bus_names_ops;

/* Topics (topics.c): queue data for every subscriber of topic; with
 * `about` (a name), only those whose grant may look it up. */
void bus_topic_deliver(struct bus *bus, const char *topic, const void *data, size_t len,
		       const char *about, uint32_t *delivered, uint32_t *dropped);
void bus_subs_drop(struct bus *bus, int grant);
long bus_topic_subscribe(struct bus *bus, int grant, const char *topic, vg_handle_t note,
			 uint32_t *sub);
long bus_topic_unsubscribe(struct bus *bus, int grant, uint32_t sub);
long bus_topic_fetch(struct bus *bus, int grant, uint32_t sub, const void **data, size_t *len,
		     uint32_t *dropped, uint32_t *left);

#endif
