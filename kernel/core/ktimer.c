// SPDX-License-Identifier: BSD-2-Clause
// Timer objects: a one-shot or periodic deadline on the monotonic clock,
// delivered to the ports the timer is bound to. Expirations that happen
// while no binding is armed are counted, and the next packet reports them,
// so a slow consumer of a periodic timer knows how many it missed.
//
// Armed timers sit on one list sorted by deadline, checked from the tick
// under the scheduler lock (which also guards every field here).
#include <kernel/heap.h>
#include <kernel/ktimer.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/syscall.h>
#include <kernel/time.h>
#include <verdigris/errors.h>

struct ktimer {
	struct kobject obj;
	struct list link; /* in armed, when armed */
	bool armed;
	uint64_t deadline, period;
	uint64_t expirations; /* since the last packet */
	uint64_t last; /* the deadline that expired last */
};

static struct list armed = { &armed, &armed };

static struct ktimer *to_ktimer(struct kobject *o)
{
	return (struct ktimer *)o;
}

static void disarm(struct ktimer *t)
{
	if (t->armed) {
		list_remove(&t->link);
		t->armed = false;
	}
}

static void arm(struct ktimer *t)
{
	struct list *pos = armed.next;
	while (pos != &armed && list_entry(pos, struct ktimer, link)->deadline <= t->deadline)
		pos = pos->next;
	list_insert_before(pos, &t->link);
	t->armed = true;
}

void ktimers_expire(uint64_t now)
{
	while (!list_empty(&armed)) {
		struct ktimer *t = list_entry(armed.next, struct ktimer, link);
		if (t->deadline > now)
			break;
		disarm(t);
		uint64_t n = t->period ? (now - t->deadline) / t->period + 1 : 1;
		t->expirations += n;
		t->last = t->deadline + (n - 1) * t->period;
		uint64_t step, next;
		/* A period that would run past the end of time ends the timer. */
		if (t->period && !__builtin_mul_overflow(n, t->period, &step) &&
		    !__builtin_add_overflow(t->deadline, step, &next)) {
			t->deadline = next;
			arm(t);
		}
		port_notify(&t->obj);
	}
}

static bool ktimer_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct ktimer *t = to_ktimer(o);
	if (!t->expirations)
		return false;
	pkt->type = VG_PACKET_TIMER;
	pkt->data[0] = t->expirations;
	pkt->data[1] = t->last;
	t->expirations = 0;
	return true;
}

static void ktimer_destroy(struct kobject *o)
{
	kfree(to_ktimer(o));
}

static void ktimer_last_handle(struct kobject *o)
{
	irqflags_t f = sched_lock();
	disarm(to_ktimer(o));
	port_cancel_all(o, ERR_CANCELED);
	sched_unlock(f);
}

static const struct kobject_ops ktimer_ops = {
	.destroy = ktimer_destroy,
	.last_handle = ktimer_last_handle,
	.poll = ktimer_poll,
};

long sys_timer_create(vg_handle_t *out)
{
	struct ktimer *t = kzalloc(sizeof(*t));
	if (!t)
		return ERR_NO_MEMORY;
	kobject_init(&t->obj, VG_OBJ_TIMER, &ktimer_ops);
	list_init(&t->link);
	long err = give_handle(
		&t->obj, VG_RIGHT_WRITE | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
		out);
	kobject_unref(&t->obj);
	return err;
}

long sys_timer_set(vg_handle_t timer, uint64_t deadline_ns, uint64_t period_ns)
{
	struct kobject *o;
	int err = current_handle(timer, VG_OBJ_TIMER, VG_RIGHT_WRITE, &o);
	if (err)
		return err;
	struct ktimer *t = to_ktimer(o);
	irqflags_t f = sched_lock();
	disarm(t);
	t->expirations = 0;
	t->deadline = deadline_ns;
	t->period = period_ns;
	arm(t);
	ktimers_expire(time_ns()); /* a deadline in the past fires now */
	sched_unlock(f);
	kobject_unref(o);
	return 0;
}

long sys_timer_cancel(vg_handle_t timer)
{
	struct kobject *o;
	int err = current_handle(timer, VG_OBJ_TIMER, VG_RIGHT_WRITE, &o);
	if (err)
		return err;
	irqflags_t f = sched_lock();
	disarm(to_ktimer(o));
	to_ktimer(o)->expirations = 0;
	sched_unlock(f);
	kobject_unref(o);
	return 0;
}
