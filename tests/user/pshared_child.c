// SPDX-License-Identifier: BSD-2-Clause
// The other process of the process-shared synchronization test
// (tests/user/utest/t_pshared.c): maps the shared page (pshared.h), waits
// for `go` (asleep in the futex until the test posts it), finds the mutex
// the test holds busy, then increments the counter under it while the test
// does too, answers the test's condition variable pings, and posts `done`.
// Exits with 0, or the number of the step that failed.
#include <errno.h>
#include <time.h>
#include <vg/vg.h>

#include "pshared.h"

static struct timespec deadline(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += PSHARED_WAIT_S;
	return ts;
}

static int pings(struct pshared *s)
{
	struct timespec until = deadline();
	pthread_mutex_lock(&s->m);
	for (int i = 0; i < PSHARED_PINGS; i++) {
		while (s->turn != 1)
			if (pthread_cond_timedwait(&s->c, &s->m, &until) == ETIMEDOUT) {
				pthread_mutex_unlock(&s->m);
				return 1;
			}
		s->turn = 0;
		pthread_cond_broadcast(&s->c);
	}
	pthread_mutex_unlock(&s->m);
	return 0;
}

int main(void)
{
	vg_handle_t v = vg_startup_find(PSHARED_TAG, 0);
	uintptr_t at = 0;
	if (!v || vg_vm_map(vg_self(), v, 0, 4096, VG_VM_READ | VG_VM_WRITE, &at))
		return 1;
	struct pshared *s = (struct pshared *)at;
	struct timespec until = deadline();
	if (sem_timedwait(&s->go, &until))
		return 2;
	/* The test holds the mutex: busy for us, though our pthread_t may
	 * equal its own (the same program layout). */
	if (pthread_mutex_trylock(&s->m) != EBUSY)
		return 3;
	if (sem_post(&s->tried))
		return 4;
	for (int i = 0; i < PSHARED_ROUNDS; i++) {
		if (pthread_mutex_lock(&s->m))
			return 5;
		long c = s->counter;
		if (i % 16 == 0)
			sched_yield(); /* let the test's thread find it held */
		s->counter = c + 1;
		if (pthread_mutex_unlock(&s->m))
			return 6;
	}
	if (pings(s))
		return 7;
	return sem_post(&s->done) ? 8 : 0;
}
