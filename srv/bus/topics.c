// SPDX-License-Identifier: BSD-2-Clause
// Topics: subscriptions with bounded queues. A full queue drops the new
// message and counts it; a publisher never waits for a subscriber.
#include "bus.h"
#include <vg/vg.h>

/* sub id = generation << 16 | index, so a stale id fails. */
static struct bus_sub *sub_of(struct bus *bus, int grant, uint32_t id)
{
	uint32_t i = id & 0xffff;
	if (i >= BUS_MAX_SUBS || id >> 24)
		return NULL;
	struct bus_sub *s = &bus->subs[i];
	if (!s->used || s->generation != (uint8_t)(id >> 16) || s->grant != grant)
		return NULL;
	return s;
}

long bus_topic_subscribe(struct bus *bus, int grant, const char *topic, vg_handle_t note,
			 uint32_t *id)
{
	long st = 0;
	if (grant == -2 ||
	    (strcmp(topic, BUS_NAMES_TOPIC) != 0 && !bus_may_look(bus, grant, topic)))
		st = BUS_BUS_ERROR_DENIED;
	for (int i = 0; !st && i < BUS_MAX_SUBS; i++) {
		struct bus_sub *s = &bus->subs[i];
		if (s->used)
			continue;
		s->used = true;
		s->generation++;
		s->grant = grant;
		strlcpy(s->topic, topic, sizeof(s->topic));
		s->note = note;
		s->head = s->count = s->dropped = 0;
		*id = (uint32_t)s->generation << 16 | (uint32_t)i;
		return 0;
	}
	vg_handle_close(note);
	return st ? st : BUS_BUS_ERROR_FULL;
}

static void drop_sub(struct bus_sub *s)
{
	vg_handle_close(s->note);
	s->used = false;
}

long bus_topic_unsubscribe(struct bus *bus, int grant, uint32_t id)
{
	struct bus_sub *s = sub_of(bus, grant, id);
	if (!s)
		return BUS_BUS_ERROR_NOT_FOUND;
	drop_sub(s);
	return 0;
}

void bus_subs_drop(struct bus *bus, int grant)
{
	for (int i = 0; i < BUS_MAX_SUBS; i++)
		if (bus->subs[i].used && bus->subs[i].grant == grant)
			drop_sub(&bus->subs[i]);
}

void bus_topic_deliver(struct bus *bus, const char *topic, const void *data, size_t len,
		       const char *about, uint32_t *delivered, uint32_t *dropped)
{
	*delivered = *dropped = 0;
	bus->published++;
	for (int i = 0; i < BUS_MAX_SUBS; i++) {
		struct bus_sub *s = &bus->subs[i];
		if (!s->used || strcmp(s->topic, topic) != 0 ||
		    (about && !bus_may_look(bus, s->grant, about)))
			continue;
		if (s->count == BUS_QUEUE_LEN) {
			s->dropped++;
			bus->dropped++;
			(*dropped)++;
			continue;
		}
		struct bus_msg *m = &s->queue[(s->head + s->count++) % BUS_QUEUE_LEN];
		m->len = (uint32_t)len;
		memcpy(m->data, data, len);
		(*delivered)++;
		/* Signalled when the queue stops being empty: a subscriber
		 * fetches until nothing is left. */
		if (s->count == 1)
			vg_notification_signal(s->note, 1);
	}
}

long bus_topic_fetch(struct bus *bus, int grant, uint32_t id, const void **data, size_t *len,
		     uint32_t *dropped, uint32_t *left)
{
	struct bus_sub *s = sub_of(bus, grant, id);
	if (!s)
		return BUS_BUS_ERROR_NOT_FOUND;
	*dropped = s->dropped;
	s->dropped = 0;
	if (s->count == 0) {
		/* Drops are reported even when nothing is queued. */
		*data = s->queue[0].data;
		*len = 0;
		*left = 0;
		return *dropped ? 0 : BUS_BUS_ERROR_EMPTY;
	}
	struct bus_msg *m = &s->queue[s->head];
	s->head = (s->head + 1) % BUS_QUEUE_LEN;
	s->count--;
	*data = m->data;
	*len = m->len;
	*left = s->count;
	return 0;
}
