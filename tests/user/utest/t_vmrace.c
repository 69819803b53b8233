// SPDX-License-Identifier: BSD-2-Clause
// One address space changed by several threads at once: first-touch faults
// on the same fresh pages from every thread (the late ones find the entry
// already there), and vm_map/vm_unmap of private ranges while others fault.
// The kernel is preemptible, so a thread switched out in the middle of a
// fault (zeroing its page) leaves the others running into the same page.
#include "../utest.h"

enum {
	HAMMERERS = 4,
	CHURNERS = 2,
	ROUNDS = 300,
	PAGES = 48, /* per round: most of the time goes to faulting them in */
	CHURN_PAGES = 6,
	PG = 4096,
};

/* The round being hammered (0: none yet); the mapping of it; how many
 * hammerers finished it; whether a worker saw something wrong. */
static volatile int round_no;
static volatile uintptr_t round_base;
static volatile int round_done;
static volatile int stop_churn;
static volatile int worker_errors;
static volatile int churn_loops;
static volatile int abandon; /* the main thread gave up: hammerers leave */

static void bump(volatile int *n)
{
	__atomic_add_fetch(n, 1, __ATOMIC_SEQ_CST);
}

static long word_for(int round, int page, int tid)
{
	return ((long)round << 20) | (page << 8) | (tid + 1);
}

/* Every hammerer writes its own word in every page of the round, reads the
 * page's first word (0 until some round writes it: nobody does), and
 * checks its word stuck. */
static void hammer(uint64_t arg)
{
	int tid = (int)arg;
	for (int r = 1; r <= ROUNDS; r++) {
		while (__atomic_load_n(&round_no, __ATOMIC_ACQUIRE) < r) {
			if (__atomic_load_n(&abandon, __ATOMIC_ACQUIRE))
				vg_thread_exit(0);
			vg_thread_yield();
		}
		volatile long *base = (volatile long *)round_base;
		for (int p = 0; p < PAGES; p++) {
			volatile long *page = base + p * (PG / sizeof(long));
			if (page[0] != 0)
				bump(&worker_errors);
			page[1 + tid] = word_for(r, p, tid);
			if (page[1 + tid] != word_for(r, p, tid))
				bump(&worker_errors);
		}
		bump(&round_done);
	}
	vg_thread_exit(0);
}

/* Maps a VMO of its own, drops the handle (the mapping holds it), fills it,
 * punches a hole in the middle (a split), checks what is left, and unmaps
 * the rest: the unmap frees the pages. */
static void churn(uint64_t arg)
{
	int tid = (int)arg;
	for (long i = 0; !__atomic_load_n(&stop_churn, __ATOMIC_ACQUIRE); i++) {
		vg_handle_t v;
		uintptr_t at = 0;
		if (vg_vmo_create(CHURN_PAGES * PG, 0, &v) ||
		    vg_vm_map(self_h, v, 0, CHURN_PAGES * PG, VG_VM_READ | VG_VM_WRITE, &at) ||
		    vg_handle_close(v)) {
			bump(&worker_errors);
			break;
		}
		volatile long *w = (volatile long *)at;
		for (int p = 0; p < CHURN_PAGES; p++)
			w[p * (PG / sizeof(long)) + tid] = i * 100 + p;
		if (vg_vm_unmap(self_h, at + 2 * PG, 2 * PG))
			bump(&worker_errors);
		for (int p = 0; p < CHURN_PAGES; p++)
			if (p != 2 && p != 3 && w[p * (PG / sizeof(long)) + tid] != i * 100 + p)
				bump(&worker_errors);
		if (vg_vm_unmap(self_h, at, 2 * PG) || vg_vm_unmap(self_h, at + 4 * PG, 2 * PG))
			bump(&worker_errors);
		bump(&churn_loops);
	}
	vg_thread_exit(0);
}

/* Starts n threads running fn(first..first+n-1), bound to port with keys
 * from first. */
static int start_threads(void (*fn)(uint64_t), int first, int n, vg_handle_t port, vg_handle_t *t)
{
	for (int i = 0; i < n; i++) {
		if (vg_thread_start(fn, (uint64_t)(first + i), &t[first + i]) ||
		    vg_port_bind(port, t[first + i], (uint64_t)(first + i)))
			return -1;
	}
	return 0;
}

/* Runs the rounds: a fresh VMO mapped once per round, every hammerer on
 * it, then its contents checked through the VMO and the mapping dropped. */
static void run_rounds(void)
{
	for (int r = 1; r <= ROUNDS; r++) {
		vg_handle_t v;
		uintptr_t at = 0;
		CHECK_EQ(vg_vmo_create(PAGES * PG, 0, &v), 0);
		CHECK_EQ(vg_vm_map(self_h, v, 0, PAGES * PG, VG_VM_READ | VG_VM_WRITE, &at), 0);
		if (utest_checks_failed)
			break;
		round_done = 0;
		round_base = at;
		__atomic_store_n(&round_no, r, __ATOMIC_RELEASE);
		while (__atomic_load_n(&round_done, __ATOMIC_ACQUIRE) < HAMMERERS)
			vg_thread_yield();
		int bad = 0;
		for (int p = 0; p < PAGES; p++) {
			long got[1 + HAMMERERS] = { -1 };
			CHECK_EQ(vg_vmo_read(v, (uint64_t)p * PG, got, sizeof(got)), 0);
			bad += got[0] != 0;
			for (int t = 0; t < HAMMERERS; t++)
				bad += got[1 + t] != word_for(r, p, t);
		}
		CHECK_EQ(bad, 0);
		CHECK_EQ(vg_vm_unmap(self_h, at, PAGES * PG), 0);
		CHECK_EQ(vg_handle_close(v), 0);
		if (utest_checks_failed)
			break;
	}
	__atomic_store_n(&abandon, 1, __ATOMIC_RELEASE);
}

/* Every thread must end on its own with code 0: a killed process would not
 * get here, and a thread that died alone shows up as missing. */
static void reap(vg_handle_t port, int n)
{
	int exited = 0;
	struct vg_port_packet pkt;
	while (exited < n && next_packet(port, 10000000000ull, &pkt) == 0) {
		CHECK_EQ(pkt.type, VG_PACKET_THREAD_EXIT);
		CHECK_EQ(pkt.data[0], 0);
		exited++;
	}
	CHECK_EQ(exited, n);
}

UTEST(vm_first_touch_from_many_threads)
{
	vg_handle_t port, t[HAMMERERS];
	CHECK_EQ(vg_port_create(&port), 0);
	round_no = 0;
	worker_errors = 0;
	abandon = 0;
	CHECK_EQ(start_threads(hammer, 0, HAMMERERS, port, t), 0);
	run_rounds();
	reap(port, HAMMERERS);
	CHECK_EQ(worker_errors, 0);
	for (int i = 0; i < HAMMERERS; i++)
		vg_handle_close(t[i]);
	vg_handle_close(port);
}

UTEST(vm_map_unmap_while_other_threads_fault)
{
	vg_handle_t port, t[HAMMERERS + CHURNERS];
	CHECK_EQ(vg_port_create(&port), 0);
	round_no = 0;
	worker_errors = 0;
	abandon = 0;
	stop_churn = 0;
	churn_loops = 0;
	CHECK_EQ(start_threads(hammer, 0, HAMMERERS, port, t), 0);
	CHECK_EQ(start_threads(churn, HAMMERERS, CHURNERS, port, t), 0);
	run_rounds();
	/* Let the churners do a few hundred loops in all, then stop them. */
	while (__atomic_load_n(&churn_loops, __ATOMIC_ACQUIRE) < 300 &&
	       !__atomic_load_n(&worker_errors, __ATOMIC_ACQUIRE))
		vg_thread_yield();
	__atomic_store_n(&stop_churn, 1, __ATOMIC_RELEASE);
	reap(port, HAMMERERS + CHURNERS);
	CHECK_EQ(worker_errors, 0);
	for (int i = 0; i < HAMMERERS + CHURNERS; i++)
		vg_handle_close(t[i]);
	vg_handle_close(port);
}
