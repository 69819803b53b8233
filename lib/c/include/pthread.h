// SPDX-License-Identifier: BSD-2-Clause
// <pthread.h>: POSIX threads on the kernel's threads and futex
// (lib/c/os/thread). Absolute timeouts are on CLOCK_REALTIME (a condition
// variable's on the clock its attributes give), turned into a deadline on
// the kernel's monotonic clock when the wait starts: a later setting of
// the wall clock does not move it (<time.h>). Process-shared objects
// (PTHREAD_PROCESS_SHARED) work in memory that several processes map: the
// kernel's futexes are keyed by the memory, not the address. No
// cancellation or scheduling parameters yet; CPU affinity is a hint
// (stored and reported back, <sched.h>).
#ifndef _PTHREAD_H
#define _PTHREAD_H
#include <sched.h>
#include <stddef.h>
#include <time.h>

typedef struct __pthread *pthread_t;
typedef struct {
	size_t stacksize;
	void *stackaddr; /* pthread_attr_setstack: the caller's stack (NULL: ours) */
	int detached;
	int inheritsched; /* PTHREAD_INHERIT_SCHED or PTHREAD_EXPLICIT_SCHED */
	int schedpolicy, schedprio; /* used with PTHREAD_EXPLICIT_SCHED */
} pthread_attr_t;

typedef int pthread_spinlock_t; /* 0 free, 1 held */

typedef struct {
	unsigned lock; /* 0 free, 1 held, 2 held with waiters */
	int type;
	unsigned count; /* recursive: times held */
	pthread_t owner; /* recursive and error-checking */
	int pshared; /* PTHREAD_PROCESS_SHARED: the owner is also owner_process */
	unsigned long long owner_process; /* the kernel's id of its process */
} pthread_mutex_t;
typedef struct {
	int type;
	int pshared;
} pthread_mutexattr_t;

typedef struct {
	unsigned seq;
	int clock;
} pthread_cond_t;
typedef struct {
	int clock;
	int pshared;
} pthread_condattr_t;

typedef struct {
	int lock;
	unsigned readers, writer, wwait, rseq, wseq;
} pthread_rwlock_t;
typedef struct {
	int pshared;
} pthread_rwlockattr_t;

typedef struct {
	int lock;
	unsigned count, waiting, gen;
} pthread_barrier_t;
typedef struct {
	int pshared;
} pthread_barrierattr_t;

typedef int pthread_once_t;
typedef unsigned pthread_key_t;

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1
#define PTHREAD_INHERIT_SCHED 0
#define PTHREAD_EXPLICIT_SCHED 1
#define PTHREAD_SCOPE_SYSTEM 0
#define PTHREAD_SCOPE_PROCESS 1
#define PTHREAD_BARRIER_SERIAL_THREAD (-1)
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_STACK_MIN 16384

#define PTHREAD_MUTEX_INITIALIZER \
	{                         \
		0, 0, 0, 0, 0, 0  \
	}
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP         \
	{                                              \
		0, PTHREAD_MUTEX_RECURSIVE, 0, 0, 0, 0 \
	}
#define PTHREAD_COND_INITIALIZER \
	{                        \
		0, 0             \
	}
#define PTHREAD_RWLOCK_INITIALIZER \
	{                          \
		0, 0, 0, 0, 0, 0   \
	}
#define PTHREAD_ONCE_INIT 0

/* Cancellation (lib/c/os/thread/cancel.c). */
#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
#define PTHREAD_CANCELED ((void *)-1)

/* One pthread_cleanup_push: a record on the caller's stack, linked into
 * the thread's list until the matching pop, which takes the innermost. */
struct __pthread_cleanup {
	void (*fn)(void *);
	void *arg;
	struct __pthread_cleanup *next;
};
void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*fn)(void *), void *arg);
void __pthread_cleanup_pop(int execute);
/* POSIX makes these a lexical pair: push opens a block that pop closes.
 * The record's name has the line in it, so that nested pushes do not
 * shadow each other. */
#define __PTHREAD_CLEANUP_NAME2(line) __pthread_cleanup_##line
#define __PTHREAD_CLEANUP_NAME(line) __PTHREAD_CLEANUP_NAME2(line)
#define pthread_cleanup_push(fn, arg)                                      \
	do {                                                               \
		struct __pthread_cleanup __PTHREAD_CLEANUP_NAME(__LINE__); \
		__pthread_cleanup_push(&__PTHREAD_CLEANUP_NAME(__LINE__), (fn), (arg));
#define pthread_cleanup_pop(execute)    \
	__pthread_cleanup_pop(execute); \
	}                               \
	while (0)

int pthread_create(pthread_t *restrict t, const pthread_attr_t *restrict attr, void *(*fn)(void *),
		   void *restrict arg);
int pthread_join(pthread_t t, void **result);
int pthread_detach(pthread_t t);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
_Noreturn void pthread_exit(void *result);
int pthread_cancel(pthread_t t);
int pthread_setcancelstate(int state, int *old);
int pthread_setcanceltype(int type, int *old);
void pthread_testcancel(void);

int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *restrict a, size_t *restrict size);
/* The caller's memory as the thread's stack (its top also holds the
 * thread's TLS area, as on other systems); at least PTHREAD_STACK_MIN. */
int pthread_attr_setstack(pthread_attr_t *a, void *addr, size_t size);
int pthread_attr_getstack(const pthread_attr_t *restrict a, void **restrict addr,
			  size_t *restrict size);
/* Handlers fork() runs: prepare (last registered first) before it, parent
 * and child (first registered first) after it in each process. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));
/* CPU affinity, a hint (<sched.h>). */
int pthread_setaffinity_np(pthread_t t, size_t size, const cpu_set_t *set);
int pthread_getaffinity_np(pthread_t t, size_t size, cpu_set_t *set);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state);

/* Scheduling (sched.c): SCHED_OTHER at priority 0, SCHED_FIFO and SCHED_RR
 * at 1 to 32 (EPERM without the root resource); the attributes' policy
 * applies at pthread_create with PTHREAD_EXPLICIT_SCHED. The first thread
 * can be named only by itself (ENOTSUP from other threads). */
int pthread_attr_setschedpolicy(pthread_attr_t *a, int policy);
int pthread_attr_getschedpolicy(const pthread_attr_t *restrict a, int *restrict policy);
int pthread_attr_setschedparam(pthread_attr_t *restrict a, const struct sched_param *restrict p);
int pthread_attr_getschedparam(const pthread_attr_t *restrict a, struct sched_param *restrict p);
int pthread_attr_setinheritsched(pthread_attr_t *a, int inherit);
int pthread_attr_getinheritsched(const pthread_attr_t *restrict a, int *restrict inherit);
int pthread_attr_setscope(pthread_attr_t *a, int scope);
int pthread_attr_getscope(const pthread_attr_t *restrict a, int *restrict scope);
int pthread_setschedparam(pthread_t t, int policy, const struct sched_param *p);
int pthread_getschedparam(pthread_t t, int *restrict policy, struct sched_param *restrict p);
int pthread_setschedprio(pthread_t t, int prio);

/* Spin locks: spin a little, then yield the processor (spin.c). */
int pthread_spin_init(pthread_spinlock_t *l, int pshared);
int pthread_spin_destroy(pthread_spinlock_t *l);
int pthread_spin_lock(pthread_spinlock_t *l);
int pthread_spin_trylock(pthread_spinlock_t *l);
int pthread_spin_unlock(pthread_spinlock_t *l);

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict abstime);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *restrict a, int *restrict type);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int pshared);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *restrict a, int *restrict pshared);

int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m);
int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
			   const struct timespec *restrict abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *a);
int pthread_condattr_destroy(pthread_condattr_t *a);
int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock);
int pthread_condattr_getclock(const pthread_condattr_t *restrict a, clockid_t *restrict clock);
int pthread_condattr_setpshared(pthread_condattr_t *a, int pshared);
int pthread_condattr_getpshared(const pthread_condattr_t *restrict a, int *restrict pshared);

int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict a);
int pthread_rwlock_destroy(pthread_rwlock_t *l);
int pthread_rwlock_rdlock(pthread_rwlock_t *l);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l,
			       const struct timespec *restrict abstime);
int pthread_rwlock_wrlock(pthread_rwlock_t *l);
int pthread_rwlock_trywrlock(pthread_rwlock_t *l);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *restrict l,
			       const struct timespec *restrict abstime);
int pthread_rwlock_unlock(pthread_rwlock_t *l);
int pthread_rwlockattr_init(pthread_rwlockattr_t *a);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *a, int pshared);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *restrict a, int *restrict pshared);

int pthread_barrier_init(pthread_barrier_t *restrict b, const pthread_barrierattr_t *restrict a,
			 unsigned count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);
int pthread_barrierattr_init(pthread_barrierattr_t *a);
int pthread_barrierattr_destroy(pthread_barrierattr_t *a);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *a, int pshared);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *restrict a, int *restrict pshared);

int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

#endif
