// SPDX-License-Identifier: BSD-2-Clause
// Notifications: a word of signal bits. Signal ORs bits in and wakes one
// waiter; wait returns the bits and clears them, or blocks until some are
// set. Closing the last handle wakes waiters with ERR_PEER_CLOSED. Bound to
// a port, it delivers its bits in a packet (taking them) when no thread
// waits on it directly.
#include <kernel/heap.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

struct notification {
	struct kobject obj;
	uint64_t bits;
	struct wait_queue waiters;
	bool closed;
};

static struct notification *to_notification(struct kobject *o)
{
	return (struct notification *)o;
}

static void notification_destroy(struct kobject *o)
{
	kfree(to_notification(o));
}

static void notification_last_handle(struct kobject *o)
{
	struct notification *n = to_notification(o);
	irqflags_t f = sched_lock();
	n->closed = true;
	wait_queue_wake(&n->waiters, 1 << 30, ERR_PEER_CLOSED);
	port_cancel_all(o, ERR_CANCELED);
	sched_unlock(f);
}

static bool notification_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct notification *n = to_notification(o);
	if (!n->bits)
		return false;
	pkt->type = VG_PACKET_NOTIFICATION;
	pkt->data[0] = n->bits;
	n->bits = 0;
	return true;
}

static const struct kobject_ops notification_ops = {
	.destroy = notification_destroy,
	.last_handle = notification_last_handle,
	.poll = notification_poll,
};

long sys_notification_create(vg_handle_t *out)
{
	struct notification *n = kzalloc(sizeof(*n));
	if (!n)
		return ERR_NO_MEMORY;
	kobject_init(&n->obj, VG_OBJ_NOTIFICATION, &notification_ops);
	wait_queue_init(&n->waiters);
	long err = give_handle(
		&n->obj, VG_RIGHT_SIGNAL | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
		0, out);
	kobject_unref(&n->obj);
	return err;
}

long sys_notification_signal(vg_handle_t notification, uint64_t bits)
{
	struct kobject *o;
	int err = current_handle(notification, VG_OBJ_NOTIFICATION, VG_RIGHT_SIGNAL, &o);
	if (err)
		return err;
	struct notification *n = to_notification(o);
	irqflags_t f = sched_lock();
	n->bits |= bits;
	if (n->bits && !wait_queue_wake(&n->waiters, 1, 0))
		port_notify(o);
	sched_unlock(f);
	kobject_unref(o);
	return 0;
}

long sys_notification_wait(vg_handle_t notification, uint64_t deadline_ns)
{
	struct kobject *o;
	int err = current_handle(notification, VG_OBJ_NOTIFICATION, VG_RIGHT_WAIT, &o);
	if (err)
		return err;
	struct notification *n = to_notification(o);
	long ret = 0;
	irqflags_t f = sched_lock();
	while (!n->bits && !ret)
		ret = wait_queue_block(&n->waiters, deadline_ns);
	if (!ret) {
		/* Bits are returned in result 1: they may use all 64. */
		arch_regs_set_result(thread_current()->uregs, 1, n->bits);
		n->bits = 0;
	}
	sched_unlock(f);
	kobject_unref(o);
	return ret;
}
