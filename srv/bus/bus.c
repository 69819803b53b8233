// SPDX-License-Identifier: BSD-2-Clause
// The bus server: one endpoint speaking two interfaces (admin for the
// unbadged handle, names for everyone), served from an event loop.
#include "bus.h"
#include <vg/vg.h>

static struct bus_admin_server admin_server;
static struct bus_names_server names_server;

/* Routes a call by its interface number: admin only on badge 0. */
static int bus_dispatch(void *server, uint64_t badge, uint64_t tag, struct vg_ipc_buffer *buf,
			uint64_t *reply_tag)
{
	(void)server;
	uint32_t iface = VG_IPC_TAG_LABEL(tag) >> 16;
	if (iface == BUS_ADMIN_ID && badge == 0)
		return bus_admin_dispatch(&admin_server, badge, tag, buf, reply_tag);
	if (iface == BUS_NAMES_ID)
		return bus_names_dispatch(&names_server, badge, tag, buf, reply_tag);
	*reply_tag =
		ipc_reject(tag, buf, iface == BUS_ADMIN_ID ? ERR_ACCESS_DENIED : ERR_NOT_SUPPORTED);
	return 0;
}

static void bus_closed(struct async_loop *loop, struct async_server *s)
{
	(void)s;
	async_loop_quit(loop, ERR_PEER_CLOSED);
}

long bus_run(struct bus *bus, struct async_loop *loop, vg_handle_t ep)
{
	bus->loop = loop;
	bus->ep = ep;
	admin_server = (struct bus_admin_server){ &bus_admin_ops, bus };
	names_server = (struct bus_names_server){ &bus_names_ops, bus };
	bus->server.closed = bus_closed;
	long st = async_server_add(loop, &bus->server, ep, bus_dispatch, NULL);
	if (st)
		return st;
	return async_loop_run(loop);
}
