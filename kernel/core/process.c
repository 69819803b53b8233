// SPDX-License-Identifier: BSD-2-Clause
// Processes and their user threads (see process.h).
#include <kernel/heap.h>
#include <kernel/log.h>
#include <kernel/panic.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <verdigris/errors.h>

static void process_destroy(struct kobject *o)
{
	/* Only reachable once every thread is gone: threads hold a reference.
	 * A process that never ran a thread still has its memory and handles. */
	struct process *p = to_process(o);
	if (!p->dead) {
		handle_table_destroy(&p->handles);
		aspace_destroy(&p->as);
	}
	kfree(p->io_bitmap);
	kfree(p);
}

static const struct kobject_ops process_ops = { .destroy = process_destroy };

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
	strlcpy(p->name, name, sizeof(p->name));
	return p;
}

static void user_thread_entry(void *arg)
{
	(void)arg;
	arch_enter_user(thread_current()->uregs);
}

long process_start_thread(struct process *p, uintptr_t pc, uintptr_t sp, uint64_t arg0,
			  uint64_t arg1)
{
	if (p->dead)
		return ERR_PEER_CLOSED;
	struct thread *t = thread_alloc(p->name, user_thread_entry, NULL, PRIO_DEFAULT,
					sizeof(struct arch_regs));
	if (!t)
		return ERR_NO_MEMORY;
	t->proc = p;
	t->detached = true;
	t->uregs = (struct arch_regs *)(thread_stack_top(t) - sizeof(struct arch_regs));
	arch_regs_init_user(t->uregs, pc, sp, arg0, arg1);
	arch_fpu_init_state(t->fpu);
	kobject_ref(&p->obj);
	irqflags_t f = sched_lock();
	list_push_back(&p->threads, &t->proc_link);
	p->nthreads++;
	long id = (long)t->id;
	sched_unlock(f);
	thread_ready(t);
	return id;
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
	irqflags_t f = sched_lock();
	wait_queue_wake(&p->exited, 1 << 30, 0);
	sched_unlock(f);
}

_Noreturn void process_exit_thread(long code)
{
	struct thread *t = thread_current();
	struct process *p = t->proc;
	kassert(p);
	ipc_thread_exit(t);
	irqflags_t f = sched_lock();
	list_remove(&t->proc_link);
	bool last = --p->nthreads == 0;
	sched_unlock(f);
	if (last)
		process_die(p, code);
	t->proc = NULL; /* from here on a kernel thread about to die */
	kobject_unref(&p->obj);
	thread_exit();
}

_Noreturn void process_kill_current(struct arch_regs *r, const char *why)
{
	struct process *p = current_process();
	pr_err("process %s (koid %llu) killed: %s\n", p->name, (unsigned long long)p->obj.koid,
	       why);
	if (log_console_shows(LOG_ERR))
		arch_regs_dump(r);
	/* Other threads of the process are not killed yet: there are none
	 * until thread creation from user space exists. */
	process_exit_thread(-1);
}

long process_wait(struct process *p)
{
	irqflags_t f = sched_lock();
	while (!p->dead)
		wait_queue_block(&p->exited, DEADLINE_NONE);
	sched_unlock(f);
	return p->exit_code;
}
