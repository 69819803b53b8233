// SPDX-License-Identifier: BSD-2-Clause
// Waiting for a name on the bus (client.h).
#include "client.h"
#include <vg/vg.h>

/* Empties the subscription's queue: the messages themselves do not matter,
 * only that something changed. */
static void drain(vg_handle_t bus, uint32_t sub)
{
	unsigned char data[BUS_NAMES_FETCH_DATA_MAX];
	size_t len;
	uint32_t dropped, left = 1;
	while (left && bus_names_fetch(bus, sub, data, &len, &dropped, &left) == 0)
		;
}

long bus_wait_name(vg_handle_t bus, const char *name, uint64_t deadline, vg_handle_t *ep)
{
	long st = bus_names_lookup(bus, name, ep);
	if (st != BUS_BUS_ERROR_NOT_FOUND)
		return st;
	vg_handle_t note, theirs;
	if ((st = vg_notification_create(&note)))
		return st;
	uint32_t sub;
	if ((st = vg_handle_duplicate(note, VG_RIGHT_SIGNAL | VG_RIGHT_TRANSFER, &theirs)) ||
	    (st = bus_names_subscribe(bus, BUS_NAMES_TOPIC_NAME, theirs, &sub))) {
		vg_handle_close(note);
		return st;
	}
	/* Subscribed first, then looked up: an appearance in between is not
	 * missed. */
	while ((st = bus_names_lookup(bus, name, ep)) == BUS_BUS_ERROR_NOT_FOUND) {
		st = vg_notification_wait(note, deadline);
		if (st < 0)
			break;
		drain(bus, sub);
	}
	bus_names_unsubscribe(bus, sub);
	vg_handle_close(note);
	return st;
}
