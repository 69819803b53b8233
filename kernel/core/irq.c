// SPDX-License-Identifier: BSD-2-Clause
// Irq objects: one device interrupt line each, made from an IRQ (or root)
// resource. When the line fires, the kernel masks it, counts the interrupt
// and notifies the ports bound to the object; irq_ack unmasks it once the
// driver has quietened the device. The line numbering is per architecture
// (the arch_irq_line_* HAL, kernel/hal.h; docs/ARCHITECTURE.md 12.1).
//
// Every field is guarded by the scheduler lock, which the interrupt handler
// takes too (it is an irqsave lock, so a handler never finds it held on its
// own CPU).
#include <kernel/hal.h>
#include <kernel/heap.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

struct irq {
	struct kobject obj;
	uint32_t line;
	bool attached; /* the line is ours (until the last handle goes) */
	bool masked; /* it fired and waits for irq_ack */
	uint64_t count; /* interrupts since the last packet */
};

static struct irq *to_irq(struct kobject *o)
{
	return (struct irq *)o;
}

/* Interrupt context, before the controller's end of interrupt. */
static void irq_fire(void *arg)
{
	struct irq *q = arg;
	irqflags_t f = sched_lock();
	arch_irq_line_mask(q->line);
	/* A call while the object is still masked is an interrupt the
	 * controller had already taken in before the mask took effect (an
	 * edge latched while the first was being delivered): it happened
	 * before the driver was told of the first, so the driver, which looks
	 * at its device after being told, handles it with that one. Counting
	 * it would deliver a packet for a line that is masked. */
	if (q->attached && !q->masked) {
		q->masked = true;
		q->count++;
		port_notify(&q->obj);
	}
	sched_unlock(f);
}

static bool irq_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct irq *q = to_irq(o);
	if (!q->count)
		return false;
	pkt->type = VG_PACKET_IRQ;
	pkt->data[0] = q->count;
	pkt->data[1] = q->line;
	q->count = 0;
	return true;
}

/* Lock held. */
static void detach(struct irq *q)
{
	if (q->attached) {
		arch_irq_line_detach(q->line);
		q->attached = false;
	}
}

static void irq_destroy(struct kobject *o)
{
	/* Normally detached by the last handle; not when no handle was ever
	 * given out (a bad out pointer in irq_create). */
	irqflags_t f = sched_lock();
	detach(to_irq(o));
	sched_unlock(f);
	kfree(to_irq(o));
}

static void irq_last_handle(struct kobject *o)
{
	irqflags_t f = sched_lock();
	detach(to_irq(o));
	port_cancel_all(o, ERR_CANCELED);
	sched_unlock(f);
}

static const struct kobject_ops irq_ops = {
	.destroy = irq_destroy,
	.last_handle = irq_last_handle,
	.poll = irq_poll,
};

long sys_irq_create(vg_handle_t resource, uint32_t irq, uint32_t flags, vg_handle_t *out)
{
	if (flags)
		return ERR_INVALID_ARGS; /* none defined yet */
	int err = resource_check(resource, VG_RESOURCE_IRQ, irq, 1);
	if (err)
		return err;
	struct irq *q = kzalloc(sizeof(*q));
	if (!q)
		return ERR_NO_MEMORY;
	kobject_init(&q->obj, VG_OBJ_IRQ, &irq_ops);
	q->line = irq;
	irqflags_t f = sched_lock();
	err = arch_irq_line_attach(irq, irq_fire, q);
	if (!err) {
		q->attached = true;
		arch_irq_line_unmask(irq);
	}
	sched_unlock(f);
	if (err) {
		kobject_discard(&q->obj);
		kfree(q);
		return err;
	}
	long ret = give_handle(
		&q->obj, VG_RIGHT_WRITE | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
		out);
	kobject_unref(&q->obj);
	return ret;
}

long sys_irq_ack(vg_handle_t irq)
{
	struct kobject *o;
	int err = current_handle(irq, VG_OBJ_IRQ, VG_RIGHT_WRITE, &o);
	if (err)
		return err;
	struct irq *q = to_irq(o);
	irqflags_t f = sched_lock();
	if (!q->masked) {
		err = ERR_BAD_STATE; /* nothing to acknowledge */
	} else {
		q->masked = false;
		arch_irq_line_unmask(q->line);
	}
	sched_unlock(f);
	kobject_unref(o);
	return err;
}
