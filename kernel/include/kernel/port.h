/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_PORT_H
#define KERNEL_PORT_H

#include <kernel/object.h>
#include <verdigris/types.h>

/*
 * Ports: wait sets. port_bind arms a one-shot binding of a source object
 * (one whose ops have poll) to a port with a key; when the source is ready
 * the binding becomes a packet in the port's queue and one waiter wakes.
 * Bindings are allocated at bind time and a port holds at most
 * PORT_MAX_BINDINGS, so a packet never needs memory when it fires.
 *
 * Sources call port_notify when they may have become ready, and
 * port_cancel_all when they go away. Both with the scheduler lock held.
 */
#define PORT_MAX_BINDINGS 1024

struct port;
struct port_binding {
	struct list src_link; /* in the source's observers while armed */
	struct list port_link; /* in the port's armed list or its packet queue */
	struct port *port;
	struct kobject *source; /* a reference; NULL for exception packets */
	struct thread *faulting; /* an exception packet's thread */
	bool queued;
	struct vg_port_packet pkt;
};

void port_notify(struct kobject *source);
/* Every binding of source fires with this status (ERR_CANCELED). */
void port_cancel_all(struct kobject *source, int status);

/* Exceptions: b (the faulting thread's) is queued on port as is; false
 * when the port is closed. Lock held. */
bool port_queue_exception(struct port *port, struct port_binding *b);
/* Takes b back off its port's queue if it is still there. Lock held. */
void port_withdraw(struct port_binding *b);
struct port *to_port(struct kobject *o);

#endif
