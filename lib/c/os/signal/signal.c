// SPDX-License-Identifier: BSD-2-Clause
// Signals on the kernel's interruptions: the actions, the entry the
// kernel calls with each interruption, and the default actions.
//
// Every signal reaches the thread it was sent to as an interruption whose
// arg is VG_SIGARG (abi/verdigris/intr.h), or as a fault. The entry runs
// on that thread with its context saved in a frame. A signal the thread
// blocks is left pending: in the thread when it was sent to the thread
// (pthread_kill and raise: SI_TKILL), else it is the process's (kill,
// SIGCHLD, alarm: the process server's process_interrupt reaches the
// oldest thread): it goes on to another thread that does not block it,
// or, when every thread does, waits in the process's pending set for the
// first thread that unblocks it or takes it with sigwait. sigprocmask
// sends it again when it unblocks. An ignored one returns at once; a
// handler runs with the action's mask added; a default action ignores,
// stops the process (process_suspend), or ends it through
// interrupt_return with the end code "killed by the signal", with the
// core-dump bit for the signals that dump core (abi/verdigris/exit.h),
// never an exit code; a fault's signal or abort's first logs a crash
// report (crash.c). Faults blocked or without a handler end the process
// the same way. The process has one entry, registered at start-up (and
// again in a fork's child).
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <verdigris/exit.h>
#include <verdigris/intr.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/signal.h"
#include "../internal/thread.h"

static struct sigaction actions[NSIG];
static void entry(uint64_t arg, struct vg_intr_frame *f);
static int actions_lock;

_Thread_local sigset_t __libc_sig_pending;
static _Thread_local uint64_t pending_arg[NSIG], pending_value[NSIG];
/* The process's pending signals (those every thread blocked), and their
 * args and values (written before the bit is set, read after it is
 * taken). Real-time signals wait in sigqueue.c's queue instead; these
 * hold one only when the queue was full (overflow: merged, as others). */
static sigset_t process_pending;
static uint64_t process_arg[NSIG], process_value[NSIG];
static sigset_t process_overflow;
static _Thread_local sigset_t thread_overflow;
/* Whether the process server sends SIGCHLD without a handler (blocked or
 * waited for once: __libc_sigchld_wanted). */
static bool sigchld_wanted;
static _Thread_local uint32_t handled; /* a futex word (sigsuspend) */
static _Thread_local uint32_t handled_norestart; /* of those, without SA_RESTART */
/* Signals that reached a thread, left pending or handled: a futex word
 * (sigwait sleeps on it), the process's, as a waiter may take a signal
 * another thread received. */
static uint32_t arrivals;
static _Thread_local stack_t alt = { .ss_flags = SS_DISABLE };
/* A handler without SA_ONSTACK runs off the alternate stack, where its
 * entry's frame is: the kernel must not be given the stack meanwhile. */
static _Thread_local bool alt_held;

/* Default actions other than "terminate". */
#define SIG_DFL_IGNORE (SIGBIT(SIGCHLD) | SIGBIT(SIGCONT) | SIGBIT(SIGURG) | SIGBIT(SIGWINCH))
#define SIG_DFL_STOP (SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))

uint64_t __libc_sig_handled(void)
{
	return handled | (uint64_t)handled_norestart << 32;
}

const uint32_t *__libc_sig_handled_word(void)
{
	return &handled;
}

const uint32_t *__libc_sig_arrivals_word(void)
{
	return &arrivals;
}

void __libc_sig_info(uint64_t arg, uint64_t value, siginfo_t *info)
{
	*info = (siginfo_t){ .si_signo = VG_SIGARG_SIG(arg),
			     .si_code = VG_SIGARG_CODE(arg),
			     .si_pid = VG_SIGARG_PID(arg),
			     .si_status = VG_SIGARG_STATUS(arg),
			     .si_value.sival_ptr = (void *)(uintptr_t)value };
}

uint64_t __libc_sig_resend_arg(uint64_t arg)
{
	/* The kernel counted it once: sent again within the process, it
	 * keeps that count in the library's bit instead. */
	return arg & VG_INTR_COUNTED ? (arg & ~VG_INTR_COUNTED) | SIGARG_CREDIT : arg;
}

void __libc_sig_give_back(uint64_t arg)
{
	if (arg & (VG_INTR_COUNTED | SIGARG_CREDIT))
		vg_interrupt_release(1);
}

/* Pending signal sig of owner (NULL: the process) whose bit was just
 * taken from *pending: a real-time one's oldest from the queue (its bit
 * set again when more wait), else the one merged in arg_of[sig] and value_of[sig].
 * false when another taker got it first. */
static bool take_pending(sigset_t *pending, sigset_t *overflow, const struct __pthread *owner,
			 int sig, const uint64_t *arg_of, const uint64_t *value_of, uint64_t *arg,
			 uint64_t *value)
{
	sigset_t was = __atomic_fetch_and(pending, ~SIGBIT(sig), __ATOMIC_ACQ_REL);
	if (!(was & SIGBIT(sig)))
		return false;
	bool more;
	if (SIG_QUEUED(sig) && __libc_sigq_take(owner, sig, arg, value, &more)) {
		if (more || (__atomic_load_n(overflow, __ATOMIC_ACQUIRE) & SIGBIT(sig)))
			__atomic_fetch_or(pending, SIGBIT(sig), __ATOMIC_RELEASE);
		return true;
	}
	/* A real-time signal without a queued one is an overflow, or a bit
	 * another taker left set: nothing. */
	if (SIG_QUEUED(sig) &&
	    !(__atomic_fetch_and(overflow, ~SIGBIT(sig), __ATOMIC_ACQ_REL) & SIGBIT(sig)))
		return false;
	*arg = arg_of[sig];
	*value = value_of[sig];
	return true;
}

static bool take_thread_signal(int sig, uint64_t *arg, uint64_t *value)
{
	return take_pending(&__libc_sig_pending, &thread_overflow, &__libc_self, sig, pending_arg,
			    pending_value, arg, value);
}

static bool take_process_signal(int sig, uint64_t *arg, uint64_t *value)
{
	return take_pending(&process_pending, &process_overflow, NULL, sig, process_arg,
			    process_value, arg, value);
}

/* Keeps a blocked signal for owner: a real-time one queued (merged only
 * when the queue is full), any other merged with one already pending. */
static void keep_pending(sigset_t *pending, sigset_t *overflow, const struct __pthread *owner,
			 uint64_t *arg_of, uint64_t *value_of, uint64_t arg, uint64_t value)
{
	int sig = VG_SIGARG_SIG(arg);
	if (!SIG_QUEUED(sig) || !__libc_sigq_put(owner, arg, value)) {
		arg_of[sig] = arg;
		value_of[sig] = value;
		if (SIG_QUEUED(sig))
			__atomic_fetch_or(overflow, SIGBIT(sig), __ATOMIC_RELEASE);
	}
	__atomic_fetch_or(pending, SIGBIT(sig), __ATOMIC_RELEASE);
	__atomic_fetch_add(&arrivals, 1, __ATOMIC_RELEASE);
}

int __libc_sig_take(sigset_t set, siginfo_t *info)
{
	sigset_t ready;
	uint64_t arg, value;
	/* The lowest first, the thread's before the process's. Taking is one
	 * atomic AND: the entry may add another signal meanwhile. */
	while ((ready = __atomic_load_n(&__libc_sig_pending, __ATOMIC_ACQUIRE) & set)) {
		int sig = __builtin_ctzll(ready);
		if (take_thread_signal(sig, &arg, &value))
			goto taken;
	}
	while ((ready = __atomic_load_n(&process_pending, __ATOMIC_ACQUIRE) & set)) {
		int sig = __builtin_ctzll(ready);
		if (take_process_signal(sig, &arg, &value))
			goto taken;
	}
	return 0;
taken:
	__libc_sig_give_back(arg);
	__libc_sig_info(arg, value, info);
	return info->si_signo;
}

void __libc_sig_forked(void)
{
	__libc_sig_pending = 0;
	process_pending = 0;
	thread_overflow = process_overflow = 0;
	__libc_sigq_clear();
}

sigset_t __libc_sig_pending_all(void)
{
	return __atomic_load_n(&__libc_sig_pending, __ATOMIC_ACQUIRE) |
		__atomic_load_n(&process_pending, __ATOMIC_ACQUIRE);
}

/* A process-directed signal the calling thread blocks: another thread's,
 * or the process's pending one. Waiters in sigwait (any thread) look
 * again. */
static void leave_to_process(int sig, uint64_t arg, uint64_t value)
{
	if (__libc_thread_forward(sig, __libc_sig_resend_arg(arg), value))
		return;
	keep_pending(&process_pending, &process_overflow, NULL, process_arg, process_value, arg,
		     value);
	__libc_futex_wake(&arrivals, UINT32_MAX);
}

static void tell_sigchld_action(const struct sigaction *a)
{
	bool handler = a->sa_handler != SIG_DFL && a->sa_handler != SIG_IGN;
	if (__libc_sigchld_action)
		__libc_sigchld_action(handler || (sigchld_wanted && a->sa_handler != SIG_IGN),
				      !!(a->sa_flags & SA_NOCLDSTOP),
				      a->sa_handler == SIG_IGN || (a->sa_flags & SA_NOCLDWAIT));
}

void __libc_sigchld_wanted(sigset_t set)
{
	if (!(set & SIGBIT(SIGCHLD)) ||
	    __atomic_exchange_n(&sigchld_wanted, true, __ATOMIC_ACQ_REL))
		return;
	__libc_lock(&actions_lock);
	struct sigaction a = actions[SIGCHLD];
	__libc_unlock(&actions_lock);
	tell_sigchld_action(&a);
}

int __libc_sig_eintr(uint64_t before, int restartable)
{
	uint64_t now = __libc_sig_handled();
	return restartable ? now >> 32 != before >> 32 : now != before;
}

/* Signals that end a process with a crash report: ours, symbolized
 * (crash.c), or the kernel's if ours cannot run. The others end it
 * quietly, as kill -TERM does anywhere. */
#define SIG_CRASH                                                                               \
	(SIGBIT(SIGSEGV) | SIGBIT(SIGBUS) | SIGBIT(SIGILL) | SIGBIT(SIGFPE) | SIGBIT(SIGTRAP) | \
	 SIGBIT(SIGABRT))

static _Noreturn void die(struct vg_intr_frame *f, const siginfo_t *info)
{
	int sig = info->si_signo;
	long code = VG_EXIT_SIGNAL_DEFAULT(sig);
	if (!(SIG_CRASH & SIGBIT(sig)) || __libc_crash_report(info, f, vg_exit_wait_status(code)))
		code |= VG_INTR_QUIET;
	/* The kernel restores the context, logs its report unless told not
	 * to, and kills; the descriptors' handles go with the process (as
	 * in _Exit). */
	vg_interrupt_return(f, code);
	vg_exit(code & ~VG_INTR_QUIET); /* a frame it refused: still die */
}

static void default_action(const siginfo_t *info, struct vg_intr_frame *f)
{
	int sig = info->si_signo;
	if (SIG_DFL_IGNORE & SIGBIT(sig))
		return;
	if (SIG_DFL_STOP & SIGBIT(sig)) {
		/* This thread stops on its way back, with the others. */
		vg_process_suspend(vg_self(), 1);
		return;
	}
	die(f, info);
}

/* The interrupted context's stack pointer. */
#if defined(__x86_64__)
#define FRAME_SP(f) ((f)->regs.rsp)
#define RED_ZONE 128
#elif defined(__aarch64__)
#define FRAME_SP(f) ((f)->regs.sp)
#define RED_ZONE 0
#else
#define FRAME_SP(f) ((f)->regs.x[2])
#define RED_ZONE 0
#endif

void __libc_call_on_stack(void *a, void *b, void *c, void (*fn)(void *, void *, void *),
			  uintptr_t sp); /* lib/c/arch/<arch>/callstack.S */

static bool on_alt_stack(uintptr_t sp)
{
	return !(alt.ss_flags & SS_DISABLE) && sp > (uintptr_t)alt.ss_sp &&
		sp - (uintptr_t)alt.ss_sp <= alt.ss_size;
}

static void call_handler(void *action, void *info, void *frame)
{
	const struct sigaction *a = action;
	siginfo_t *si = info;
	if (a->sa_flags & SA_SIGINFO)
		a->sa_sigaction(si->si_signo, si, frame);
	else
		a->sa_handler(si->si_signo);
}

/* The handler, on the alternate stack only with SA_ONSTACK. The kernel
 * delivers every interruption there once one is set (it does not know
 * signals), so a handler without the flag is called back on the
 * interrupted stack, below its red zone. Meanwhile the kernel is told
 * there is no alternate stack: an interruption during the handler must
 * not be written over this entry's frame at the alternate stack's top
 * (alt_held: every registration meanwhile leaves the stack out). */
static void call_on_its_stack(const struct sigaction *a, siginfo_t *info, struct vg_intr_frame *f)
{
	uintptr_t here = (uintptr_t)__builtin_frame_address(0), sp = FRAME_SP(f);
	if ((a->sa_flags & SA_ONSTACK) || alt_held || !on_alt_stack(here) || on_alt_stack(sp)) {
		call_handler((void *)a, info, f);
		return;
	}
	/* Every registration meanwhile (raise, sigaction... in the handler)
	 * leaves the stack out. */
	alt_held = true;
	if (__libc_sig_ready()) {
		alt_held = false;
		call_handler((void *)a, info, f);
		return;
	}
	__libc_call_on_stack((void *)a, info, f, call_handler,
			     (sp - RED_ZONE - 64) & ~(uintptr_t)15);
	alt_held = false;
	__libc_sig_ready();
}

/* Runs sig's action for the signal arg (0: a fault), whose count the
 * kernel gets back first: it is no longer kept. */
static void run(int sig, uint64_t arg, siginfo_t *info, struct vg_intr_frame *f)
{
	__libc_sig_give_back(arg);
	__libc_lock(&actions_lock);
	struct sigaction a = actions[sig];
	if ((a.sa_flags & SA_RESETHAND) && a.sa_handler != SIG_IGN) {
		actions[sig].sa_handler = SIG_DFL;
		actions[sig].sa_flags &= ~SA_SIGINFO;
	}
	__libc_unlock(&actions_lock);
	if (a.sa_handler == SIG_IGN)
		return;
	if (a.sa_handler == SIG_DFL) {
		default_action(info, f);
		return;
	}
	sigset_t old = __libc_sig_mask;
	__libc_sig_mask |= a.sa_mask & ~SIG_UNBLOCKABLE;
	if (!(a.sa_flags & SA_NODEFER))
		__libc_sig_mask |= SIGBIT(sig);
	call_on_its_stack(&a, info, f);
	__libc_sig_mask = old;
	if (!(a.sa_flags & SA_RESTART))
		handled_norestart++;
	__atomic_fetch_add(&handled, 1, __ATOMIC_RELEASE);
	__atomic_fetch_add(&arrivals, 1, __ATOMIC_RELEASE);
}

/* The next pending signal the mask lets through, the thread's before the
 * process's, lowest first, each queued real-time signal on its own;
 * false when there is none. */
static bool take_next(uint64_t *arg, uint64_t *value)
{
	sigset_t go;
	while ((go = __atomic_load_n(&__libc_sig_pending, __ATOMIC_ACQUIRE) & ~__libc_sig_mask))
		if (take_thread_signal(__builtin_ctzll(go), arg, value))
			return true;
	while ((go = __atomic_load_n(&process_pending, __ATOMIC_ACQUIRE) & ~__libc_sig_mask))
		if (take_process_signal(__builtin_ctzll(go), arg, value))
			return true;
	return false;
}

static int fault_signal(uint32_t cause, int *code)
{
	switch (cause) {
	case VG_EXC_ILLEGAL: *code = ILL_ILLOPC; return SIGILL;
	case VG_EXC_ARITHMETIC: *code = FPE_INTDIV; return SIGFPE;
	case VG_EXC_ALIGNMENT: *code = BUS_ADRALN; return SIGBUS;
	case VG_EXC_PAST_END: *code = BUS_ADRERR; return SIGBUS;
	case VG_EXC_BREAKPOINT: *code = TRAP_BRKPT; return SIGTRAP;
	default: *code = SEGV_MAPERR; return SIGSEGV;
	}
}

/* Back to the interrupted context, unless a cancellation request acts
 * first (lib/c/os/thread/cancel.c): in_cp says whether the thread was in
 * a cancellation point's wait. */
static _Noreturn void resume(struct vg_intr_frame *f, bool in_cp, int saved_errno)
{
	__libc_cancel_entry_end(in_cp);
	errno = saved_errno;
	vg_interrupt_return(f, 0);
	vg_exit(VG_EXIT_SIGNAL_DEFAULT(SIGSEGV)); /* the kernel refused our own frame */
}

/* Whether sig's action is to ignore it (SIG_IGN, or a default that
 * ignores). Read without the lock: a handler set meanwhile is as if set
 * just after the signal came. */
static bool ignored(int sig)
{
	sighandler_t h = __atomic_load_n(&actions[sig].sa_handler, __ATOMIC_RELAXED);
	return h == SIG_IGN || (h == SIG_DFL && (SIG_DFL_IGNORE & SIGBIT(sig)));
}

/* A signal that reached this thread, the frame's or one taken after it
 * (interrupt_take): a blocked one is left pending (the process's, unless
 * it was sent to this thread), an ignored one dropped, any other kept in
 * this thread's pending set, from which the entry runs them all lowest
 * first, each real-time signal's in the order sent. Dropping the ignored
 * ones here leaves the entry nothing to run for them: it returns with
 * the kernel still deferring what came meanwhile, so a flood of them
 * nests no frames. */
static void accept(uint64_t arg, uint64_t value, struct vg_intr_frame *f)
{
	int sig = VG_SIGARG_SIG(arg);
	if (sig <= 0 || sig >= NSIG)
		return; /* pthread_cancel's (its flag is what counts), or not ours */
	if (arg & VG_SIGARG_DIE) {
		siginfo_t info;
		__libc_sig_info(arg, value, &info);
		die(f, &info);
	}
	bool blocked = __libc_sig_mask & SIGBIT(sig);
	if (blocked && VG_SIGARG_CODE(arg) != SI_TKILL)
		leave_to_process(sig, arg, value);
	else if (blocked || !ignored(sig))
		keep_pending(&__libc_sig_pending, &thread_overflow, &__libc_self, pending_arg,
			     pending_value, arg, value);
	else
		__libc_sig_give_back(arg); /* ignored: nothing to run for it */
}

static void entry(uint64_t arg, struct vg_intr_frame *f)
{
	if (arg & VG_INTR_FAULT)
		__libc_probe_fault(); /* back into a probe under way, if one is */
	int saved_errno = errno;
	bool in_cp = __libc_cancel_entry_begin();
	siginfo_t info = { 0 };
	uint64_t next = 0, value;
	if (arg & VG_INTR_FAULT) {
		info.si_signo = fault_signal(VG_INTR_CAUSE(arg), &info.si_code);
		info.si_addr = (void *)(uintptr_t)f->addr;
		struct sigaction *a = &actions[info.si_signo];
		/* Returning into a fault nobody handles would fault again. */
		if ((__libc_sig_mask & SIGBIT(info.si_signo)) || a->sa_handler == SIG_DFL ||
		    a->sa_handler == SIG_IGN)
			die(f, &info);
	} else {
		/* The kernel delivers one frame and holds back the others
		 * until we have taken them: all of them are kept before any
		 * runs, so that they run in POSIX's order, not the order they
		 * came in. A signal's value (sigqueue) comes in the frame's
		 * addr. With nothing to run we return still deferred: what
		 * comes meanwhile then gets a frame where the interrupted code
		 * was, not nested here (a flood of blocked signals nested
		 * until the stack was gone). */
		uint64_t more[VG_INTR_WAITING_MAX][2];
		long n;
		accept(arg, f->addr, f);
		while ((n = vg_interrupt_take(&more[0][0], VG_INTR_WAITING_MAX)) > 0)
			for (long i = 0; i < n; i++)
				accept(more[i][0], more[i][1], f);
		if (!((__atomic_load_n(&__libc_sig_pending, __ATOMIC_ACQUIRE) |
		       __atomic_load_n(&process_pending, __ATOMIC_ACQUIRE)) &
		      ~__libc_sig_mask))
			resume(f, in_cp, saved_errno);
		/* Handlers may be interrupted: frames come again (one that
		 * comes now runs all that are pending, in order, nested). */
		vg_interrupt_take(NULL, 0);
		if (!take_next(&next, &value))
			resume(f, in_cp, saved_errno);
		__libc_sig_info(next, value, &info);
	}
	struct __libc_handler_ipc ipc;
	__libc_handler_ipc_begin(&ipc);
	/* What the handler's mask held back runs now, in this frame: a signal
	 * that keeps coming while its handler runs is taken here again
	 * rather than sent to ourselves, which nested a frame per arrival
	 * until a flood used up the stack. */
	do {
		if (next & VG_SIGARG_DIE)
			die(f, &info);
		run(info.si_signo, next, &info, f);
		if (!take_next(&next, &value))
			break;
		__libc_sig_info(next, value, &info);
	} while (true);
	__libc_handler_ipc_end(&ipc);
	resume(f, in_cp, saved_errno);
}

int __libc_sig_ready(void)
{
	/* Registered every time rather than remembered: one system call, and
	 * a process made from a copy of this one's memory has no entry yet
	 * whatever our variables say. It also sets the thread's alternate
	 * stack, to what it already is. */
	bool on = !(alt.ss_flags & SS_DISABLE) && !alt_held;
	return vg_interrupt_set_entry((uintptr_t)entry, on ? (uintptr_t)alt.ss_sp : 0,
				      on ? alt.ss_size : 0)
		? EINVAL
		: 0;
}

void __libc_sig_flush(void)
{
	uint64_t arg, value;
	while (take_next(&arg, &value))
		__libc_sig_self(__libc_sig_resend_arg(arg), value);
}

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old)
{
	if (sig <= 0 || sig >= NSIG ||
	    (act && (sig == SIGKILL || sig == SIGSTOP) && act->sa_handler != SIG_DFL)) {
		errno = EINVAL;
		return -1;
	}
	int err = act ? __libc_sig_ready() : 0;
	if (err) {
		errno = err;
		return -1;
	}
	__libc_lock(&actions_lock);
	if (old)
		*old = actions[sig];
	if (act)
		actions[sig] = *act;
	__libc_unlock(&actions_lock);
	if (act && sig == SIGCHLD)
		tell_sigchld_action(act);
	return 0;
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction a = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;
	if (sigaction(sig, &a, &old))
		return SIG_ERR;
	return old.sa_handler;
}

int sigaltstack(const stack_t *restrict ss, stack_t *restrict old)
{
	if (old)
		*old = alt;
	if (!ss)
		return 0;
	if (ss->ss_flags & ~(SS_DISABLE | SS_ONSTACK)) {
		errno = EINVAL;
		return -1;
	}
	if (!(ss->ss_flags & SS_DISABLE) && ss->ss_size < MINSIGSTKSZ) {
		errno = ENOMEM;
		return -1;
	}
	stack_t was = alt;
	alt = *ss;
	alt.ss_flags &= SS_DISABLE;
	/* The kernel keeps the alternate stack per thread, with the entry. */
	if (__libc_sig_ready()) {
		alt = was;
		errno = EINVAL;
		return -1;
	}
	return 0;
}

sigset_t __libc_sig_ignored(void)
{
	sigset_t set = 0;
	__libc_lock(&actions_lock);
	for (int sig = 1; sig < NSIG; sig++)
		if (actions[sig].sa_handler == SIG_IGN)
			set |= SIGBIT(sig);
	__libc_unlock(&actions_lock);
	return set;
}

/* owner's pending signals of set, into out from *n (at most max). */
static void export_of(sigset_t pending, sigset_t overflow, const struct __pthread *owner,
		      const uint64_t *arg_of, const uint64_t *value_of, sigset_t set,
		      struct vg_startup_signal *out, size_t *n, size_t max)
{
	for (sigset_t left = pending & set; left && *n < max; left &= left - 1) {
		int sig = __builtin_ctzll(left);
		if (SIG_QUEUED(sig))
			*n += __libc_sigq_peek(owner, sig, out + *n, max - *n);
		if ((!SIG_QUEUED(sig) || (overflow & SIGBIT(sig))) && *n < max)
			out[(*n)++] = (struct vg_startup_signal){ arg_of[sig], value_of[sig] };
	}
}

size_t __libc_sig_export(sigset_t set, struct vg_startup_signal *out, size_t max)
{
	size_t n = 0;
	export_of(__atomic_load_n(&__libc_sig_pending, __ATOMIC_ACQUIRE), thread_overflow,
		  &__libc_self, pending_arg, pending_value, set, out, &n, max);
	export_of(__atomic_load_n(&process_pending, __ATOMIC_ACQUIRE), process_overflow, NULL,
		  process_arg, process_value, set, out, &n, max);
	return n;
}

/* Keeps the pending signals a program we replaced passed on (exec), the
 * process's now, still blocked; the kernel is told of those it counted
 * there (sigqueue's), as they still take room in the queue. */
static void keep_inherited(const struct vg_startup_signal *sigs, uint32_t count)
{
	uint32_t counted = 0;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t arg = sigs[i].arg;
		int sig = VG_SIGARG_SIG(arg);
		if (sig <= 0 || sig >= NSIG || !(__libc_sig_mask & SIGBIT(sig)))
			continue;
		if (arg & (VG_INTR_COUNTED | SIGARG_CREDIT)) {
			arg = (arg & ~SIGARG_CREDIT) | VG_INTR_COUNTED;
			counted++;
		}
		keep_pending(&process_pending, &process_overflow, NULL, process_arg, process_value,
			     arg, sigs[i].value);
	}
	if (counted)
		vg_interrupt_count(counted);
}

void __libc_sig_inherit(void)
{
	vg_handle_t h = vg_startup_find(VG_HTAG_SIGNALS, 0);
	static struct vg_startup_signals s; /* start-up runs on one thread */
	size_t head = offsetof(struct vg_startup_signals, signals);
	/* The mask is in place before the entry is registered: a signal that
	 * arrives at once finds it blocked (the process server has the kernel
	 * hold those that come before: process_interrupt_hold). */
	bool ok = h != VG_HANDLE_INVALID && !vg_vmo_read(h, 0, &s, head);
	if (ok) {
		if (s.count > VG_STARTUP_SIGNALS_MAX)
			s.count = VG_STARTUP_SIGNALS_MAX;
		ok = !vg_vmo_read(h, head, s.signals, s.count * sizeof(s.signals[0]));
	}
	if (h != VG_HANDLE_INVALID)
		vg_handle_close(h);
	if (!ok) {
		__libc_sig_ready();
		return;
	}
	/* An ignored SIGCHLD stays ignored: the process server read it from
	 * the same memory, and reaps our children as they end. */
	s.ignored &= ~(SIG_UNBLOCKABLE | 1);
	for (int sig = 1; sig < NSIG; sig++)
		if (s.ignored & SIGBIT(sig))
			actions[sig].sa_handler = SIG_IGN;
	__libc_sig_mask = s.mask & ~(SIG_UNBLOCKABLE | 1);
	/* Before the entry: whatever the kernel held for it was sent after
	 * these. */
	keep_inherited(s.signals, s.count);
	__libc_sig_ready();
}
