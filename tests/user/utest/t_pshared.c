// SPDX-License-Identifier: BSD-2-Clause
// Process-shared semaphores, mutexes and condition variables between two
// processes (the test and bin/pshared_child) over a page of a VMO both map
// (tests/user/pshared.h): each side sleeps in futexes the other wakes, so
// this fails (a wait times out) unless the kernel keys futexes by the
// memory rather than by the address space.
#include <errno.h>
#include <time.h>

#include "../pshared.h"
#include "../utest.h"

static struct timespec deadline(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += PSHARED_WAIT_S;
	return ts;
}

/* The exit code of a child, waiting at most PSHARED_WAIT_S. */
static long exit_code(vg_handle_t child)
{
	vg_handle_t port;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = vg_port_wait(port, vg_clock_monotonic() + PSHARED_WAIT_S * 1000000000ull,
				  &pkt);
	vg_handle_close(port);
	return st ? st - 1000000 : (long)pkt.data[0];
}

static void init_shared(struct pshared *s)
{
	CHECK_EQ(sem_init(&s->go, 1, 0), 0);
	CHECK_EQ(sem_init(&s->tried, 1, 0), 0);
	CHECK_EQ(sem_init(&s->done, 1, 0), 0);
	pthread_mutexattr_t ma;
	int v = -1;
	pthread_mutexattr_init(&ma);
	CHECK_EQ(pthread_mutexattr_setpshared(&ma, 2), EINVAL);
	CHECK_EQ(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED), 0);
	CHECK_EQ(pthread_mutexattr_getpshared(&ma, &v), 0);
	CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
	CHECK_EQ(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK), 0);
	CHECK_EQ(pthread_mutex_init(&s->m, &ma), 0);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	CHECK_EQ(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED), 0);
	CHECK_EQ(pthread_condattr_getpshared(&ca, &v), 0);
	CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
	CHECK_EQ(pthread_cond_init(&s->c, &ca), 0);
	s->counter = 0;
	s->turn = 0;
}

static void pings(struct pshared *s)
{
	struct timespec until = deadline();
	int timed_out = 0;
	pthread_mutex_lock(&s->m);
	for (int i = 0; i < PSHARED_PINGS && !timed_out; i++) {
		s->turn = 1;
		pthread_cond_broadcast(&s->c);
		while (s->turn != 0 && !timed_out)
			timed_out = pthread_cond_timedwait(&s->c, &s->m, &until) == ETIMEDOUT;
	}
	pthread_mutex_unlock(&s->m);
	CHECK_EQ(timed_out, 0);
}

UTEST(pshared_sync_between_processes)
{
	vg_handle_t v, give, child;
	uintptr_t at = 0;
	CHECK_EQ(vg_vmo_create(4096, 0, &v), 0);
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, VG_VM_READ | VG_VM_WRITE, &at), 0);
	CHECK_EQ(vg_handle_duplicate(
			 v, VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_MAP | VG_RIGHT_TRANSFER,
			 &give),
		 0);
	struct pshared *s = (struct pshared *)at;
	init_shared(s);

	const void *image;
	size_t len;
	CHECK_EQ(vg_initrd_find("bin/pshared_child", &image, &len), 0);
	static const char *const argv[] = { "pshared_child", NULL };
	struct vg_startup_handle h = { PSHARED_TAG, 0, give, 0 };
	struct vg_spawn_req req = {
		.image = image, .len = len, .argv = argv, .handles = &h, .nhandles = 1
	};
	const char *why = NULL;
	CHECK_EQ(vg_spawn(&req, &child, &why), 0);

	/* Long enough for the child to be asleep on `go`: our post must
	 * wake it from another address space. */
	nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
	CHECK_EQ(pthread_mutex_lock(&s->m), 0);
	CHECK_EQ(sem_post(&s->go), 0);
	struct timespec until = deadline();
	CHECK_EQ(sem_timedwait(&s->tried, &until), 0);
	CHECK_EQ(pthread_mutex_unlock(&s->m), 0);
	for (int i = 0; i < PSHARED_ROUNDS; i++) {
		pthread_mutex_lock(&s->m);
		long c = s->counter;
		if (i % 16 == 0)
			sched_yield();
		s->counter = c + 1;
		pthread_mutex_unlock(&s->m);
	}
	pings(s);
	until = deadline();
	CHECK_EQ(sem_timedwait(&s->done, &until), 0);
	CHECK_EQ(exit_code(child), 0);
	CHECK_EQ(s->counter, 2 * PSHARED_ROUNDS);
	vg_handle_close(child);
	vg_vm_unmap(self_h, at, 4096);
	vg_handle_close(v);
}
