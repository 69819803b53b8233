// SPDX-License-Identifier: BSD-2-Clause
// Processes and their user threads (see process.h).
#include <kernel/heap.h>
#include <kernel/interrupt.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/percpu.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>
#include <verdigris/exit.h>
#include <verdigris/intr.h>

static void process_destroy(struct kobject *o)
{
	/* Only reachable once every thread is gone: threads hold a reference.
	 * A process that never ran a thread still has its memory and handles. */
	struct process *p = to_process(o);
	if (!p->dead) {
		handle_table_destroy(&p->handles);
		aspace_destroy(&p->as);
	}
	if (p->exc_port)
		kobject_unref(p->exc_port);
	kfree(p->io_bitmap);
	kfree(p);
}

static bool process_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct process *p = to_process(o);
	if (p->dead) {
		pkt->type = VG_PACKET_PROCESS_EXIT;
		pkt->data[0] = (uint64_t)p->exit_code;
		return true;
	}
	/* A stop or a continuation not yet reported (the binding is one-shot:
	 * a stop and a continuation before the next binding make no packet). */
	if (!p->watch_stops)
		return false;
	if (p->suspended != p->stop_reported) {
		p->stop_reported = p->suspended;
		pkt->type = VG_PACKET_PROCESS_STOP;
		pkt->data[0] = p->suspended;
		return true;
	}
	/* A hold that lapsed with interruptions waiting (interrupt.c). */
	if (!p->lapse_report)
		return false;
	p->lapse_report = false;
	pkt->type = VG_PACKET_PROCESS_UNHELD;
	return true;
}

static const struct kobject_ops process_ops = {
	.destroy = process_destroy,
	.poll = process_poll,
};

struct process *process_create(const char *name)
{
	struct process *p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	if (aspace_init(&p->as)) {
		kfree(p);
		return NULL;
	}
	kobject_init(&p->obj, VG_OBJ_PROCESS, &process_ops);
	handle_table_init(&p->handles);
	list_init(&p->threads);
	wait_queue_init(&p->exited);
	wait_queue_init(&p->resumed);
	strlcpy(p->name, name, sizeof(p->name));
	struct process *creator = current_process();
	p->nice = creator ? creator->nice : 0;
	return p;
}

static void thread_obj_destroy(struct kobject *o)
{
	kfree(to_thread_obj(o));
}

static bool thread_obj_poll(struct kobject *o, struct vg_port_packet *pkt)
{
	struct thread_obj *to = to_thread_obj(o);
	if (!to->dead)
		return false;
	pkt->type = VG_PACKET_THREAD_EXIT;
	pkt->data[0] = (uint64_t)to->exit_code;
	return true;
}

static const struct kobject_ops thread_obj_ops = {
	.destroy = thread_obj_destroy,
	.poll = thread_obj_poll,
};

static void user_thread_entry(void *arg)
{
	(void)arg;
	arch_enter_user(thread_current()->uregs);
}

int process_start_thread(struct process *p, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			 uint64_t arg1, uintptr_t tls, struct thread_obj **obj)
{
	if (p->dead || p->killed)
		return ERR_PEER_CLOSED;
	/* Read without the lock: two racing starts may pass one over. */
	if (p->max_threads && (uint32_t)p->nthreads >= p->max_threads)
		return ERR_OUT_OF_RANGE;
	struct thread_obj *to = kzalloc(sizeof(*to));
	struct thread *t = to ? thread_alloc(p->name, user_thread_entry, NULL, PRIO_DEFAULT,
					     sizeof(struct arch_regs))
			      : NULL;
	if (!t) {
		kfree(to);
		return ERR_NO_MEMORY;
	}
	kobject_init(&to->obj, VG_OBJ_THREAD, &thread_obj_ops);
	to->t = t;
	t->tobj = to; /* the thread's own reference, dropped when it dies */
	t->proc = p;
	t->detached = true;
	t->nice = p->nice; /* time-shared, weighed by its process's nice */
	t->quantum = sched_nice_quantum(p->nice);
	t->uregs = (struct arch_regs *)(thread_stack_top(t) - sizeof(struct arch_regs));
	arch_regs_init_user(t->uregs, pc, sp, arg0, arg1);
	arch_tls_set(t, tls);
	arch_fpu_init_state(t->fpu);
	if (obj) {
		kobject_ref(&to->obj);
		*obj = to;
	}
	kobject_ref(&p->obj);
	irqflags_t f = sched_lock();
	list_push_back(&p->threads, &t->proc_link);
	p->nthreads++;
	sched_unlock(f);
	thread_ready(t);
	return 0;
}

/* The process's last thread is leaving: its memory and handles go now. */
static void process_die(struct process *p, long code)
{
	p->dead = true;
	p->exit_code = code;
	/* We still run on this address space's root: switch to the kernel's
	 * before freeing the tables. */
	sched_drop_aspace(p->as.root);
	aspace_destroy(&p->as);
	handle_table_destroy(&p->handles);
	struct kobject *exc = p->exc_port;
	p->exc_port = NULL;
	irqflags_t f = sched_lock();
	wait_queue_wake(&p->exited, 1 << 30, 0);
	port_notify(&p->obj);
	sched_unlock(f);
	if (exc)
		kobject_unref(exc);
}

_Noreturn void process_exit_thread(long code)
{
	struct thread *t = thread_current();
	struct process *p = t->proc;
	kassert(p);
	if (p->killed)
		code = p->kill_code;
	ipc_thread_exit(t);
	struct thread_obj *to = t->tobj;
	irqflags_t f = sched_lock();
	list_remove(&t->proc_link);
	interrupt_thread_exit(t);
	p->dead_ticks += t->run_ticks;
	bool last = --p->nthreads == 0;
	to->t = NULL;
	to->dead = true;
	to->exit_code = code;
	port_notify(&to->obj);
	sched_unlock(f);
	t->tobj = NULL;
	kobject_unref(&to->obj);
	if (last)
		process_die(p, code);
	t->proc = NULL; /* from here on a kernel thread about to die */
	kobject_unref(&p->obj);
	thread_exit();
}

void process_kill(struct process *p, long code)
{
	irqflags_t f = sched_lock();
	if (!p->killed && !p->dead) {
		p->killed = true;
		p->kill_code = code;
		this_cpu()->need_resched = true; /* the caller may be one of them */
		for (struct list *n = p->threads.next; n != &p->threads; n = n->next) {
			struct thread *t = list_entry(n, struct thread, proc_link);
			if (t->state == THREAD_BLOCKED) {
				ipc_cancel_wait(t);
				sched_wake(t, ERR_CANCELED);
			}
		}
	}
	sched_unlock(f);
}

/* Stops the calling thread with an exception packet on p's port until a
 * handler resumes it (0) or it is killed or the port goes (an error). */
static int stop_on_exception(struct process *p, uint32_t cause, uint64_t addr,
			     const struct arch_regs *r)
{
	struct thread *t = thread_current();
	struct port_binding *b = kzalloc(sizeof(*b));
	if (!b)
		return ERR_NO_MEMORY;
	b->faulting = t;
	b->pkt = (struct vg_port_packet){
		.key = p->exc_key,
		.type = VG_PACKET_EXCEPTION,
		.data = { t->tobj->obj.koid, cause, addr, arch_regs_pc(r) },
	};
	struct wait_queue stopped;
	wait_queue_init(&stopped);
	irqflags_t f = sched_lock();
	int err = ERR_CANCELED;
	if (p->exc_port && port_queue_exception(to_port(p->exc_port), b)) {
		t->exc = b;
		t->no_intr = true; /* only thread_resume or a kill ends this stop */
		err = wait_queue_block(&stopped, DEADLINE_NONE);
		t->no_intr = false;
		t->exc = NULL;
		port_withdraw(b);
	}
	sched_unlock(f);
	kfree(b);
	return err;
}

unsigned process_user_backtrace(uintptr_t fp, uint64_t *out, unsigned max)
{
	/* Read with user copies: a corrupt chain (unaligned, unmapped, not
	 * climbing the stack, a zero return address) just ends the walk.
	 * Programs are built with frame pointers (mk/user.mk). */
	unsigned n = 0;
	while (n < max && fp) {
		uint64_t ret, prev;
		if ((fp & 7) || copy_from_user(&ret, (void *)(fp + FRAME_RET_OFF), 8) ||
		    copy_from_user(&prev, (void *)(fp + FRAME_PREV_OFF), 8) || !ret)
			break;
		out[n++] = ret;
		if (prev <= fp)
			break;
		fp = (uintptr_t)prev;
	}
	return n;
}

void process_crash_report(struct process *p, const struct arch_regs *r, const char *why)
{
	pr_err("process %s (koid %llu) killed: %s\n", p->name, (unsigned long long)p->obj.koid,
	       why);
	if (!log_console_shows(LOG_ERR))
		return;
	arch_regs_dump(r);
	uint64_t ret[31];
	unsigned n = process_user_backtrace(arch_regs_fp(r), ret, 31);
	kprintf("user backtrace:\n  #0 %#lx\n", (unsigned long)arch_regs_pc(r));
	for (unsigned i = 0; i < n; i++)
		kprintf("  #%u %#lx\n", i + 1, (unsigned long)ret[i]);
}

long sys_user_backtrace(uintptr_t fp, uint64_t *out, uint64_t max)
{
	uint64_t ret[VG_BACKTRACE_MAX];
	if (max > VG_BACKTRACE_MAX)
		return ERR_OUT_OF_RANGE;
	unsigned n = process_user_backtrace(fp, ret, (unsigned)max);
	return copy_to_user(out, ret, n * sizeof(ret[0])) ? ERR_BAD_ADDRESS : (long)n;
}

void process_fault(struct arch_regs *r, uint32_t cause, uint64_t addr, const char *why)
{
	struct process *p = current_process();
	if (!p->killed && p->intr_entry && interrupt_fault(r, cause, addr) == 0)
		return; /* the entry runs next, in user mode */
	if (!p->killed && p->exc_port && stop_on_exception(p, cause, addr, r) == 0)
		return; /* resumed: the instruction runs again */
	if (!p->killed) {
		process_crash_report(p, r, why);
		process_kill(p, VG_EXIT_FAULT);
	}
	arch_irq_enable();
	process_exit_thread(p->kill_code);
}

int thread_resume(struct thread_obj *to)
{
	irqflags_t f = sched_lock();
	struct thread *t = to->t;
	int err = t && t->exc ? 0 : ERR_BAD_STATE;
	if (!err)
		sched_wake(t, 0);
	sched_unlock(f);
	return err;
}

long process_wait(struct process *p)
{
	irqflags_t f = sched_lock();
	while (!p->dead)
		wait_queue_block(&p->exited, DEADLINE_NONE);
	sched_unlock(f);
	return p->exit_code;
}
