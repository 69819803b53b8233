// SPDX-License-Identifier: BSD-2-Clause
// FP/SIMD registers across switches: every thread and process keeps its own
// values through yields and IPC, and a thread never sees another's. The
// registers are set and checked in assembly (tests/user/arch/<arch>/fpu.S),
// with no C between a system call and the check.
#include "../utest.h"

#define FPU_WORDS 64 /* the most any arch has: AArch64's q0-q31 */
#ifdef __aarch64__
#define FPU_ARCH_WORDS 64
#else
#define FPU_ARCH_WORDS 32 /* x86_64 xmm0-xmm15, RISC-V f0-f31 */
#endif
#define ROUNDS 300

/* fpu.S */
long fpu_check_loop(const uint64_t *pattern, uint64_t *scratch, long n, const uint64_t *sys);
void fpu_store(uint64_t *buf);

static void make_pattern(uint64_t *p, uint64_t seed)
{
	for (int i = 0; i < FPU_WORDS; i++)
		p[i] = (seed + 1) * 0x9e3779b97f4a7c15ull ^
			(uint64_t)(i + 1) * 0x0101010101010101ull;
}

long fpu_serve(vg_handle_t ep, uint64_t seed, long n)
{
	/* Each reply_recv answers the previous call and takes the next. */
	static uint64_t pattern[FPU_WORDS], scratch[FPU_WORDS];
	make_pattern(pattern, seed);
	uint64_t sys[7] = { VG_SYS_ipc_reply_recv, ep, 5, 0, 0, 0, 0 };
	return fpu_check_loop(pattern, scratch, n, sys);
}

/* The caller's side of fpu_serve: n calls, the last one in C carrying the
 * server's count of mismatches back. Returns ours; *theirs gets the
 * server's. */
static long fpu_client(vg_handle_t ep, uint64_t seed, long n, long *theirs)
{
	static uint64_t pattern[FPU_WORDS], scratch[FPU_WORDS];
	make_pattern(pattern, seed);
	struct msg start = { 4, { seed + 1, (uint64_t)n, 0, 0 } }, r;
	CHECK_EQ(call(ep, &start, &r), 0);
	CHECK_EQ(r.tag, 5);
	uint64_t sys[7] = { VG_SYS_ipc_call, ep, 1, 0, 0, 0, 0 };
	long ours = fpu_check_loop(pattern, scratch, n - 1, sys);
	struct msg last = { 1, { 0, 0, 0, 0 } };
	CHECK_EQ(call(ep, &last, &r), 0);
	*theirs = (long)r.w[0];
	return ours;
}

static volatile long yielder_result = -1;

static void fpu_yielder(uint64_t seed)
{
	static uint64_t pattern[FPU_WORDS], scratch[FPU_WORDS];
	make_pattern(pattern, seed);
	uint64_t sys[7] = { VG_SYS_thread_yield, 0, 0, 0, 0, 0, 0 };
	yielder_result = fpu_check_loop(pattern, scratch, ROUNDS, sys);
	vg_thread_exit(0);
}

UTEST(fpu_kept_across_yields)
{
	static uint64_t pattern[FPU_WORDS], scratch[FPU_WORDS];
	yielder_result = -1;
	CHECK(vg_thread_start(fpu_yielder, 2, NULL) == 0);
	make_pattern(pattern, 1);
	uint64_t sys[7] = { VG_SYS_thread_yield, 0, 0, 0, 0, 0, 0 };
	CHECK_EQ(fpu_check_loop(pattern, scratch, ROUNDS, sys), 0);
	for (int i = 0; i < 1000 && yielder_result < 0; i++)
		vg_thread_yield();
	CHECK_EQ(yielder_result, 0);
}

static uint64_t fresh_regs[FPU_WORDS];
static volatile int fresh_done;

static void fpu_fresh(uint64_t unused)
{
	(void)unused;
	fpu_store(fresh_regs); /* its first FP instruction */
	fresh_done = 1;
	vg_thread_exit(0);
}

UTEST(fpu_new_thread_sees_no_other_values)
{
	/* Our pattern is in the registers when the new thread first uses them:
	 * it must find its own initial state (zeroes), not ours. */
	static uint64_t pattern[FPU_WORDS], scratch[FPU_WORDS];
	fresh_done = 0;
	for (int i = 0; i < FPU_WORDS; i++)
		fresh_regs[i] = ~0ull;
	make_pattern(pattern, 3);
	CHECK(vg_thread_start(fpu_fresh, 0, NULL) == 0);
	uint64_t sys[7] = { VG_SYS_thread_yield, 0, 0, 0, 0, 0, 0 };
	CHECK_EQ(fpu_check_loop(pattern, scratch, 5, sys), 0);
	for (int i = 0; i < 1000 && !fresh_done; i++)
		vg_thread_yield();
	CHECK(fresh_done);
	int nonzero = 0;
	for (int i = 0; i < FPU_ARCH_WORDS; i++)
		nonzero += fresh_regs[i] != 0;
	CHECK_EQ(nonzero, 0);
}

static void fpu_server_thread(uint64_t ep)
{
	struct msg m, reply;
	long badge = reply_recv((vg_handle_t)ep, NULL, &m);
	while (badge >= 0 && m.tag != 0) {
		long bad = m.tag == 4 ? fpu_serve((vg_handle_t)ep, m.w[0], (long)m.w[1]) : -1;
		reply = (struct msg){ 5, { (uint64_t)bad, 0, 0, 0 } };
		badge = reply_recv((vg_handle_t)ep, &reply, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

UTEST(fpu_kept_across_ipc_between_threads)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK(vg_thread_start(fpu_server_thread, ep, NULL) == 0);
	long theirs = -1;
	CHECK_EQ(fpu_client(ep, 10, ROUNDS, &theirs), 0);
	CHECK_EQ(theirs, 0);
	struct msg stop = { 0, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &stop, &r), 0);
	vg_handle_close(ep);
}

UTEST(fpu_kept_across_ipc_between_processes)
{
	vg_handle_t ep, give, child;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	CHECK_EQ(spawn_child(give, &child), 0);
	long theirs = -1;
	CHECK_EQ(fpu_client(ep, 20, ROUNDS, &theirs), 0);
	CHECK_EQ(theirs, 0);
	struct msg stop = { 0, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &stop, &r), 0);
	vg_handle_close(child);
	vg_handle_close(ep);
}
