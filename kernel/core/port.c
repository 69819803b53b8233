// SPDX-License-Identifier: BSD-2-Clause
// Ports: wait sets of one-shot bindings (see port.h).
//
// Everything here runs under the scheduler lock: sources fire from any
// context (an interrupt for irqs and timers), and a fired binding wakes a
// waiter. References on sources are dropped only after the lock is let go,
// since dropping the last one may destroy an object, which takes locks.
#include <kernel/heap.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>

struct port {
	struct kobject obj;
	struct list armed; /* bindings waiting for their source */
	struct list packets; /* fired bindings, oldest first */
	struct wait_queue waiters;
	uint32_t nbindings;
	bool closed;
};

struct port *to_port(struct kobject *o)
{
	return (struct port *)o;
}

/* Frees bindings taken off everything (linked through port_link), outside
 * the lock. */
static void free_bindings(struct list *gone)
{
	struct list *n;
	while ((n = list_pop_front(gone))) {
		struct port_binding *b = list_entry(n, struct port_binding, port_link);
		if (b->source)
			kobject_unref(b->source);
		kfree(b);
	}
}

static void port_destroy(struct kobject *o)
{
	kfree(to_port(o));
}

static void port_last_handle(struct kobject *o)
{
	struct port *p = to_port(o);
	struct list gone;
	list_init(&gone);
	irqflags_t f = sched_lock();
	p->closed = true;
	struct list *n;
	while ((n = list_pop_front(&p->armed))) {
		struct port_binding *b = list_entry(n, struct port_binding, port_link);
		list_remove(&b->src_link);
		list_push_back(&gone, n);
	}
	while ((n = list_pop_front(&p->packets))) {
		struct port_binding *b = list_entry(n, struct port_binding, port_link);
		b->queued = false;
		if (b->source)
			list_push_back(&gone, n);
		else /* an exception packet: its thread learns nobody will handle it */
			sched_wake(b->faulting, ERR_CANCELED);
	}
	p->nbindings = 0;
	wait_queue_wake(&p->waiters, 1 << 30, ERR_CANCELED);
	sched_unlock(f);
	free_bindings(&gone);
}

static const struct kobject_ops port_ops = {
	.destroy = port_destroy,
	.last_handle = port_last_handle,
};

static void queue(struct port *p, struct port_binding *b)
{
	list_push_back(&p->packets, &b->port_link);
	b->queued = true;
	wait_queue_wake(&p->waiters, 1, 0);
}

/* A binding whose source is ready: off the source, into the port's queue. */
static void fire(struct port_binding *b)
{
	list_remove(&b->src_link);
	list_remove(&b->port_link);
	queue(b->port, b);
}

void port_notify(struct kobject *source)
{
	struct list *n = source->observers.next, *next;
	for (; n != &source->observers; n = next) {
		next = n->next;
		struct port_binding *b = list_entry(n, struct port_binding, src_link);
		if (source->ops->poll(source, &b->pkt))
			fire(b);
	}
}

void port_cancel_all(struct kobject *source, int status)
{
	struct list *n;
	while ((n = source->observers.next) != &source->observers) {
		struct port_binding *b = list_entry(n, struct port_binding, src_link);
		b->pkt.status = status;
		fire(b);
	}
}

bool port_queue_exception(struct port *p, struct port_binding *b)
{
	if (p->closed)
		return false;
	b->port = p;
	b->source = NULL;
	queue(p, b);
	return true;
}

void port_withdraw(struct port_binding *b)
{
	if (b->queued) {
		list_remove(&b->port_link);
		b->queued = false;
	}
}

long sys_port_create(vg_handle_t *out)
{
	struct port *p = kzalloc(sizeof(*p));
	if (!p)
		return ERR_NO_MEMORY;
	kobject_init(&p->obj, VG_OBJ_PORT, &port_ops);
	list_init(&p->armed);
	list_init(&p->packets);
	wait_queue_init(&p->waiters);
	long err = give_handle(
		&p->obj, VG_RIGHT_WRITE | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
		out);
	kobject_unref(&p->obj);
	return err;
}

long sys_port_bind(vg_handle_t port, vg_handle_t source, uint64_t key)
{
	struct kobject *po, *so = NULL;
	int err = current_handle(port, VG_OBJ_PORT, VG_RIGHT_WRITE, &po);
	if (err)
		return err;
	/* Not waitable at all is a wrong type, whatever the rights. */
	struct handle_entry e;
	err = handle_lookup(&current_process()->handles, source, VG_OBJ_NONE, 0, &so, &e);
	if (!err && !so->ops->poll)
		err = ERR_WRONG_TYPE;
	else if (!err && !(e.rights & VG_RIGHT_WAIT))
		err = ERR_ACCESS_DENIED;
	struct port_binding *b = err ? NULL : kzalloc(sizeof(*b));
	if (!b) {
		if (so)
			kobject_unref(so);
		kobject_unref(po);
		return err ? err : ERR_NO_MEMORY;
	}
	struct port *p = to_port(po);
	b->port = p;
	b->source = so; /* the lookup's reference goes with the binding */
	b->pkt.key = key;
	irqflags_t f = sched_lock();
	if (p->closed || p->nbindings >= PORT_MAX_BINDINGS) {
		err = p->closed ? ERR_CANCELED : ERR_OUT_OF_RANGE;
	} else {
		p->nbindings++;
		list_push_back(&so->observers, &b->src_link);
		list_push_back(&p->armed, &b->port_link);
		if (so->ops->poll(so, &b->pkt))
			fire(b); /* ready already */
	}
	sched_unlock(f);
	if (err) {
		kobject_unref(so);
		kfree(b);
	}
	kobject_unref(po);
	return err;
}

long sys_port_unbind(vg_handle_t port, vg_handle_t source, uint64_t key)
{
	struct kobject *po, *so;
	int err = current_handle(port, VG_OBJ_PORT, VG_RIGHT_WRITE, &po);
	if (err)
		return err;
	err = current_handle(source, VG_OBJ_NONE, 0, &so);
	if (err) {
		kobject_unref(po);
		return err;
	}
	struct port *p = to_port(po);
	struct list gone;
	list_init(&gone);
	err = ERR_NOT_FOUND;
	irqflags_t f = sched_lock();
	for (struct list *n = p->armed.next; n != &p->armed; n = n->next) {
		struct port_binding *b = list_entry(n, struct port_binding, port_link);
		if (b->source == so && b->pkt.key == key) {
			list_remove(&b->src_link);
			list_remove(&b->port_link);
			list_push_back(&gone, &b->port_link);
			p->nbindings--;
			err = 0;
			break;
		}
	}
	sched_unlock(f);
	free_bindings(&gone);
	kobject_unref(so);
	kobject_unref(po);
	return err;
}

long sys_port_wait(vg_handle_t port, uint64_t deadline_ns, struct vg_port_packet *out)
{
	struct kobject *po;
	int err = current_handle(port, VG_OBJ_PORT, VG_RIGHT_WAIT, &po);
	if (err)
		return err;
	struct port *p = to_port(po);
	struct port_binding *b = NULL;
	/* Checked before a packet is taken, so that a bad pointer loses none. */
	struct vg_port_packet pkt = { 0 };
	if (copy_to_user(out, &pkt, sizeof(pkt))) {
		kobject_unref(po);
		return ERR_BAD_ADDRESS;
	}
	irqflags_t f = sched_lock();
	while (!err && list_empty(&p->packets) && !p->closed)
		err = wait_queue_block(&p->waiters, deadline_ns);
	if (!err && p->closed)
		err = ERR_CANCELED;
	if (!err) {
		b = list_entry(list_pop_front(&p->packets), struct port_binding, port_link);
		b->queued = false;
		if (b->source)
			p->nbindings--;
	}
	sched_unlock(f);
	if (err) {
		kobject_unref(po);
		return err;
	}
	pkt = b->pkt;
	if (b->source) {
		struct list gone;
		list_init(&gone);
		list_push_back(&gone, &b->port_link);
		free_bindings(&gone);
	}
	kobject_unref(po);
	return copy_to_user(out, &pkt, sizeof(pkt)) ? ERR_BAD_ADDRESS : 0;
}
