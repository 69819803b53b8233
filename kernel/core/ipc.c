// SPDX-License-Identifier: BSD-2-Clause
// Synchronous IPC through endpoints.
//
// A message is a tag, four words in registers and, when the tag asks for
// them, more words and handles through the IPC buffers of the two threads
// (ipc_buffer.c; the format is abi/verdigris/ipc.h). ipc_call blocks the
// caller until a reply; the receiving thread gets a one-shot reply right (it
// records the caller in reply_to). When the partner is already waiting, the
// message is written straight into its saved user registers and the CPU is
// handed to it without a pass through the run queues (the fast path). When
// not, the caller queues on the endpoint with its message kept in its
// thread, or the receiver queues waiting for one.
//
// Errors instead of hangs: a server thread that dies (or receives again)
// while owing a reply wakes its caller with ERR_PEER_CLOSED. The endpoint
// closes when its last handle with the WAIT right goes (closed, or its
// process ended): nobody can receive any more, so everyone queued on it is
// woken the same way and every later call fails at once, however many
// send-only handles (clients' open files, a starter's) are left. Nothing
// can make a receiving handle again (duplicates and mints only narrow
// rights), so a closed endpoint stays closed.
//
// Interruptions (interrupt.c) end a call only while it is queued: it is
// withdrawn, nothing was received, and it fails with ERR_INTERRUPTED. Once
// a receiver has taken it, the server may have acted on it, so the caller
// waits for the reply (or for ERR_PEER_CLOSED when the reply right goes)
// and the interruption is delivered after it: a reply is never lost. Only
// a kill of the caller's process ends that wait early (ipc_cancel_wait).
//
// Badge notices: after endpoint_watch, the endpoint counts its handles per
// nonzero badge; when a badge's last handle goes (closed, or its process
// ended), a receiver gets a message of its own before any caller: the tag
// VG_IPC_TAG_BADGE_CLOSED (no words, no reply owed) from that badge. So a
// server learns that a client is gone - its open files, locks, pipe ends -
// in the loop it serves from, without a second wait.
#include <kernel/heap.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/spinlock.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

#include "ipc_buffer.h"

struct endpoint {
	struct kobject obj;
	struct wait_queue senders; /* callers waiting for a receiver */
	struct wait_queue receivers; /* servers waiting for a caller */
	bool closed; /* no handle may receive: calls fail */
	uint32_t receive_handles; /* handles with the WAIT right (atomic) */
	bool watched; /* endpoint_watch: badges counted */
	struct list badges; /* struct badge_count, live badges */
	struct list gone; /* struct badge_count at 0, notices not yet received */
};

struct badge_count {
	struct list link;
	uint64_t badge;
	uint32_t handles;
};

static struct endpoint *to_endpoint(struct kobject *o)
{
	return (struct endpoint *)o;
}

static void free_counts(struct list *l)
{
	struct list *n;
	while ((n = list_pop_front(l)))
		kfree(list_entry(n, struct badge_count, link));
}

static void endpoint_destroy(struct kobject *o)
{
	struct endpoint *ep = to_endpoint(o);
	free_counts(&ep->badges);
	free_counts(&ep->gone);
	kfree(ep);
}

static struct badge_count *count_of(struct endpoint *ep, uint64_t badge)
{
	for (struct list *n = ep->badges.next; n != &ep->badges; n = n->next) {
		struct badge_count *c = list_entry(n, struct badge_count, link);
		if (c->badge == badge)
			return c;
	}
	return NULL;
}

static void deliver(struct thread *t, const uint64_t msg[5]);

/* A notice for the first gone badge, into t's result registers: the badge
 * (for t->ipc_badge), or -1 when there is none. Lock held. */
static long take_notice(struct endpoint *ep, struct thread *t)
{
	struct list *n = list_pop_front(&ep->gone);
	if (!n)
		return -1;
	struct badge_count *c = list_entry(n, struct badge_count, link);
	long badge = (long)c->badge;
	kfree(c);
	const uint64_t msg[5] = { VG_IPC_TAG_BADGE_CLOSED, 0, 0, 0, 0 };
	deliver(t, msg);
	return badge;
}

/* The counts take a lock of their own, below the scheduler's: a handle
 * moving in a message is installed and closed with the scheduler lock held,
 * and its count never reaches 0 there (installed first, closed after). A
 * count reaching 0 - a close outside any lock - takes the scheduler lock to
 * hand the notice on. */
static spinlock_t badge_lock = SPINLOCK_INIT;

static void badge_gone(struct endpoint *ep, struct badge_count *c)
{
	irqflags_t f = sched_lock();
	list_push_back(&ep->gone, &c->link); /* freed with the endpoint if closed */
	struct thread *server = ep->closed ? NULL : wait_queue_first(&ep->receivers);
	if (server) {
		/* A receiver waits: it takes the notice now. */
		wait_queue_remove(server);
		server->ipc_badge = (uint64_t)take_notice(ep, server);
		sched_wake(server, 0);
	} else if (!ep->closed) {
		port_notify(&ep->obj);
	}
	sched_unlock(f);
}

static int count_badge(struct endpoint *ep, uint64_t badge, int delta)
{
	/* Allocated before the lock, used when the badge is new. */
	struct badge_count *fresh = NULL, *zero = NULL;
	if (delta > 0 && __atomic_load_n(&ep->watched, __ATOMIC_ACQUIRE) &&
	    !(fresh = kzalloc(sizeof(*fresh))))
		return ERR_NO_MEMORY;
	irqflags_t f = spin_lock_irqsave(&badge_lock);
	struct badge_count *c = count_of(ep, badge);
	if (delta > 0 && !c && fresh) {
		c = fresh;
		fresh = NULL;
		c->badge = badge;
		list_push_back(&ep->badges, &c->link);
	}
	if (c && delta > 0) {
		c->handles++;
	} else if (c && --c->handles == 0) {
		list_remove(&c->link);
		zero = c;
	}
	spin_unlock_irqrestore(&badge_lock, f);
	kfree(fresh);
	if (zero)
		badge_gone(ep, zero);
	return 0;
}

/* The last handle that could receive is gone: fail everyone waiting, and
 * every call from now on. Never with the scheduler lock held: a handle
 * moving under it is installed before it is closed, so it never takes a
 * count to 0. */
static void endpoint_close(struct endpoint *ep)
{
	irqflags_t f = sched_lock();
	ep->closed = true;
	wait_queue_wake(&ep->senders, 1 << 30, ERR_PEER_CLOSED);
	wait_queue_wake(&ep->receivers, 1 << 30, ERR_PEER_CLOSED);
	port_cancel_all(&ep->obj, ERR_PEER_CLOSED);
	sched_unlock(f);
}

static int endpoint_count_handles(struct kobject *o, uint32_t rights, uint64_t badge, int delta)
{
	struct endpoint *ep = to_endpoint(o);
	if (badge) {
		int err = count_badge(ep, badge, delta);
		if (err)
			return err;
	}
	/* An atomic, no lock: nothing makes a receiving handle but another
	 * one, so the count reaches 0 once, unless a duplicate races with the
	 * close of its source; closed stays set then, and closing again
	 * changes nothing. */
	if ((rights & VG_RIGHT_WAIT) &&
	    __atomic_add_fetch(&ep->receive_handles, (uint32_t)delta, __ATOMIC_ACQ_REL) == 0)
		endpoint_close(ep);
	return 0;
}

/* Ready for a port when a caller waits or a notice does: ipc_recv will not
 * block. */
static bool endpoint_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct endpoint *ep = to_endpoint(o);
	if (!wait_queue_first(&ep->senders) && list_empty(&ep->gone))
		return false;
	pkt->type = VG_PACKET_ENDPOINT;
	return true;
}

static const struct kobject_ops endpoint_ops = {
	.destroy = endpoint_destroy,
	.poll = endpoint_poll,
	.count_handles = endpoint_count_handles,
};

long sys_endpoint_create(vg_handle_t *out)
{
	struct endpoint *ep = kzalloc(sizeof(*ep));
	if (!ep)
		return ERR_NO_MEMORY;
	kobject_init(&ep->obj, VG_OBJ_ENDPOINT, &endpoint_ops);
	wait_queue_init(&ep->senders);
	wait_queue_init(&ep->receivers);
	list_init(&ep->badges);
	list_init(&ep->gone);
	long err = give_handle(&ep->obj, VG_RIGHTS_ALL & ~VG_RIGHT_MAP, 0, out);
	kobject_unref(&ep->obj);
	return err;
}

long sys_endpoint_watch(vg_handle_t endpoint)
{
	struct kobject *o;
	int err = handle_lookup(&current_process()->handles, endpoint, VG_OBJ_ENDPOINT,
				VG_RIGHT_MANAGE, &o, NULL);
	if (err)
		return err;
	irqflags_t f = sched_lock();
	__atomic_store_n(&to_endpoint(o)->watched, true, __ATOMIC_RELEASE);
	sched_unlock(f);
	kobject_unref(o);
	return 0;
}

long sys_endpoint_mint(vg_handle_t endpoint, uint32_t rights, uint64_t badge, vg_handle_t *out)
{
	struct kobject *o;
	struct handle_entry e;
	int err = handle_lookup(&current_process()->handles, endpoint, VG_OBJ_ENDPOINT,
				VG_RIGHT_MANAGE, &o, &e);
	if (err)
		return err;
	/* Badges are 63 bits: receive returns them where errors are negative. */
	long ret = (rights & ~e.rights) || (badge >> 63) ? ERR_INVALID_ARGS
							 : give_handle(o, rights, badge, out);
	kobject_unref(o);
	return ret;
}

/* Writes a message into t's saved user registers: results 1-5. */
static void deliver(struct thread *t, const uint64_t msg[5])
{
	for (int i = 0; i < 5; i++)
		arch_regs_set_result(t->uregs, i + 1, msg[i]);
}

/* Moves a message between threads: the buffer part (which may fail, leaving
 * both sides as they were), then the registers. Lock held. */
static int transfer(struct thread *to, struct thread *from, const uint64_t msg[5])
{
	if (ipc_tag_needs_buffer(msg[0])) {
		int err = ipc_buffer_move(to, from, msg[0]);
		if (err)
			return err;
	}
	deliver(to, msg);
	return 0;
}

/* The receiver now owes the caller a reply. */
static void bind_reply(struct thread *server, struct thread *caller)
{
	server->reply_to = caller;
	caller->replier = server;
}

/* Drops the reply right t holds, failing its caller. Lock held. */
static void drop_reply(struct thread *t)
{
	struct thread *caller = t->reply_to;
	if (caller) {
		t->reply_to = NULL;
		caller->replier = NULL;
		sched_wake(caller, ERR_PEER_CLOSED);
	}
}

/* Receives on ep: returns the badge, with the message in the caller's
 * result registers 1-5, or an error. Lock held. */
static long receive(struct endpoint *ep)
{
	struct thread *me = thread_current();
	if (ep->closed)
		return ERR_PEER_CLOSED;
	long notice = take_notice(ep, me);
	if (notice >= 0)
		return notice;
	struct thread *caller;
	while ((caller = wait_queue_first(&ep->senders))) {
		int err = transfer(me, caller, caller->ipc_msg);
		wait_queue_remove(caller); /* now waiting for our reply */
		if (err) {
			sched_wake(caller, err); /* its message could not move */
			continue;
		}
		bind_reply(me, caller);
		return (long)caller->ipc_badge;
	}
	int err = wait_queue_block(&ep->receivers, DEADLINE_NONE);
	return err ? err : (long)me->ipc_badge;
}

static int lookup_endpoint(vg_handle_t h, uint32_t right, struct endpoint **ep, uint64_t *badge)
{
	struct kobject *o;
	struct handle_entry e;
	int err = handle_lookup(&current_process()->handles, h, VG_OBJ_ENDPOINT, right, &o, &e);
	if (err)
		return err;
	*ep = to_endpoint(o);
	*badge = e.badge;
	return 0;
}

long sys_ipc_call(vg_handle_t endpoint, uint64_t tag, uint64_t mr0, uint64_t mr1, uint64_t mr2,
		  uint64_t mr3)
{
	struct endpoint *ep;
	uint64_t badge;
	if (!ipc_tag_valid(tag))
		return ERR_INVALID_ARGS;
	int err = lookup_endpoint(endpoint, VG_RIGHT_SIGNAL, &ep, &badge);
	if (err)
		return err;
	struct thread *me = thread_current();
	uint64_t msg[5] = { tag, mr0, mr1, mr2, mr3 };
	long ret;
	irqflags_t f = sched_lock();
	struct thread *server = ep->closed ? NULL : wait_queue_first(&ep->receivers);
	if (ep->closed) {
		ret = ERR_PEER_CLOSED;
	} else if (thread_intr_ends_wait()) {
		ret = ERR_INTERRUPTED; /* a handler runs first; nothing was sent */
	} else if (ipc_buffer_stale(me)) {
		/* The reply could not land in our buffer, and the server would
		 * be the one to see that: refused before anything is sent. */
		ret = ERR_BAD_STATE;
	} else if (server && (ret = transfer(server, me, msg))) {
		/* The message could not move; the server keeps waiting. */
	} else if (server) {
		/* Fast path: the server is waiting; it runs now, we wait for the reply. */
		wait_queue_remove(server);
		server->ipc_badge = badge;
		bind_reply(server, me);
		me->state = THREAD_BLOCKED;
		sched_handoff(server);
		ret = me->wait_result;
	} else {
		for (int i = 0; i < 5; i++)
			me->ipc_msg[i] = msg[i];
		me->ipc_badge = badge;
		/* A port sees the endpoint ready when a caller is queued: we are
		 * one for its poll, then block (nobody runs before we do). */
		me->state = THREAD_BLOCKED;
		list_push_back(&ep->senders.waiters, &me->run_link);
		port_notify(&ep->obj);
		list_remove(&me->run_link);
		me->state = THREAD_RUNNING;
		/* Woken by a reply (0), or by an error. A receiver that takes us
		 * off the queue leaves us blocked until it replies. */
		ret = wait_queue_block(&ep->senders, DEADLINE_NONE);
	}
	sched_unlock(f);
	kobject_unref(&ep->obj);
	return ret;
}

long sys_ipc_recv(vg_handle_t endpoint)
{
	struct endpoint *ep;
	uint64_t badge;
	int err = lookup_endpoint(endpoint, VG_RIGHT_WAIT, &ep, &badge);
	if (err)
		return err;
	irqflags_t f = sched_lock();
	drop_reply(thread_current()); /* receiving again forfeits an unused reply right */
	long ret = receive(ep);
	sched_unlock(f);
	kobject_unref(&ep->obj);
	return ret;
}

/* Sends the reply in msg to the caller we owe one (*caller, left blocked);
 * when the reply cannot move we keep the right to try again. Lock held. */
static int reply_to_caller(const uint64_t msg[5], struct thread **caller)
{
	struct thread *me = thread_current();
	*caller = me->reply_to;
	if (!*caller)
		return ERR_NOT_FOUND;
	int err = transfer(*caller, me, msg);
	if (err) {
		*caller = NULL;
		return err;
	}
	me->reply_to = NULL;
	(*caller)->replier = NULL;
	return 0;
}

long sys_ipc_reply(uint64_t tag, uint64_t mr0, uint64_t mr1, uint64_t mr2, uint64_t mr3)
{
	if (!ipc_tag_valid(tag))
		return ERR_INVALID_ARGS;
	uint64_t msg[5] = { tag, mr0, mr1, mr2, mr3 };
	struct thread *caller;
	irqflags_t f = sched_lock();
	int err = reply_to_caller(msg, &caller);
	if (!err)
		sched_wake(caller, 0);
	sched_unlock(f);
	return err;
}

long sys_ipc_reply_recv(vg_handle_t endpoint, uint64_t tag, uint64_t mr0, uint64_t mr1,
			uint64_t mr2, uint64_t mr3)
{
	struct endpoint *ep;
	uint64_t badge;
	if (!ipc_tag_valid(tag))
		return ERR_INVALID_ARGS;
	int err = lookup_endpoint(endpoint, VG_RIGHT_WAIT, &ep, &badge);
	if (err)
		return err;
	uint64_t msg[5] = { tag, mr0, mr1, mr2, mr3 };
	struct thread *me = thread_current();
	struct thread *caller;
	long ret;
	irqflags_t f = sched_lock();
	err = reply_to_caller(msg, &caller);
	if (err && err != ERR_NOT_FOUND) {
		ret = err; /* the reply could not move: we still owe it */
	} else if (caller && !ep->closed && !wait_queue_first(&ep->senders) &&
		   list_empty(&ep->gone) && !me->intr_count) {
		/* Fast path: nobody else is calling; wait on the endpoint and run
		 * the caller we just answered at once. */
		me->state = THREAD_BLOCKED;
		me->waiting_on = &ep->receivers;
		list_push_back(&ep->receivers.waiters, &me->run_link);
		sched_handoff(caller);
		ret = me->wait_result ? me->wait_result : (long)me->ipc_badge;
	} else {
		if (caller)
			sched_wake(caller, 0);
		ret = receive(ep);
	}
	sched_unlock(f);
	kobject_unref(&ep->obj);
	return ret;
}

void ipc_cancel_wait(struct thread *t)
{
	if (t->replier) {
		t->replier->reply_to = NULL;
		t->replier = NULL;
	}
}

void ipc_thread_exit(struct thread *t)
{
	irqflags_t f = sched_lock();
	drop_reply(t);
	sched_unlock(f);
	ipc_buffer_release(t);
}
