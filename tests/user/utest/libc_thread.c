// SPDX-License-Identifier: BSD-2-Clause
// The C library's threads in the root task: create/join/detach, exit values,
// TLS per thread (initialized and zeroed parts, errno), mutexes of every
// kind under contention, condition variables, rwlocks, barriers,
// semaphores, once and keys.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "../utest.h"
#include "../vfs_up.h" /* CHECK_ERRNO */

enum { NT = 6, ROUNDS = 3000 };

static _Thread_local long tls_init = 42;
static _Thread_local long tls_zero;
static _Thread_local char tls_big[3000] = { 1, 2, 3 };
/* Over-aligned, so that the TLS block's alignment (p_align) is 64 and the
 * per-arch layout formulas are exercised beyond the common 16. */
static _Thread_local _Alignas(64) char tls_aligned[64] = { 7 };
/* The initial-exec model (a GOT slot holding the offset from tp), which the
 * compiler uses for TLS it cannot prove is in the executable. */
static _Thread_local long tls_ie __attribute__((tls_model("initial-exec"))) = 9;

static void *tls_worker(void *arg)
{
	long id = (long)(uintptr_t)arg;
	long ok = tls_init == 42 && tls_zero == 0 && tls_big[0] == 1 && tls_big[2] == 3 &&
		tls_big[2999] == 0 && tls_aligned[0] == 7 && (uintptr_t)tls_aligned % 64 == 0 &&
		tls_ie == 9;
	tls_ie = id;
	tls_init = id;
	tls_zero = id * 2;
	tls_big[2999] = 1; /* a thread that reuses this one's memory must not see it */
	errno = (int)id;
	for (int i = 0; i < 100; i++)
		sched_yield();
	ok = ok && tls_init == id && tls_zero == id * 2 && errno == (int)id && tls_ie == id;
	return (void *)ok;
}

UTEST(libc_thread_tls_per_thread)
{
	pthread_t t[NT];
	tls_init = 7;
	errno = 0;
	/* Twice: the second round's threads get the first's cached memory,
	 * whose TLS must be cleared again (a fresh mapping's is not). */
	for (int round = 0; round < 2; round++) {
		for (long i = 0; i < NT; i++)
			CHECK_EQ(pthread_create(&t[i], NULL, tls_worker,
						(void *)(uintptr_t)(i + 100)),
				 0);
		for (int i = 0; i < NT; i++) {
			void *r = NULL;
			CHECK_EQ(pthread_join(t[i], &r), 0);
			CHECK_EQ((long)(uintptr_t)r, 1);
		}
	}
	CHECK_EQ(tls_init, 7);
	CHECK_EQ(errno, 0);
	CHECK_EQ(tls_ie, 9);
	CHECK_EQ(tls_aligned[0], 7);
	CHECK_EQ((uintptr_t)tls_aligned % 64, 0);
	CHECK(pthread_equal(pthread_self(), pthread_self()));
}

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *count_worker(void *arg)
{
	pthread_mutex_t *m = arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(m);
		long v = counter;
		if (i % 64 == 0)
			sched_yield(); /* hold the lock across a switch: contention */
		counter = v + 1;
		pthread_mutex_unlock(m);
	}
	return NULL;
}

static void run_counters(pthread_mutex_t *m)
{
	pthread_t t[NT];
	counter = 0;
	for (int i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, count_worker, m), 0);
	for (int i = 0; i < NT; i++)
		CHECK_EQ(pthread_join(t[i], NULL), 0);
	CHECK_EQ(counter, (long)NT * ROUNDS);
}

UTEST(libc_thread_mutex_contention)
{
	run_counters(&counter_lock);
	pthread_mutexattr_t a;
	pthread_mutex_t rec;
	pthread_mutexattr_init(&a);
	CHECK_EQ(pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
	CHECK_EQ(pthread_mutex_init(&rec, &a), 0);
	run_counters(&rec);
	CHECK_EQ(pthread_mutex_lock(&rec), 0);
	CHECK_EQ(pthread_mutex_lock(&rec), 0);
	CHECK_EQ(pthread_mutex_trylock(&rec), 0);
	CHECK_EQ(pthread_mutex_unlock(&rec), 0);
	CHECK_EQ(pthread_mutex_unlock(&rec), 0);
	CHECK_EQ(pthread_mutex_unlock(&rec), 0);
	CHECK_EQ(pthread_mutex_unlock(&rec), EPERM);

	pthread_mutex_t ec;
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&ec, &a);
	CHECK_EQ(pthread_mutex_unlock(&ec), EPERM);
	CHECK_EQ(pthread_mutex_lock(&ec), 0);
	CHECK_EQ(pthread_mutex_lock(&ec), EDEADLK);
	CHECK_EQ(pthread_mutex_trylock(&ec), EBUSY);
	CHECK_EQ(pthread_mutex_unlock(&ec), 0);
	run_counters(&ec);
}

static void *try_then_time(void *arg)
{
	pthread_mutex_t *m = arg;
	long r = pthread_mutex_trylock(m) == EBUSY;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 20 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	r = r && pthread_mutex_timedlock(m, &ts) == ETIMEDOUT;
	return (void *)r;
}

UTEST(libc_thread_mutex_trylock_timedlock)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&m);
	pthread_t t;
	void *r = NULL;
	CHECK_EQ(pthread_create(&t, NULL, try_then_time, &m), 0);
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK_EQ((long)(uintptr_t)r, 1);
	pthread_mutex_unlock(&m);
	CHECK_EQ(pthread_mutex_trylock(&m), 0);
	pthread_mutex_unlock(&m);
}

/* A bounded queue with two condition variables: producers and consumers. */
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER, q_nonfull = PTHREAD_COND_INITIALIZER;
static int q_items[8], q_len;
static long q_sum;

static void *producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ROUNDS; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_len == 8)
			pthread_cond_wait(&q_nonfull, &q_lock);
		q_items[q_len++] = i;
		pthread_cond_signal(&q_nonempty);
		pthread_mutex_unlock(&q_lock);
	}
	return NULL;
}

static void *consumer(void *arg)
{
	long n = (long)(uintptr_t)arg;
	for (long i = 0; i < n; i++) {
		pthread_mutex_lock(&q_lock);
		while (q_len == 0)
			pthread_cond_wait(&q_nonempty, &q_lock);
		q_sum += q_items[--q_len];
		pthread_cond_signal(&q_nonfull);
		pthread_mutex_unlock(&q_lock);
	}
	return NULL;
}

UTEST(libc_thread_condvar_queue)
{
	pthread_t p[3], c[2];
	q_sum = 0;
	for (int i = 0; i < 3; i++)
		CHECK_EQ(pthread_create(&p[i], NULL, producer, NULL), 0);
	for (int i = 0; i < 2; i++)
		CHECK_EQ(pthread_create(&c[i], NULL, consumer, (void *)(uintptr_t)(3 * ROUNDS / 2)),
			 0);
	for (int i = 0; i < 3; i++)
		pthread_join(p[i], NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(c[i], NULL);
	CHECK_EQ(q_sum, 3L * ROUNDS * (ROUNDS + 1) / 2);

	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 10 * 1000 * 1000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&q_lock);
	int r = 0;
	while (r != ETIMEDOUT)
		r = pthread_cond_timedwait(&q_nonempty, &q_lock, &ts);
	pthread_mutex_unlock(&q_lock);
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(now.tv_sec > ts.tv_sec || (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec));
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long rw_a, rw_b, rw_bad;

static void *rw_worker(void *arg)
{
	long id = (long)(uintptr_t)arg;
	for (int i = 0; i < ROUNDS; i++) {
		if ((i + id) % 4 == 0) {
			pthread_rwlock_wrlock(&rw);
			rw_a++;
			if (i % 32 == 0)
				sched_yield();
			rw_b++;
			pthread_rwlock_unlock(&rw);
		} else {
			pthread_rwlock_rdlock(&rw);
			if (rw_a != rw_b)
				__atomic_fetch_add(&rw_bad, 1, __ATOMIC_RELAXED);
			pthread_rwlock_unlock(&rw);
		}
	}
	return NULL;
}

UTEST(libc_thread_rwlock)
{
	pthread_t t[NT];
	for (long i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, rw_worker, (void *)(uintptr_t)i), 0);
	for (int i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(rw_bad, 0);
	CHECK_EQ(rw_a, rw_b);
	CHECK_EQ(rw_a, (long)NT * ROUNDS / 4);
	CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_tryrdlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_unlock(&rw);
	CHECK_EQ(pthread_rwlock_trywrlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_tryrdlock(&rw), EBUSY);
	pthread_rwlock_unlock(&rw);
}

static pthread_barrier_t barrier;
static long phase_count[10], barrier_bad, serials;

static void *barrier_worker(void *arg)
{
	(void)arg;
	for (int ph = 0; ph < 10; ph++) {
		__atomic_fetch_add(&phase_count[ph], 1, __ATOMIC_RELAXED);
		if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_fetch_add(&serials, 1, __ATOMIC_RELAXED);
		if (__atomic_load_n(&phase_count[ph], __ATOMIC_RELAXED) != NT)
			__atomic_fetch_add(&barrier_bad, 1, __ATOMIC_RELAXED);
		pthread_barrier_wait(&barrier);
	}
	return NULL;
}

UTEST(libc_thread_barrier)
{
	pthread_t t[NT];
	CHECK_EQ(pthread_barrier_init(&barrier, NULL, NT), 0);
	for (int i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, barrier_worker, NULL), 0);
	for (int i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(barrier_bad, 0);
	CHECK_EQ(serials, 10);
}

static sem_t sem_items, sem_done;
static long sem_taken;

static void *sem_worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < ROUNDS / 2; i++) {
		sem_wait(&sem_items);
		__atomic_fetch_add(&sem_taken, 1, __ATOMIC_RELAXED);
	}
	sem_post(&sem_done);
	return NULL;
}

UTEST(libc_thread_semaphore)
{
	CHECK_EQ(sem_init(&sem_items, 0, 0), 0);
	CHECK_EQ(sem_init(&sem_done, 0, 0), 0);
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	pthread_t t;
	for (int i = 0; i < 4; i++)
		CHECK_EQ(pthread_create(&t, &a, sem_worker, NULL), 0);
	for (int i = 0; i < 4 * (ROUNDS / 2); i++)
		sem_post(&sem_items);
	for (int i = 0; i < 4; i++)
		CHECK_EQ(sem_wait(&sem_done), 0);
	CHECK_EQ(sem_taken, 4L * (ROUNDS / 2));
	CHECK_EQ(sem_trywait(&sem_items), -1);
	CHECK_EQ(errno, EAGAIN);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec = (ts.tv_nsec + 5000000) % 1000000000;
	ts.tv_sec += 1;
	ts.tv_sec -= 1; /* a deadline at most 5 ms ahead, or already past */
	CHECK_EQ(sem_timedwait(&sem_items, &ts), -1);
	CHECK_EQ(errno, ETIMEDOUT);
	int v = -1;
	sem_post(&sem_items);
	sem_getvalue(&sem_items, &v);
	CHECK_EQ(v, 1);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static long once_runs;
static pthread_key_t key;
static long destructed;

static void once_fn(void)
{
	for (int i = 0; i < 50; i++)
		sched_yield();
	once_runs++;
}

static void key_destructor(void *v)
{
	__atomic_fetch_add(&destructed, (long)(uintptr_t)v, __ATOMIC_RELAXED);
}

static void *once_key_worker(void *arg)
{
	pthread_once(&once, once_fn);
	long ok = once_runs == 1 && pthread_getspecific(key) == NULL;
	pthread_setspecific(key, arg);
	sched_yield();
	ok = ok && pthread_getspecific(key) == arg;
	if ((uintptr_t)arg == 3)
		pthread_exit((void *)ok); /* destructors run on pthread_exit too */
	return (void *)ok;
}

UTEST(libc_thread_once_and_keys)
{
	CHECK_EQ(pthread_key_create(&key, key_destructor), 0);
	pthread_t t[NT];
	for (long i = 0; i < NT; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, once_key_worker, (void *)(uintptr_t)(i + 1)),
			 0);
	for (int i = 0; i < NT; i++) {
		void *r = NULL;
		pthread_join(t[i], &r);
		CHECK_EQ((long)(uintptr_t)r, 1);
	}
	CHECK_EQ(once_runs, 1);
	CHECK_EQ(destructed, (long)NT * (NT + 1) / 2);
	CHECK_EQ(pthread_key_delete(key), 0);

	/* A new key in the same slot starts empty in every thread. */
	pthread_key_t k1, k2;
	CHECK_EQ(pthread_key_create(&k1, NULL), 0);
	CHECK_EQ(pthread_setspecific(k1, &k1), 0);
	CHECK(pthread_getspecific(k1) == &k1);
	CHECK_EQ(pthread_key_delete(k1), 0);
	CHECK_EQ(pthread_key_create(&k2, NULL), 0);
	CHECK_EQ(k2, k1);
	CHECK(pthread_getspecific(k2) == NULL);
	CHECK_EQ(pthread_key_delete(k2), 0);
}

static void *detached_worker(void *arg)
{
	__atomic_fetch_add((long *)arg, 1, __ATOMIC_RELEASE);
	return NULL;
}

UTEST(libc_thread_many_detached_and_joined)
{
	static long ran;
	for (int round = 0; round < 40; round++) {
		pthread_t t;
		CHECK_EQ(pthread_create(&t, NULL, detached_worker, &ran), 0);
		if (round % 2)
			CHECK_EQ(pthread_detach(t), 0);
		else
			CHECK_EQ(pthread_join(t, NULL), 0);
	}
	for (int i = 0; i < 1000 && __atomic_load_n(&ran, __ATOMIC_ACQUIRE) < 40; i++)
		sched_yield();
	CHECK_EQ(ran, 40);
}

/* pthread_attr_setstack: the thread runs on the caller's memory (its
 * locals are inside it) and getstack reports it; bad stacks refused. */
static void *where_am_i(void *arg)
{
	(void)arg;
	return __builtin_frame_address(0); /* somewhere in this thread's stack */
}

UTEST(libc_thread_attr_setstack)
{
	static _Alignas(4096) unsigned char stack[128 * 1024];
	pthread_attr_t a;
	CHECK_EQ(pthread_attr_init(&a), 0);
	void *addr;
	size_t size;
	CHECK_EQ(pthread_attr_getstack(&a, &addr, &size), 0);
	CHECK(addr == NULL);
	CHECK_EQ(pthread_attr_setstack(&a, stack, 100), EINVAL);
	CHECK_EQ(pthread_attr_setstack(&a, NULL, sizeof(stack)), EINVAL);
	CHECK_EQ(pthread_attr_setstack(&a, stack + 1, PTHREAD_STACK_MIN), EINVAL);
	CHECK_EQ(pthread_attr_setstack(&a, stack, sizeof(stack)), 0);
	CHECK_EQ(pthread_attr_getstack(&a, &addr, &size), 0);
	CHECK(addr == stack);
	CHECK_EQ(size, sizeof(stack));
	for (int round = 0; round < 3; round++) { /* the memory is reused each time */
		pthread_t t;
		void *local;
		CHECK_EQ(pthread_create(&t, &a, where_am_i, NULL), 0);
		CHECK_EQ(pthread_join(t, &local), 0);
		CHECK((unsigned char *)local >= stack &&
		      (unsigned char *)local < stack + sizeof(stack));
	}
	CHECK_EQ(pthread_attr_destroy(&a), 0);
}

/* Affinity hints: stored and reported back per thread; an empty set, or
 * one naming a CPU the machine lacks, is EINVAL. */
static void *affinity_of_new_thread(void *arg)
{
	cpu_set_t s;
	(void)arg;
	if (pthread_getaffinity_np(pthread_self(), sizeof(s), &s))
		return NULL;
	return (void *)(intptr_t)CPU_COUNT(&s);
}

UTEST(libc_thread_affinity_hints)
{
	cpu_set_t s, got;
	CHECK_EQ(sched_getaffinity(0, sizeof(got), &got), 0);
	CHECK(CPU_ISSET(0, &got));
	CHECK_EQ(CPU_COUNT(&got), 1); /* the kernel runs threads on one CPU */
	CPU_ZERO(&s);
	CHECK_ERRNO(sched_setaffinity(0, sizeof(s), &s), EINVAL); /* empty */
	CPU_SET(5, &s);
	CHECK_ERRNO(sched_setaffinity(0, sizeof(s), &s), EINVAL); /* no CPU 5 */
	CPU_ZERO(&s);
	CPU_SET(0, &s);
	CHECK_EQ(sched_setaffinity(0, sizeof(s), &s), 0);
	CHECK_EQ(sched_getaffinity(0, sizeof(got), &got), 0);
	CHECK(CPU_ISSET(0, &got) && CPU_COUNT(&got) == 1);
	CHECK_ERRNO(sched_setaffinity(999999, sizeof(s), &s), ESRCH);
	CHECK_EQ(pthread_setaffinity_np(pthread_self(), 3, &s), EINVAL);
	CHECK_EQ(pthread_getaffinity_np(pthread_self(), 0, &got), EINVAL);
	pthread_t t;
	void *n;
	CHECK_EQ(pthread_create(&t, NULL, affinity_of_new_thread, NULL), 0);
	CHECK_EQ(pthread_join(t, &n), 0);
	CHECK_EQ((intptr_t)n, 1);
}
