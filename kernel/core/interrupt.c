// SPDX-License-Identifier: BSD-2-Clause
// Interruptions: user entry points, delivery through a frame on the user
// stack, interrupt_return, and suspending processes (see interrupt.h).
#include <kernel/fmt.h>
#include <kernel/interrupt.h>
#include <kernel/log.h>
#include <kernel/percpu.h>
#include <kernel/port.h>
#include <kernel/process.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <kernel/usercopy.h>
#include <verdigris/errors.h>
#include <verdigris/exit.h>
#include <verdigris/intr.h>

_Static_assert(sizeof(struct vg_intr_regs) == sizeof(struct arch_regs),
	       "the frame's registers are the kernel's saved registers");
_Static_assert(VG_INTR_FPU_SIZE == ARCH_FPU_STATE_SIZE, "the frame's FP state is the kernel's");
_Static_assert(THREAD_INTR_MAX == VG_INTR_WAITING_MAX, "the ABI says how many may wait");

/* Below the frame: 16 zero bytes, the entry's "return address" (x86_64)
 * and the end of the frame-pointer chain. */
#define BELOW_FRAME 16
/* Smallest alternate stack: one frame and some room to run the entry. */
#define MIN_INTR_STACK (sizeof(struct vg_intr_frame) + 1024)

/* Writes the frame of the current context below the thread's stack (or on
 * its alternate stack) and points r at the entry. */
static int deliver(struct arch_regs *r, uint64_t arg, uint64_t addr)
{
	struct thread *t = thread_current();
	uintptr_t sp = arch_regs_sp(r);
	bool on_alt = sp > t->intr_stack && sp - t->intr_stack <= t->intr_stack_size;
	if (t->intr_stack_size && !on_alt)
		sp = t->intr_stack + t->intr_stack_size;
	else
		sp -= ARCH_USER_RED_ZONE;
	uintptr_t fa = ALIGN_DOWN(sp - sizeof(struct vg_intr_frame), 16);
	if (sp > USER_TOP || sp < USER_BASE + sizeof(struct vg_intr_frame) + BELOW_FRAME)
		return ERR_BAD_ADDRESS;
	static struct vg_intr_frame frame; /* one CPU; too big for the stack's comfort */
	irqflags_t f = arch_irq_save();
	frame = (struct vg_intr_frame){ .magic = VG_INTR_MAGIC, .arg = arg, .addr = addr };
	memcpy(&frame.regs, r, sizeof(*r));
	fpu_state_read(frame.fpu);
	static const uint8_t zero[BELOW_FRAME];
	int err = copy_to_user((void *)fa, &frame, sizeof(frame)) ||
			copy_to_user((void *)(fa - BELOW_FRAME), zero, BELOW_FRAME)
		? ERR_BAD_ADDRESS
		: 0;
	arch_irq_restore(f);
	if (!err)
		arch_regs_enter_handler(r, t->proc->intr_entry, fa, arg, fa);
	return err;
}

int interrupt_fault(struct arch_regs *r, uint32_t cause, uint64_t addr)
{
	return deliver(r, VG_INTR_FAULT | cause, addr);
}

/* A counted interruption that p will never hold: given back. Lock held
 * (or p's only thread gone). */
static void release(struct process *p, uint64_t arg)
{
	if ((arg & VG_INTR_COUNTED) && p->intr_counted)
		p->intr_counted--;
}

/* The oldest waiting interruption of t, if any, and its value (lock
 * held). */
static bool take_locked(struct thread *t, uint64_t *arg, uint64_t *value)
{
	bool any = t->intr_count > 0;
	if (any) {
		*arg = t->intr_args[t->intr_head];
		*value = t->intr_values[t->intr_head];
		t->intr_head = (uint8_t)((t->intr_head + 1) % THREAD_INTR_MAX);
		t->intr_count--;
	}
	return any;
}

static bool take(struct thread *t, uint64_t *arg, uint64_t *value)
{
	irqflags_t f = sched_lock();
	bool any = take_locked(t, arg, value);
	sched_unlock(f);
	return any;
}

static _Noreturn void die(struct process *p)
{
	arch_irq_enable();
	process_exit_thread(p->kill_code);
}

void interrupt_user_work(struct arch_regs *r)
{
	struct thread *t = thread_current();
	struct process *p = t->proc;
	irqflags_t f = sched_lock();
	while (p->suspended && !p->killed) {
		t->no_intr = true; /* interruptions wait for the resume */
		wait_queue_block(&p->resumed, DEADLINE_NONE);
		t->no_intr = false;
	}
	sched_unlock(f);
	if (p->killed)
		die(p);
	/* Held until the program registers its entry (process_interrupt_hold),
	 * or until the holder takes them back (a lapsed hold); or the entry
	 * runs and has not yet taken what waits. */
	if ((!p->intr_entry && (p->intr_hold || p->intr_lapsed)) || t->intr_deferred)
		return;
	uint64_t arg, value;
	while (take(t, &arg, &value)) {
		if (!p->intr_entry) {
			release(p, arg);
			continue; /* the entry went away: nothing to run */
		}
		if (deliver(r, arg, value)) {
			char why[96];
			snprintf(why, sizeof(why),
				 "no room for an interruption frame below sp %#lx",
				 (unsigned long)arch_regs_sp(r));
			process_crash_report(p, r, why);
			process_kill(p, VG_EXIT_FAULT);
			die(p);
		}
		/* One frame, the oldest: the others wait until the entry has
		 * taken them (interrupt_take) or returns, so that it sees them
		 * all in the order they were sent before it runs any. A frame
		 * for each at once nested them, the newest run first. */
		t->intr_deferred = true;
		return;
	}
}

/* The deferral after a frame ends (lock held): what waits comes as frames
 * again, from the next return to user mode. */
static void undefer(struct thread *t)
{
	t->intr_deferred = false;
	if (t->intr_count)
		this_cpu()->need_resched = true;
}

void interrupt_thread_exit(struct thread *t)
{
	for (unsigned i = 0; i < t->intr_count; i++)
		release(t->proc, t->intr_args[(t->intr_head + i) % THREAD_INTR_MAX]);
	t->intr_count = 0;
}

long sys_interrupt_take(uint64_t *out, uint32_t max)
{
	struct thread *t = thread_current();
	uint64_t w[THREAD_INTR_MAX][2];
	irqflags_t f = sched_lock();
	uint32_t n = t->intr_count < max ? t->intr_count : max;
	for (uint32_t i = 0; i < n; i++) {
		w[i][0] = t->intr_args[(t->intr_head + i) % THREAD_INTR_MAX];
		w[i][1] = t->intr_values[(t->intr_head + i) % THREAD_INTR_MAX];
	}
	/* Only when asked (max 0: the entry is about to run handlers, which
	 * later ones may interrupt). An entry with nothing to run returns
	 * deferred, so that what came meanwhile gets a frame where the
	 * interrupted code was, not nested in the entry: under a flood,
	 * nesting there used up the stack. */
	if (!max)
		undefer(t);
	sched_unlock(f);
	/* Only this thread takes from its queue (others append): those read
	 * are still its oldest, and stay queued if they cannot be given. */
	if (n && copy_to_user(out, w, n * sizeof(w[0])))
		return ERR_BAD_ADDRESS;
	for (uint32_t i = 0; i < n; i++)
		take(t, &w[0][0], &w[0][1]);
	return n;
}

long sys_interrupt_release(uint32_t count)
{
	struct process *p = current_process();
	irqflags_t f = sched_lock();
	p->intr_counted -= count < p->intr_counted ? count : p->intr_counted;
	sched_unlock(f);
	return 0;
}

long sys_interrupt_count(uint32_t count)
{
	struct process *p = current_process();
	irqflags_t f = sched_lock();
	uint32_t room = VG_INTR_COUNTED_MAX - p->intr_counted;
	p->intr_counted += count < room ? count : room;
	sched_unlock(f);
	return 0;
}

/* The process a MANAGE handle names, alive, with a reference (*out) and
 * the lock held (*f): 0, or an error with neither held. */
static int lock_live_process(vg_handle_t process, struct process **out, irqflags_t *f)
{
	struct kobject *o;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	struct process *p = to_process(o);
	*f = sched_lock();
	if (p->dead || p->killed) {
		sched_unlock(*f);
		kobject_unref(o);
		return ERR_PEER_CLOSED;
	}
	*out = p;
	return 0;
}

/* Lets go of what lock_live_process gave. */
static void unlock_process(struct process *p, irqflags_t f)
{
	sched_unlock(f);
	kobject_unref(&p->obj);
}

long sys_process_interrupt_hold(vg_handle_t process)
{
	struct process *p;
	irqflags_t f;
	int err = lock_live_process(process, &p, &f);
	if (err)
		return err;
	if (!p->intr_entry)
		p->intr_hold = true;
	unlock_process(p, f);
	return 0;
}

void interrupt_hold_lapse(struct thread *t)
{
	struct process *p = t->proc;
	p->intr_hold = false;
	for (struct list *n = p->threads.next; n != &p->threads; n = n->next) {
		if (list_entry(n, struct thread, proc_link)->intr_count) {
			p->intr_lapsed = p->lapse_report = true;
			port_notify(&p->obj); /* the holder takes them back */
			return;
		}
	}
}

long sys_process_interrupt_unhold(vg_handle_t process, uint64_t *out, uint32_t max)
{
	struct process *p;
	irqflags_t f;
	int err = lock_live_process(process, &p, &f);
	if (err)
		return err;
	uint64_t w[THREAD_INTR_MAX][2];
	uint32_t n = 0;
	if (p->intr_entry) {
		err = ERR_BAD_STATE; /* the entry takes them */
	} else {
		/* Oldest thread first, each one's in the order sent; taken
		 * here, so a bad out loses them (the caller's fault). */
		p->intr_hold = false;
		bool left = false;
		for (struct list *l = p->threads.next; l != &p->threads; l = l->next) {
			struct thread *t = list_entry(l, struct thread, proc_link);
			while (n < max && n < THREAD_INTR_MAX && take_locked(t, &w[n][0], &w[n][1]))
				release(p, w[n++][0]);
			left |= t->intr_count > 0;
		}
		p->intr_lapsed = left;
		p->lapse_report = false;
	}
	unlock_process(p, f);
	if (err)
		return err;
	if (n && copy_to_user(out, w, n * sizeof(w[0])))
		return ERR_BAD_ADDRESS;
	return n;
}

long sys_interrupt_set_entry(uintptr_t entry, uintptr_t stack, uint64_t stack_size)
{
	if (entry >= USER_TOP)
		return ERR_INVALID_ARGS;
	if (stack_size || stack) {
		if (stack < USER_BASE || stack >= USER_TOP || stack_size > USER_TOP - stack ||
		    stack_size < MIN_INTR_STACK)
			return ERR_INVALID_ARGS;
	}
	struct thread *t = thread_current();
	irqflags_t f = sched_lock();
	t->proc->intr_entry = entry;
	t->proc->intr_hold = false;
	/* What a lapsed hold kept is the entry's now, not the holder's. */
	t->proc->intr_lapsed = t->proc->lapse_report = false;
	t->intr_stack = stack;
	t->intr_stack_size = stack_size;
	/* What waited for the entry (process_interrupt_hold), or for an entry
	 * that left its frame without taking it (a long jump), comes now. */
	t->intr_deferred = false;
	if (entry && t->intr_count)
		this_cpu()->need_resched = true;
	sched_unlock(f);
	return 0;
}

/* Queues arg (and value, for the frame's addr) for t and wakes it from an
 * interruptible wait. Lock held. */
static int queue(struct thread *t, uint64_t arg, uint64_t value)
{
	struct process *p = t->proc;
	if (!p->intr_entry && !p->intr_hold)
		return ERR_BAD_STATE; /* the caller may fall back to process_kill */
	if (t->intr_count == THREAD_INTR_MAX ||
	    ((arg & VG_INTR_COUNTED) && p->intr_counted >= VG_INTR_COUNTED_MAX))
		return ERR_SHOULD_WAIT;
	if (arg & VG_INTR_COUNTED)
		p->intr_counted++;
	t->intr_args[(t->intr_head + t->intr_count) % THREAD_INTR_MAX] = arg;
	t->intr_values[(t->intr_head + t->intr_count) % THREAD_INTR_MAX] = value;
	t->intr_count++;
	/* A caller whose call a server has received (t->replier set) waits on:
	 * the server may have acted already, and the reply must not be lost.
	 * The interruption is delivered when the reply (or ERR_PEER_CLOSED,
	 * when the reply right goes) wakes it: the switch to a thread with one
	 * waiting sets need_resched. A queued call is withdrawn by the wake. */
	if (!p->intr_entry)
		return 0; /* held: nothing to run yet, no wait to end */
	if (t == thread_current())
		this_cpu()->need_resched = true; /* delivered on the way out */
	else if (t->state == THREAD_BLOCKED && !t->no_intr && !t->replier)
		sched_wake(t, ERR_INTERRUPTED);
	return 0;
}

long sys_thread_interrupt_value(vg_handle_t thread, uint64_t arg, uint64_t value)
{
	if (arg & VG_INTR_FAULT)
		return ERR_INVALID_ARGS; /* faults are the kernel's to report */
	struct kobject *o;
	int err = current_handle(thread, VG_OBJ_THREAD, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	irqflags_t f = sched_lock();
	struct thread *t = to_thread_obj(o)->t;
	err = !t || t->proc->killed ? ERR_PEER_CLOSED : queue(t, arg, value);
	sched_unlock(f);
	kobject_unref(o);
	return err;
}

long sys_process_interrupt_value(vg_handle_t process, uint64_t arg, uint64_t value)
{
	if (arg & VG_INTR_FAULT)
		return ERR_INVALID_ARGS;
	struct process *p;
	irqflags_t f;
	int err = lock_live_process(process, &p, &f);
	if (err)
		return err;
	if (list_empty(&p->threads))
		err = ERR_BAD_STATE; /* never started */
	else /* the oldest living thread: threads join the list at its end */
		err = queue(list_entry(p->threads.next, struct thread, proc_link), arg, value);
	unlock_process(p, f);
	return err;
}

long sys_thread_interrupt(vg_handle_t thread, uint64_t arg)
{
	return sys_thread_interrupt_value(thread, arg, 0);
}

long sys_process_interrupt(vg_handle_t process, uint64_t arg)
{
	return sys_process_interrupt_value(process, arg, 0);
}

long sys_interrupt_return(const void *uframe, long kill_code)
{
	static struct vg_intr_frame frame; /* one CPU (see deliver) */
	struct thread *t = thread_current();
	struct arch_regs *r = t->uregs;
	irqflags_t f = arch_irq_save();
	int err = copy_from_user(&frame, uframe, sizeof(frame)) ? ERR_BAD_ADDRESS : 0;
	if (!err &&
	    (frame.magic != VG_INTR_MAGIC || frame.reserved || arch_fpu_check_state(frame.fpu)))
		err = ERR_INVALID_ARGS;
	if (!err)
		err = arch_regs_restore_user(r, (const struct arch_regs *)&frame.regs);
	if (!err)
		fpu_state_write(frame.fpu);
	uint64_t arg = frame.arg, addr = frame.addr;
	arch_irq_restore(f);
	if (!err && t->intr_deferred) {
		f = sched_lock();
		undefer(t);
		sched_unlock(f);
	}
	if (err)
		return err;
	if (kill_code & VG_INTR_QUIET) {
		/* The process logged its own report, or needs none. */
		process_kill(t->proc, kill_code & ~VG_INTR_QUIET);
	} else if (kill_code) {
		/* A fatal interruption: the report shows the interrupted context. */
		char why[128], sig[24] = "";
		/* The C library ends a process for a signal with its end code
		 * (verdigris/exit.h). */
		if (kill_code > 0 && VG_EXIT_IS_SIGNAL(kill_code))
			snprintf(sig, sizeof(sig), "signal %ld, ", kill_code & 0x7f);
		if (arg & VG_INTR_FAULT)
			snprintf(why, sizeof(why),
				 "%sinterruption %#llx (fault %u at %#llx), code %ld", sig,
				 (unsigned long long)arg, VG_INTR_CAUSE(arg),
				 (unsigned long long)addr, kill_code);
		else
			snprintf(why, sizeof(why), "%sinterruption %#llx, code %ld", sig,
				 (unsigned long long)arg, kill_code);
		process_crash_report(t->proc, r, why);
		process_kill(t->proc, kill_code);
	}
	/* syscall_dispatch stores the result in result register 0: the one
	 * just restored. */
	return (long)arch_regs_result(r);
}

long sys_process_suspend(vg_handle_t process, uint32_t suspend)
{
	if (suspend > 1)
		return ERR_INVALID_ARGS;
	struct process *p;
	irqflags_t f;
	int err = lock_live_process(process, &p, &f);
	if (err)
		return err;
	if (suspend) {
		/* Each thread stops at its next return to user mode: the switch
		 * to it sets need_resched; the caller may be one of them. */
		p->suspended = true;
		if (current_process() == p)
			this_cpu()->need_resched = true;
	} else {
		p->suspended = false;
		wait_queue_wake(&p->resumed, 1 << 30, 0);
	}
	port_notify(&p->obj); /* a watcher of stops hears of it */
	unlock_process(p, f);
	return 0;
}

long sys_process_watch_stops(vg_handle_t process, uint32_t on)
{
	if (on > 1)
		return ERR_INVALID_ARGS;
	struct kobject *o;
	int err = current_handle(process, VG_OBJ_PROCESS, VG_RIGHT_MANAGE, &o);
	if (err)
		return err;
	struct process *p = to_process(o);
	irqflags_t f = sched_lock();
	if (p->dead) {
		err = ERR_PEER_CLOSED;
	} else {
		/* From now on: the state as it is counts as reported. */
		p->watch_stops = on;
		p->stop_reported = p->suspended;
	}
	sched_unlock(f);
	kobject_unref(o);
	return err;
}
