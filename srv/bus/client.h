/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The client side of the bus beyond the generated stubs: waiting for a name
 * to appear. The bus answers every call at once (docs/IPC.md, section 9),
 * so the wait is the client's: it subscribes to "bus.names", looks the name
 * up, and sleeps on its notification until the name is there or the
 * deadline passes.
 */
#ifndef SRV_BUS_CLIENT_H
#define SRV_BUS_CLIENT_H

#include <bus.h>

/* The topic of name announcements. */
#define BUS_NAMES_TOPIC_NAME "bus.names"

/* *ep: a handle to call name, once it is on the bus. 0, ERR_TIMED_OUT at
 * deadline (monotonic ns), or the error of a bus call (a bus_error when the
 * grant does not cover the name). */
long bus_wait_name(vg_handle_t bus, const char *name, uint64_t deadline, vg_handle_t *ep);

#endif
