// SPDX-License-Identifier: BSD-2-Clause
// The C library's spin locks under contention, the scheduling attributes
// (t_sched.c tests the policies themselves), and the attribute objects of
// read-write locks and barriers.
#include <errno.h>
#include <pthread.h>
#include <sched.h>

#include "../utest.h"

enum { SPIN_THREADS = 8, SPIN_ROUNDS = 2000 };

static pthread_spinlock_t spin;
static long spin_counter;

static void *spin_worker(void *arg)
{
	for (int i = 0; i < SPIN_ROUNDS; i++) {
		pthread_spin_lock(&spin);
		long v = spin_counter;
		if (i % 128 == 0)
			sched_yield(); /* the others spin, then yield to us */
		spin_counter = v + 1;
		pthread_spin_unlock(&spin);
	}
	return arg;
}

UTEST(libc_thread_spin_locks)
{
	CHECK_EQ(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE), 0);
	CHECK_EQ(pthread_spin_trylock(&spin), 0);
	CHECK_EQ(pthread_spin_trylock(&spin), EBUSY);
	CHECK_EQ(pthread_spin_destroy(&spin), EBUSY);
	CHECK_EQ(pthread_spin_unlock(&spin), 0);
	pthread_t t[SPIN_THREADS];
	spin_counter = 0;
	for (int i = 0; i < SPIN_THREADS; i++)
		CHECK_EQ(pthread_create(&t[i], NULL, spin_worker, NULL), 0);
	for (int i = 0; i < SPIN_THREADS; i++)
		CHECK_EQ(pthread_join(t[i], NULL), 0);
	CHECK_EQ(spin_counter, (long)SPIN_THREADS * SPIN_ROUNDS);
	CHECK_EQ(pthread_spin_destroy(&spin), 0);
}

UTEST(libc_thread_sched_hints)
{
	CHECK_EQ(sched_get_priority_min(SCHED_OTHER), 0);
	CHECK_EQ(sched_get_priority_max(SCHED_OTHER), 0);
	CHECK_EQ(sched_get_priority_max(SCHED_FIFO), 32);
	CHECK_EQ(sched_get_priority_min(99), -1);

	pthread_attr_t a;
	pthread_attr_init(&a);
	int v = -1;
	struct sched_param p = { 0 };
	CHECK_EQ(pthread_attr_getinheritsched(&a, &v), 0);
	CHECK_EQ(v, PTHREAD_INHERIT_SCHED);
	CHECK_EQ(pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED), 0);
	CHECK_EQ(pthread_attr_getinheritsched(&a, &v), 0);
	CHECK_EQ(v, PTHREAD_EXPLICIT_SCHED);
	CHECK_EQ(pthread_attr_setinheritsched(&a, 7), EINVAL);
	CHECK_EQ(pthread_attr_setschedpolicy(&a, SCHED_RR), 0);
	CHECK_EQ(pthread_attr_setschedpolicy(&a, 42), EINVAL);
	CHECK_EQ(pthread_attr_getschedpolicy(&a, &v), 0);
	CHECK_EQ(v, SCHED_RR);
	p.sched_priority = 5;
	CHECK_EQ(pthread_attr_setschedparam(&a, &p), 0);
	p.sched_priority = 33;
	CHECK_EQ(pthread_attr_setschedparam(&a, &p), EINVAL);
	CHECK_EQ(pthread_attr_getschedparam(&a, &p), 0);
	CHECK_EQ(p.sched_priority, 5);
	/* A priority that does not suit the policy: refused at create. */
	CHECK_EQ(pthread_attr_setschedpolicy(&a, SCHED_OTHER), 0);
	pthread_t bad;
	CHECK_EQ(pthread_create(&bad, &a, spin_worker, &a), EINVAL);
	p.sched_priority = 0;
	CHECK_EQ(pthread_attr_setschedparam(&a, &p), 0);
	CHECK_EQ(pthread_attr_setscope(&a, PTHREAD_SCOPE_SYSTEM), 0);
	CHECK_EQ(pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS), ENOTSUP);
	CHECK_EQ(pthread_attr_getscope(&a, &v), 0);
	CHECK_EQ(v, PTHREAD_SCOPE_SYSTEM);
	/* A thread made with these attributes runs as any other. */
	pthread_t t;
	void *r = NULL;
	CHECK_EQ(pthread_create(&t, &a, spin_worker, &a), 0);
	CHECK_EQ(pthread_join(t, &r), 0);
	CHECK(r == &a);
	pthread_attr_destroy(&a);

	pthread_t self = pthread_self();
	CHECK_EQ(pthread_getschedparam(self, &v, &p), 0);
	CHECK_EQ(v, SCHED_OTHER);
	CHECK_EQ(p.sched_priority, 0);
	CHECK_EQ(pthread_setschedparam(self, SCHED_OTHER, &p), 0);
	CHECK_EQ(pthread_setschedparam(self, SCHED_FIFO, &p), EINVAL); /* priority 0 */
	p.sched_priority = 1;
	CHECK_EQ(pthread_setschedparam(self, SCHED_OTHER, &p), EINVAL);
	CHECK_EQ(pthread_setschedprio(self, 0), 0);
	CHECK_EQ(pthread_setschedprio(self, 3), EINVAL);
}

UTEST(libc_thread_rwlock_barrier_attributes)
{
	int v = -1;
	pthread_rwlockattr_t ra;
	CHECK_EQ(pthread_rwlockattr_init(&ra), 0);
	CHECK_EQ(pthread_rwlockattr_getpshared(&ra, &v), 0);
	CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
	CHECK_EQ(pthread_rwlockattr_setpshared(&ra, 3), EINVAL);
	CHECK_EQ(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED), 0);
	CHECK_EQ(pthread_rwlockattr_getpshared(&ra, &v), 0);
	CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
	pthread_rwlock_t rw;
	CHECK_EQ(pthread_rwlock_init(&rw, &ra), 0);
	CHECK_EQ(pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_trywrlock(&rw), EBUSY);
	CHECK_EQ(pthread_rwlock_unlock(&rw), 0);
	CHECK_EQ(pthread_rwlock_destroy(&rw), 0);
	CHECK_EQ(pthread_rwlockattr_destroy(&ra), 0);

	pthread_barrierattr_t ba;
	CHECK_EQ(pthread_barrierattr_init(&ba), 0);
	CHECK_EQ(pthread_barrierattr_setpshared(&ba, -1), EINVAL);
	CHECK_EQ(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED), 0);
	CHECK_EQ(pthread_barrierattr_getpshared(&ba, &v), 0);
	CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
	pthread_barrier_t b;
	CHECK_EQ(pthread_barrier_init(&b, &ba, 1), 0);
	CHECK_EQ(pthread_barrier_wait(&b), PTHREAD_BARRIER_SERIAL_THREAD);
	CHECK_EQ(pthread_barrier_destroy(&b), 0);
	CHECK_EQ(pthread_barrierattr_destroy(&ba), 0);
}
