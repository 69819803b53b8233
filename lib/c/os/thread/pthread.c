// SPDX-License-Identifier: BSD-2-Clause
// Thread creation, joining and exit.
//
// A thread is one mapping: its stack, then its TLS area (control block and
// TLS block, lib/vg/tls.c), whose TLS block holds its struct __pthread.
// The kernel thread's handle is kept for pthread_kill and closed when the
// thread is reaped; joining waits on the struct's state word. The last
// steps of an exiting thread run in assembly (thread_exit.S) with no
// memory use, because a joiner may reuse or unmap the stack as soon as it
// sees T_EXITED. A detached thread puts itself on a list of zombies
// first; the next pthread_create reaps those that have exited. The
// mappings of dead threads are kept (up to
// STACK_CACHE of them) for the next threads of the same size: their pages
// are already committed, so creating a thread then takes no mapping calls
// and no page faults.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <vg/vg.h>

#include "../internal/lock.h"
#include "../internal/signal.h"
#include "../internal/thread.h"
#include <vg/lock.h>

_Static_assert(VG_SYS_futex_wake == 25 && VG_SYS_thread_exit == 6,
	       "thread_exit.S hard-codes these system call numbers");

#define DEFAULT_STACK (256 * 1024)

_Thread_local struct __pthread __libc_self;

#define STACK_CACHE 8
static int cache_lock;
static struct {
	uintptr_t base;
	size_t len;
} stack_cache[STACK_CACHE];
static int ncached;
static struct __pthread *zombies; /* under cache_lock */
/* The threads pthread_create made that are not reaped yet, and the first
 * thread (known once it has created one): pthread_cancel's ESRCH. */
static struct __pthread *live; /* under cache_lock */
static struct __pthread *first_thread;

bool __libc_thread_alive(struct __pthread *t)
{
	if (t == &__libc_self || t == first_thread)
		return true;
	bool found = false;
	__libc_lock(&cache_lock);
	for (struct __pthread *l = live; l && !found; l = l->live_next)
		found = l == t;
	__libc_unlock(&cache_lock);
	return found;
}

/* Whether t, another thread, would take signal sig now. */
static bool takes(const struct __pthread *t, int sig)
{
	return t != &__libc_self && __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) < T_EXITING &&
		!(__atomic_load_n(&t->sig_mask, __ATOMIC_RELAXED) & ((sigset_t)1 << sig));
}

bool __libc_thread_forward(int sig, uint64_t arg, uint64_t value)
{
	/* The entry may have interrupted this very thread holding the lock:
	 * then the signal stays the process's (signal.c). */
	if (!vg_trylock((uint32_t *)&cache_lock))
		return false;
	struct __pthread *to = first_thread && takes(first_thread, sig) ? first_thread : NULL;
	for (struct __pthread *l = live; l && !to; l = l->live_next)
		if (takes(l, sig))
			to = l;
	/* Under the lock, so that it is not reaped meanwhile. */
	bool sent = to && !__libc_sig_send(to, arg, value);
	__libc_unlock(&cache_lock);
	return sent;
}

void __libc_threads_forked(void)
{
	/* The parent's other threads are not ours; this one is the oldest,
	 * which process_interrupt reaches, whatever handle it had there. */
	live = NULL;
	first_thread = &__libc_self;
	__libc_self.handle = 0;
	cache_lock = 0;
}

static void live_add(struct __pthread *t)
{
	__libc_lock(&cache_lock);
	t->live_prev = NULL;
	t->live_next = live;
	if (live)
		live->live_prev = t;
	live = t;
	__libc_unlock(&cache_lock);
}

static void live_remove(struct __pthread *t)
{
	__libc_lock(&cache_lock);
	if (t->live_prev)
		t->live_prev->live_next = t->live_next;
	else
		live = t->live_next;
	if (t->live_next)
		t->live_next->live_prev = t->live_prev;
	__libc_unlock(&cache_lock);
}

/* A cached mapping of len bytes, or 0. */
static uintptr_t cached_mapping(size_t len)
{
	uintptr_t at = 0;
	__libc_lock(&cache_lock);
	for (int i = 0; i < ncached; i++) {
		if (stack_cache[i].len == len) {
			at = stack_cache[i].base;
			stack_cache[i] = stack_cache[--ncached];
			break;
		}
	}
	__libc_unlock(&cache_lock);
	return at;
}

static void unmap(uintptr_t base, size_t len)
{
	__libc_lock(&__libc_vm_lock);
	vg_vm_unmap(vg_self(), base, len);
	__libc_unlock(&__libc_vm_lock);
}

/* Keeps a dead thread's mapping for reuse, or unmaps it. */
static void release_mapping(uintptr_t base, size_t len)
{
	__libc_lock(&cache_lock);
	if (ncached < STACK_CACHE) {
		stack_cache[ncached].base = base;
		stack_cache[ncached++].len = len;
		base = 0;
	}
	__libc_unlock(&cache_lock);
	if (base)
		unmap(base, len);
}

/* A mapping freed when its thread is reaped: ours, not a caller's stack. */
static void release_thread(struct __pthread *t)
{
	live_remove(t);
	if (!t->user_stack)
		release_mapping(t->map_base, t->map_len);
}

/* Frees the mappings of detached threads that have exited. */
static void reap_zombies(void)
{
	struct __pthread *dead = NULL;
	__libc_lock(&cache_lock);
	for (struct __pthread **pp = &zombies; *pp;) {
		struct __pthread *t = *pp;
		if (__atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == T_EXITED) {
			*pp = t->zombie_next;
			t->zombie_next = dead;
			dead = t;
		} else {
			pp = &t->zombie_next;
		}
	}
	__libc_unlock(&cache_lock);
	while (dead) {
		struct __pthread *t = dead;
		dead = t->zombie_next; /* read before the mapping may go */
		vg_handle_close(t->handle);
		release_thread(t);
	}
}

/* The first instruction of every new thread: arg is its struct __pthread. */
static void thread_entry(uint64_t arg)
{
	struct __pthread *t = (struct __pthread *)(uintptr_t)arg;
	uint32_t gate;
	while ((gate = __atomic_load_n(&t->sched_gate, __ATOMIC_ACQUIRE)) == GATE_WAIT)
		__libc_futex_wait(&t->sched_gate, GATE_WAIT, UINT64_MAX);
	if (gate == GATE_ABORT)
		pthread_exit(NULL); /* detached by its creator: reaped unjoined */
	pthread_exit(t->fn(t->arg));
}

/* Sets a new thread's policy (the creator's, or the attributes'), then
 * lets it start; a refusal ends it unrun and is pthread_create's error. */
static int open_gate(struct __pthread *t, int policy, int priority)
{
	int e = __libc_sched_set(t->handle, policy, priority);
	if (e)
		__atomic_store_n(&t->state, T_DETACHED, __ATOMIC_RELEASE);
	__atomic_store_n(&t->sched_gate, e ? GATE_ABORT : GATE_OPEN, __ATOMIC_RELEASE);
	__libc_futex_wake(&t->sched_gate, 1);
	return e;
}

int pthread_create(pthread_t *restrict out, const pthread_attr_t *restrict attr,
		   void *(*fn)(void *), void *restrict arg)
{
	int e = __libc_sched_attr_check(attr);
	if (e)
		return e;
	size_t stack = attr && attr->stacksize ? attr->stacksize : DEFAULT_STACK;
	stack = (stack + 4095) & ~(size_t)4095;
	size_t tls = (vg_tls_area_size() + 4095) & ~(size_t)4095;
	reap_zombies();
	if (!__libc_self.map_base)
		first_thread = &__libc_self;
	uintptr_t at;
	bool user_stack = attr && attr->stackaddr, fresh = false;
	if (user_stack) {
		/* The caller's memory: the TLS area in its top pages, the stack
		 * below (pthread_attr_setstack checked the size). */
		uintptr_t base = (uintptr_t)attr->stackaddr;
		uintptr_t tls_at = (base + attr->stacksize - tls) & ~(uintptr_t)4095;
		if (attr->stacksize < tls || tls_at < base + PTHREAD_STACK_MIN / 2)
			return EINVAL; /* no room for a stack beside the TLS area */
		at = base;
		stack = tls_at - base;
	} else {
		at = cached_mapping(stack + tls);
		if (!at) {
			__libc_lock(&__libc_vm_lock);
			at = vg_map_anon(vg_self(), stack + tls);
			__libc_unlock(&__libc_vm_lock);
			fresh = true;
		}
		if (!at)
			return EAGAIN;
	}
	struct vg_tcb *tcb;
	/* A cached mapping holds a dead thread's TLS: cleared again. */
	uintptr_t tp = vg_tls_init((void *)(at + stack), fresh, &tcb);
	/* The new thread's copy of __libc_self: its offset from tp is ours. */
	struct __pthread *t =
		(struct __pthread *)(tp + ((uintptr_t)&__libc_self - vg_arch_thread_pointer()));
	t->fn = fn;
	t->arg = arg;
	t->map_base = at;
	t->map_len = stack + tls;
	t->user_stack = user_stack;
	t->state = attr && attr->detached ? T_DETACHED : T_JOINABLE;
	int policy, priority;
	bool gated = __libc_sched_wanted(attr, &policy, &priority);
	t->sched_gate = gated ? GATE_WAIT : GATE_OPEN;
	t->sig_mask = __libc_self.sig_mask; /* POSIX: the creator's */
	live_add(t);
	vg_handle_t h;
	long st = vg_thread_create(vg_self(), (uintptr_t)thread_entry,
				   at + stack - VG_ENTRY_SP_BIAS, (uintptr_t)t, tp, &h);
	if (st) {
		release_thread(t);
		return EAGAIN;
	}
	t->handle = h; /* kept for pthread_kill, closed when the thread is reaped */
	if (gated && (e = open_gate(t, policy, priority)))
		return e;
	*out = t;
	return 0;
}

_Noreturn void pthread_exit(void *result)
{
	struct __pthread *t = &__libc_self;
	/* Cleanup handlers first, innermost first, then the TSD destructors
	 * (POSIX); a cancellation point inside them does not act again. */
	t->cancel_disabled = true;
	for (struct __pthread_cleanup *c; (c = t->cleanup);) {
		t->cleanup = c->next;
		c->fn(c->arg);
	}
	__libc_tsd_run_destructors();
	__libc_malloc_thread_exit();
	t->result = result;
	if (!t->map_base) /* the first thread: its memory is not ours to free */
		vg_exit(0);
	uint32_t s = T_JOINABLE;
	if (__atomic_compare_exchange_n(&t->state, &s, T_EXITING, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		__libc_exit_and_wake(&t->state, T_EXITED);
	/* Detached: nobody will join; the next pthread_create reaps it. */
	__libc_lock(&cache_lock);
	t->zombie_next = zombies;
	zombies = t;
	__libc_unlock(&cache_lock);
	__libc_exit_and_wake(&t->state, T_EXITED);
}

/* Waits until t has exited for good (a cancellation point for
 * pthread_join: a cancelled joiner leaves t joinable), then frees its
 * memory. */
static void reap(struct __pthread *t, void **result, bool cancellable)
{
	uint32_t s;
	while ((s = __atomic_load_n(&t->state, __ATOMIC_ACQUIRE)) != T_EXITED) {
		if (cancellable)
			__libc_cp_futex_wait(&t->state, s, UINT64_MAX);
		else
			__libc_futex_wait(&t->state, s, UINT64_MAX);
	}
	if (result)
		*result = t->result;
	vg_handle_close(t->handle);
	release_thread(t);
}

int pthread_join(pthread_t t, void **result)
{
	pthread_testcancel(); /* a cancellation point even when t has ended */
	if (t == &__libc_self)
		return EDEADLK;
	if (!t->map_base || __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) == T_DETACHED)
		return EINVAL;
	reap(t, result, true);
	return 0;
}

int pthread_detach(pthread_t t)
{
	if (!t->map_base)
		return EINVAL;
	uint32_t s = T_JOINABLE;
	if (__atomic_compare_exchange_n(&t->state, &s, T_DETACHED, 0, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		return 0;
	if (s == T_DETACHED)
		return EINVAL;
	reap(t, NULL, false); /* already exiting: free it now */
	return 0;
}

pthread_t pthread_self(void)
{
	return &__libc_self;
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int sched_yield(void)
{
	vg_thread_yield();
	return 0;
}

int pthread_attr_init(pthread_attr_t *a)
{
	a->stacksize = 0;
	a->stackaddr = NULL;
	a->detached = 0;
	a->inheritsched = PTHREAD_INHERIT_SCHED;
	a->schedpolicy = SCHED_OTHER;
	a->schedprio = 0;
	return 0;
}

int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size)
{
	if (!addr || size < PTHREAD_STACK_MIN || (uintptr_t)addr % 16 ||
	    (uintptr_t)addr + size < (uintptr_t)addr)
		return EINVAL;
	a->stackaddr = addr;
	a->stacksize = size;
	return 0;
}

int pthread_attr_getstack(const pthread_attr_t *restrict a, void **restrict addr,
			  size_t *restrict size)
{
	*addr = a->stackaddr;
	*size = a->stackaddr ? a->stacksize : DEFAULT_STACK;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size)
{
	*size = a->stacksize ? a->stacksize : DEFAULT_STACK;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->detached = state == PTHREAD_CREATE_DETACHED;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE;
	return 0;
}
