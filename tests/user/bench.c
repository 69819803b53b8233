// SPDX-License-Identifier: BSD-2-Clause
// The kernel microbenchmarks, and the C library's threads and allocator:
// each times `batch` operations per sample with the monotonic clock and
// reports the median of the samples.
#include <pthread.h>
#include <stdlib.h>

#include "bench.h"
#include "utest.h"

struct ipc_msg {
	uint64_t tag, w[4];
};

static vg_handle_t bench_ep, bench_note;

static void null_syscall(int batch)
{
	for (int i = 0; i < batch; i++)
		vg_syscall0(999); /* outside the table: entry, dispatch, exit */
}

static void ipc_server(uint64_t ep)
{
	uint64_t a[6] = { ep, 0, 0, 0, 0, 0 }, r[5];
	long badge = vg_syscall6_r(VG_SYS_ipc_recv, a, r);
	while (badge >= 0) {
		a[1] = r[0] + 1; /* reply: tag + 1, the words echoed */
		for (int i = 0; i < 4; i++)
			a[2 + i] = r[1 + i];
		badge = vg_syscall6_r(VG_SYS_ipc_reply_recv, a, r);
	}
	vg_thread_exit(0);
}

static void ipc_round_trip(int batch)
{
	uint64_t a[6] = { bench_ep, 1, 2, 3, 4, 5 }, r[5];
	for (int i = 0; i < batch; i++)
		vg_syscall6_r(VG_SYS_ipc_call, a, r);
}

static void notification_signal_wait(int batch)
{
	uint64_t a[6] = { bench_note, UINT64_MAX, 0, 0, 0, 0 }, r[5];
	for (int i = 0; i < batch; i++) {
		vg_notification_signal(bench_note, 1);
		vg_syscall6_r(VG_SYS_notification_wait, a, r);
	}
}

static volatile int yield_stop;

static void yielder(uint64_t unused)
{
	(void)unused;
	while (!yield_stop)
		vg_thread_yield();
	vg_thread_exit(0);
}

static void thread_switch(int batch)
{
	/* Each yield switches to the other thread and it yields back: two
	 * switches per iteration. */
	for (int i = 0; i < batch; i++)
		vg_thread_yield();
}

static void map_unmap_page(int batch)
{
	vg_handle_t v;
	if (vg_vmo_create(4096, 0, &v))
		return;
	for (int i = 0; i < batch; i++) {
		uintptr_t at = 0;
		vg_vm_map(self_h, v, 0, 4096, VG_VM_READ | VG_VM_WRITE, &at);
		vg_vm_unmap(self_h, at, 4096);
	}
	vg_handle_close(v);
}

static void demand_zero_fault(int batch)
{
	vg_handle_t v;
	uintptr_t at = 0;
	if (vg_vmo_create((uint64_t)batch * 4096, 0, &v) ||
	    vg_vm_map(self_h, v, 0, (uint64_t)batch * 4096, VG_VM_READ | VG_VM_WRITE, &at))
		return;
	for (int i = 0; i < batch; i++)
		((volatile char *)at)[(size_t)i * 4096] = 1;
	vg_vm_unmap(self_h, at, (uint64_t)batch * 4096);
	vg_handle_close(v);
}

static uint32_t payload_words;

/* Round trips of payload_words words (8 bytes each; words 0-3 in registers,
 * the rest through the IPC buffers) to an echo server. */
static void ipc_payload_round_trip(int batch)
{
	struct vg_ipc_buffer *buf = vg_ipc_buffer();
	uint64_t tag;
	for (int i = 0; i < batch; i++)
		vg_ipc_call_msg(bench_ep, VG_IPC_TAG(1, payload_words, 0), buf, &tag);
}

/* The same between two address spaces, with 64 B and 4 KiB messages. */
static void payload_benchmarks(void)
{
	vg_handle_t give, child;
	vg_endpoint_create(&bench_ep);
	vg_endpoint_mint(bench_ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give);
	if (spawn_child(give, &child) == 0) {
		vg_handle_close(bench_ep); /* its first server just waits, until the kill */
		vg_endpoint_create(&bench_ep);
		vg_endpoint_mint(bench_ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give);
		if (child_add_buffer_server(child, give) == 0) {
			payload_words = 8;
			bench_report("ipc_round_trip_cross_process_64B", ipc_payload_round_trip,
				     1000);
			payload_words = 512;
			bench_report("ipc_round_trip_cross_process_4KiB", ipc_payload_round_trip,
				     200);
			uint64_t tag;
			vg_ipc_call_msg(bench_ep, VG_IPC_TAG(0, 0, 0), vg_ipc_buffer(), &tag);
		}
		vg_process_kill(child, 0);
		vg_handle_close(child);
	}
	vg_handle_close(bench_ep);
}

static void *nothing(void *arg)
{
	return arg;
}

static void pthread_create_join(int batch)
{
	for (int i = 0; i < batch; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, nothing, NULL) == 0)
			pthread_join(t, NULL);
	}
}

/* A mutex and condition variable ping-pong between two threads, as the
 * Linux peer measures it: one round trip is two hand-overs. */
static pthread_mutex_t pp_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pp_cond = PTHREAD_COND_INITIALIZER;
static int pp_turn, pp_stop;

static void *pp_partner(void *arg)
{
	pthread_mutex_lock(&pp_lock);
	while (!pp_stop) {
		while (pp_turn != 1 && !pp_stop)
			pthread_cond_wait(&pp_cond, &pp_lock);
		pp_turn = 0;
		pthread_cond_broadcast(&pp_cond);
	}
	pthread_mutex_unlock(&pp_lock);
	return arg;
}

static void condvar_round_trip(int batch)
{
	pthread_mutex_lock(&pp_lock);
	for (int i = 0; i < batch; i++) {
		pp_turn = 1;
		pthread_cond_broadcast(&pp_cond);
		while (pp_turn != 0)
			pthread_cond_wait(&pp_cond, &pp_lock);
	}
	pthread_mutex_unlock(&pp_lock);
}

static void malloc_free_small(int batch)
{
	for (int i = 0; i < batch; i++) {
		void *volatile p = malloc(64);
		free(p);
	}
}

static void libc_benchmarks(void)
{
	bench_report("pthread_create_join", pthread_create_join, 10);
	pthread_t t;
	if (pthread_create(&t, NULL, pp_partner, NULL) == 0) {
		bench_report("pthread_condvar_round_trip", condvar_round_trip, 100);
		pthread_mutex_lock(&pp_lock);
		pp_stop = 1;
		pthread_cond_broadcast(&pp_cond);
		pthread_mutex_unlock(&pp_lock);
		pthread_join(t, NULL);
	}
	bench_report("malloc_free_64", malloc_free_small, 1000);
}

void run_benchmarks(void)
{
	bench_report("null_syscall", null_syscall, 1000);
	vg_endpoint_create(&bench_ep);
	vg_thread_start(ipc_server, bench_ep, NULL);
	bench_report("ipc_call_reply_round_trip", ipc_round_trip, 1000);
	vg_handle_close(bench_ep); /* the server's receive fails: it exits */

	/* The same between two address spaces: a child process serves. */
	vg_handle_t give, child;
	vg_endpoint_create(&bench_ep);
	vg_endpoint_mint(bench_ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give);
	if (spawn_child_running(ipc_server, give, &child) == 0) {
		bench_report("ipc_round_trip_cross_process", ipc_round_trip, 1000);
		vg_process_kill(child, 0);
		vg_handle_close(child);
	}
	vg_handle_close(bench_ep);
	payload_benchmarks();
	vg_notification_create(&bench_note);
	bench_report("notification_signal_wait", notification_signal_wait, 1000);
	vg_thread_start(yielder, 0, NULL);
	bench_report("thread_switch_pair", thread_switch, 1000);
	yield_stop = 1;
	bench_report("map_unmap_page", map_unmap_page, 200);
	bench_report("demand_zero_page_fault", demand_zero_fault, 64);
	run_ipc_benchmarks();
	libc_benchmarks();
	run_vfs_benchmarks();
	run_pipe_benchmarks();
	run_dyn_benchmarks();
	run_proc_benchmarks();
}
