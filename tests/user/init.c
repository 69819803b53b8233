// SPDX-License-Identifier: BSD-2-Clause
// The root task. Started by the kernel with a handle to the kernel log
// (arg0) and, at arg1, a struct vg_startup (its handles and flags). When the
// kernel runs its tests it runs the user-mode tests below, one "KTEST" line
// each, and exits with the number of failures, which the kernel reports.
// Otherwise it greets and exits: services come later.
#include <kernel/string.h>
#include <vg/vg.h>

#include "bench.h"

static int failures, checks_failed_in_test;

#define CHECK_EQ(a, b)                                                                     \
	do {                                                                               \
		long a_ = (long)(a), b_ = (long)(b);                                       \
		if (a_ != b_) {                                                            \
			vg_printf("KTEST-DETAIL %s:%d: %s == %s (%ld != %ld)\n", __FILE__, \
				  __LINE__, #a, #b, a_, b_);                               \
			checks_failed_in_test++;                                           \
		}                                                                          \
	} while (0)
#define CHECK(c) CHECK_EQ(!!(c), 1)

static vg_handle_t log_h, self_h;

/* A tag and four words, as IPC moves them. */
struct msg {
	uint64_t tag, w[4];
};

/* ipc_call: returns the status, the reply in *reply. */
static long call(vg_handle_t ep, const struct msg *m, struct msg *reply)
{
	uint64_t a[6] = { ep, m->tag, m->w[0], m->w[1], m->w[2], m->w[3] }, r[5];
	long st = vg_syscall6_r(VG_SYS_ipc_call, a, r);
	*reply = (struct msg){ r[0], { r[1], r[2], r[3], r[4] } };
	return st;
}

/* ipc_recv / ipc_reply_recv: returns the badge or an error, the message in *m. */
static long reply_recv(vg_handle_t ep, const struct msg *reply, struct msg *m)
{
	uint64_t a[6] = { ep, 0, 0, 0, 0, 0 }, r[5];
	long st;
	if (reply) {
		a[1] = reply->tag;
		for (int i = 0; i < 4; i++)
			a[2 + i] = reply->w[i];
		st = vg_syscall6_r(VG_SYS_ipc_reply_recv, a, r);
	} else {
		st = vg_syscall6_r(VG_SYS_ipc_recv, a, r);
	}
	*m = (struct msg){ r[0], { r[1], r[2], r[3], r[4] } };
	return st;
}

static void t_log_write_returns_length(void)
{
	CHECK_EQ(vg_log_write(log_h, "", 0), 0);
	CHECK_EQ(vg_log_write(log_h, "user: log line\n", 15), 15);
}

static void t_bad_handle_values(void)
{
	CHECK_EQ(vg_log_write(0, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_log_write(0xdeadbeef, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(0x00ffffff), ERR_BAD_HANDLE);
}

static void t_closed_handle_is_dead(void)
{
	vg_handle_t dup = 0;
	CHECK_EQ(vg_handle_duplicate(log_h,
				     VG_RIGHTS_ALL & ~VG_RIGHT_MANAGE & ~VG_RIGHT_MAP &
					     ~VG_RIGHT_SIGNAL & ~VG_RIGHT_WAIT,
				     &dup),
		 0);
	CHECK(dup != 0 && dup != log_h);
	CHECK_EQ(vg_handle_close(dup), 0);
	CHECK_EQ(vg_log_write(dup, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(dup), ERR_BAD_HANDLE);
	/* The slot is reused with a new generation: the old value stays dead. */
	vg_handle_t again = 0;
	CHECK_EQ(vg_handle_duplicate(log_h, VG_RIGHT_WRITE, &again), 0);
	CHECK(again != dup);
	CHECK_EQ(vg_log_write(dup, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(again), 0);
}

static void t_rights_are_enforced(void)
{
	vg_handle_t ro = 0;
	CHECK_EQ(vg_handle_duplicate(log_h, VG_RIGHT_READ | VG_RIGHT_DUPLICATE, &ro), 0);
	CHECK_EQ(vg_log_write(ro, "x", 1), ERR_ACCESS_DENIED);
	/* A duplicate never gains rights. */
	vg_handle_t more = 0;
	CHECK_EQ(vg_handle_duplicate(ro, VG_RIGHT_READ | VG_RIGHT_WRITE, &more), ERR_INVALID_ARGS);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(ro, &info), 0);
	CHECK_EQ(info.type, VG_OBJ_LOG);
	CHECK_EQ(info.rights, VG_RIGHT_READ | VG_RIGHT_DUPLICATE);
	/* Without the duplicate right, no copies. */
	vg_handle_t none = 0;
	CHECK_EQ(vg_handle_duplicate(ro, VG_RIGHT_READ, &none), 0);
	CHECK_EQ(vg_handle_duplicate(none, VG_RIGHT_READ, &more), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(none), 0);
	CHECK_EQ(vg_handle_close(ro), 0);
}

static void t_bad_pointers_are_refused(void)
{
	CHECK_EQ(vg_log_write(log_h, (const char *)0x10, 4), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_log_write(log_h, (const char *)0x700000000000ull, 4), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_log_write(log_h, (const char *)(uintptr_t)0xffff800000000000ull, 4),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_log_write(log_h, (const char *)(uintptr_t)-16, 16), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_handle_info(log_h, (struct vg_handle_info *)0x20), ERR_BAD_ADDRESS);
	vg_handle_t *kernel_out = (vg_handle_t *)(uintptr_t)0xffffffff80100000ull;
	CHECK_EQ(vg_handle_duplicate(log_h, VG_RIGHT_READ, kernel_out), ERR_BAD_ADDRESS);
}

static void t_bad_lengths_are_refused(void)
{
	static const char text[8] = "1234567";
	CHECK_EQ(vg_log_write(log_h, text, 1ull << 40), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_log_write(log_h, text, (size_t)-1), ERR_OUT_OF_RANGE);
}

static void t_unknown_syscall(void)
{
	CHECK_EQ(vg_syscall0(999), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_syscall0(-1), ERR_NOT_SUPPORTED);
}

static void t_clock_and_sleep(void)
{
	long t0 = vg_clock_monotonic();
	CHECK(t0 > 0);
	CHECK_EQ(vg_thread_sleep_until((uint64_t)t0 + 20000000), 0);
	long t1 = vg_clock_monotonic();
	CHECK(t1 - t0 >= 20000000);
	CHECK_EQ(vg_thread_yield(), 0);
}

static void t_log_read_back(void)
{
	vg_log_write(log_h, "user: marker 4711\n", 18);
	static union {
		struct vg_log_record rec;
		char bytes[512];
	} buf;
	int found = 0;
	uint64_t seq = 0;
	for (;;) {
		long n = vg_log_read(log_h, seq, &buf.rec, sizeof(buf));
		if (n < 0)
			break;
		if (buf.rec.len == 17 && !memcmp(buf.rec.text, "user: marker 4711", 17))
			found = 1;
		seq = buf.rec.seq + 1;
	}
	CHECK(found);
	CHECK_EQ(vg_log_read(log_h, 0, &buf.rec, 8), ERR_OUT_OF_RANGE);
}

static void t_memory_is_demand_zero(void)
{
	static volatile uint8_t big[256 * 1024]; /* bss: pages appear on first touch */
	unsigned long sum = 0;
	for (size_t i = 0; i < sizeof(big); i += 4096)
		sum += big[i];
	CHECK_EQ(sum, 0);
	for (size_t i = 0; i < sizeof(big); i += 4096)
		big[i] = (uint8_t)(i >> 12);
	for (size_t i = 0; i < sizeof(big); i += 4096)
		CHECK_EQ(big[i], (uint8_t)(i >> 12));
}

static void t_vmo_read_write_and_map(void)
{
	vg_handle_t v;
	CHECK_EQ(vg_vmo_create(3 * 4096, 0, &v), 0);
	static const char hello[] = "written through vmo_write";
	CHECK_EQ(vg_vmo_write(v, 4096 + 10, hello, sizeof(hello)), 0);
	char back[sizeof(hello)];
	CHECK_EQ(vg_vmo_read(v, 4096 + 10, back, sizeof(back)), 0);
	CHECK(!memcmp(back, hello, sizeof(hello)));
	CHECK_EQ(vg_vmo_read(v, 3 * 4096 - 4, back, 8), ERR_OUT_OF_RANGE);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, 3 * 4096, VG_VM_READ | VG_VM_WRITE, &at), 0);
	CHECK(at != 0);
	CHECK(!memcmp((char *)at + 4096 + 10, hello, sizeof(hello))); /* same pages */
	((char *)at)[0] = 'Z';
	CHECK_EQ(vg_vmo_read(v, 0, back, 1), 0);
	CHECK_EQ(back[0], 'Z');
	CHECK_EQ(vg_vm_unmap(self_h, at, 3 * 4096), 0);
	/* W^X, fixed placement over an existing mapping, bad flags. */
	uintptr_t wx = 0;
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, VG_VM_WRITE | VG_VM_EXEC, &wx), ERR_ACCESS_DENIED);
	uintptr_t fixed = 0x400000; /* our own program text */
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, VG_VM_READ | VG_VM_FIXED, &fixed), ERR_EXISTS);
	CHECK_EQ(vg_vm_map(self_h, v, 0, 4096, 0x80, &wx), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_map(self_h, v, 4096, 3 * 4096, VG_VM_READ, &wx), ERR_INVALID_ARGS);
	/* Wrong object types and missing rights. */
	CHECK_EQ(vg_vm_map(log_h, v, 0, 4096, VG_VM_READ, &wx), ERR_WRONG_TYPE);
	vg_handle_t ro;
	CHECK_EQ(vg_handle_duplicate(v, VG_RIGHT_READ | VG_RIGHT_MAP, &ro), 0);
	CHECK_EQ(vg_vm_map(self_h, ro, 0, 4096, VG_VM_READ | VG_VM_WRITE, &wx), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_vmo_write(ro, 0, "x", 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(ro), 0);
	CHECK_EQ(vg_handle_close(v), 0);
	CHECK_EQ(vg_vmo_create(0, 0, &v), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_create(4096, 1, &v), ERR_INVALID_ARGS);
}

static volatile int thread_ran;

static void flag_thread(uint64_t arg)
{
	thread_ran = (int)arg;
	vg_thread_exit(0);
}

static void t_threads_run(void)
{
	uintptr_t sp = vg_stack_create(self_h, 16384);
	CHECK(sp != 0);
	CHECK(vg_thread_create(self_h, (uintptr_t)flag_thread, sp, 42) > 0);
	for (int i = 0; i < 1000 && !thread_ran; i++)
		vg_thread_yield();
	CHECK_EQ(thread_ran, 42);
	CHECK_EQ(vg_thread_create(log_h, (uintptr_t)flag_thread, sp, 1), ERR_WRONG_TYPE);
}

/* An echo server: replies tag + 1, the words reversed, and the caller's
 * badge in word 3... until a message with tag 0 tells it to stop. */
static void echo_server(uint64_t ep)
{
	struct msg m, reply;
	long badge = reply_recv((vg_handle_t)ep, NULL, &m);
	while (badge >= 0 && m.tag != 0) {
		reply = (struct msg){ m.tag + 1, { m.w[3], m.w[2], m.w[1], (uint64_t)badge } };
		badge = reply_recv((vg_handle_t)ep, &reply, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

static void t_ipc_call_reply_and_badges(void)
{
	vg_handle_t ep, a, b;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 7, &a), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1ull << 40, &b), 0);
	CHECK(vg_thread_create(self_h, (uintptr_t)echo_server, vg_stack_create(self_h, 16384), ep) >
	      0);
	struct msg m = { 5, { 1, 2, 3, 4 } }, r;
	for (int i = 0; i < 100; i++) {
		CHECK_EQ(call(i % 2 ? a : b, &m, &r), 0);
		CHECK_EQ(r.tag, 6);
		CHECK(r.w[0] == 4 && r.w[1] == 3 && r.w[2] == 2);
		CHECK_EQ(r.w[3], i % 2 ? 7 : 1ull << 40);
	}
	/* Calls without the right, or on the wrong object, never reach it. */
	vg_handle_t recv_only;
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT, 9, &recv_only), 0);
	CHECK_EQ(call(recv_only, &m, &r), ERR_ACCESS_DENIED);
	CHECK_EQ(call(log_h, &m, &r), ERR_WRONG_TYPE);
	CHECK_EQ(vg_endpoint_mint(a, VG_RIGHT_SIGNAL, 1, &recv_only), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1ull << 63, &recv_only), ERR_INVALID_ARGS);
	CHECK_EQ(vg_ipc_reply(1, 0, 0, 0, 0), ERR_NOT_FOUND); /* we owe no reply */
	struct msg stop = { 0, { 0, 0, 0, 0 } };
	CHECK_EQ(call(ep, &stop, &r), 0);
	vg_handle_close(a);
	vg_handle_close(b);
	vg_handle_close(ep);
}

static void dying_server(uint64_t ep)
{
	struct msg m;
	reply_recv((vg_handle_t)ep, NULL, &m); /* takes the call, never replies */
	vg_thread_exit(0);
}

static void t_ipc_server_death_fails_the_call(void)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK(vg_thread_create(self_h, (uintptr_t)dying_server, vg_stack_create(self_h, 16384),
			       ep) > 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
	vg_handle_close(ep);
}

static void queued_caller(uint64_t ep)
{
	struct msg m = { 9, { 9, 9, 9, 9 } }, r;
	long st = call((vg_handle_t)ep, &m, &r);
	thread_ran = st == 0 && r.tag == 10 ? 1 : -1;
	vg_thread_exit(0);
}

static void t_ipc_caller_queued_before_receiver(void)
{
	vg_handle_t ep;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	thread_ran = 0;
	CHECK(vg_thread_create(self_h, (uintptr_t)queued_caller, vg_stack_create(self_h, 16384),
			       ep) > 0);
	vg_thread_yield(); /* it calls and queues: nobody is receiving yet */
	struct msg m;
	CHECK_EQ(reply_recv(ep, NULL, &m), 0);
	CHECK_EQ(m.tag, 9);
	CHECK_EQ(vg_ipc_reply(10, 0, 0, 0, 0), 0);
	for (int i = 0; i < 1000 && !thread_ran; i++)
		vg_thread_yield();
	CHECK_EQ(thread_ran, 1);
	vg_handle_close(ep);
}

static vg_handle_t note_h;

static void signaller(uint64_t bits)
{
	vg_notification_signal(note_h, bits);
	vg_thread_exit(0);
}

static long note_wait(vg_handle_t n, uint64_t deadline, uint64_t *bits)
{
	uint64_t a[6] = { n, deadline, 0, 0, 0, 0 }, r[5];
	long st = vg_syscall6_r(VG_SYS_notification_wait, a, r);
	*bits = r[0];
	return st;
}

static void t_notifications(void)
{
	CHECK_EQ(vg_notification_create(&note_h), 0);
	uint64_t bits = 0;
	CHECK_EQ(vg_notification_signal(note_h, 0x5), 0);
	CHECK_EQ(vg_notification_signal(note_h, 0x100), 0);
	CHECK_EQ(note_wait(note_h, UINT64_MAX, &bits), 0);
	CHECK_EQ(bits, 0x105); /* ORed, then read and cleared */
	long now = vg_clock_monotonic();
	CHECK_EQ(note_wait(note_h, (uint64_t)now + 5000000, &bits), ERR_TIMED_OUT);
	CHECK(vg_thread_create(self_h, (uintptr_t)signaller, vg_stack_create(self_h, 16384),
			       1ull << 63) > 0);
	CHECK_EQ(note_wait(note_h, UINT64_MAX, &bits), 0); /* woken by the other thread */
	CHECK_EQ(bits, 1ull << 63);
	CHECK_EQ(vg_notification_signal(log_h, 1), ERR_WRONG_TYPE);
	vg_handle_close(note_h);
}

static volatile uint32_t futex_word;

static void futex_waker(uint64_t unused)
{
	(void)unused;
	futex_word = 1;
	vg_futex_wake((const uint32_t *)&futex_word, 1);
	vg_thread_exit(0);
}

static void t_futex_wait_wake_timeout(void)
{
	futex_word = 0;
	long now = vg_clock_monotonic();
	CHECK_EQ(vg_futex_wait((const uint32_t *)&futex_word, 0, (uint64_t)now + 5000000),
		 ERR_TIMED_OUT);
	CHECK_EQ(vg_futex_wait((const uint32_t *)&futex_word, 1, UINT64_MAX), ERR_SHOULD_WAIT);
	CHECK_EQ(vg_futex_wait((const uint32_t *)((uintptr_t)&futex_word + 1), 0, 0),
		 ERR_INVALID_ARGS);
	CHECK(vg_thread_create(self_h, (uintptr_t)futex_waker, vg_stack_create(self_h, 16384), 0) >
	      0);
	while (futex_word == 0) {
		long st = vg_futex_wait((const uint32_t *)&futex_word, 0, UINT64_MAX);
		CHECK(st == 0 || st == ERR_SHOULD_WAIT);
	}
	CHECK_EQ(futex_word, 1);
	CHECK_EQ(vg_futex_wake((const uint32_t *)&futex_word, 10), 0); /* nobody waits */
}

/* ---- other processes ---- */

extern char __executable_start[], __rodata_start[], __data_start[], _end[];

static volatile int isolation_probe;

/* A server in a child process: replies tag + 1 with its copy of
 * isolation_probe; tag 2 makes it write through NULL, tag 3 sets its probe,
 * tag 0 ends it. */
static void child_server(uint64_t ep)
{
	struct msg m, reply;
	long badge = reply_recv((vg_handle_t)ep, NULL, &m);
	while (badge >= 0 && m.tag != 0) {
		if (m.tag == 2)
			*(volatile int *)0 = 1;
		if (m.tag == 3)
			isolation_probe = (int)m.w[0];
		reply = (struct msg){ m.tag + 1, { (uint64_t)isolation_probe, 0, 0, 0 } };
		badge = reply_recv((vg_handle_t)ep, &reply, &m);
	}
	vg_ipc_reply(0, 0, 0, 0, 0);
	vg_thread_exit(0);
}

/* A child process running a copy of this program (at the same addresses)
 * whose one thread serves the endpoint handle moved into it. */
long spawn_child(vg_handle_t ep_to_give, vg_handle_t *child_out)
{
	uintptr_t start = (uintptr_t)__executable_start;
	uintptr_t ro = (uintptr_t)__rodata_start, rw = (uintptr_t)__data_start;
	uintptr_t end = ((uintptr_t)_end + 4095) & ~(uintptr_t)4095;
	vg_handle_t child, img;
	long st = vg_process_create(&child);
	if (st)
		return st;
	if ((st = vg_vmo_create(end - start, 0, &img)) ||
	    (st = vg_vmo_write(img, 0, (const void *)start, end - start)))
		return st;
	uintptr_t at = start;
	if ((st = vg_vm_map(child, img, 0, ro - start, VG_VM_READ | VG_VM_EXEC | VG_VM_FIXED, &at)))
		return st;
	at = ro;
	if ((st = vg_vm_map(child, img, ro - start, rw - ro, VG_VM_READ | VG_VM_FIXED, &at)))
		return st;
	at = rw;
	if ((st = vg_vm_map(child, img, rw - start, end - rw,
			    VG_VM_READ | VG_VM_WRITE | VG_VM_FIXED, &at)))
		return st;
	uintptr_t sp = vg_stack_create(child, 16384);
	if (!sp)
		return ERR_NO_MEMORY;
	vg_handle_close(img);
	vg_handle_t theirs;
	if ((st = vg_handle_transfer(ep_to_give, child, &theirs)))
		return st;
	st = vg_thread_create(child, (uintptr_t)child_server, sp, theirs);
	*child_out = child;
	return st < 0 ? st : 0;
}

static void t_process_isolation_transfer_and_crash(void)
{
	vg_handle_t ep, give, child = 0;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_WAIT | VG_RIGHT_TRANSFER, 0, &give), 0);
	/* Without the transfer right a handle stays where it is. */
	vg_handle_t stuck, scratch;
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE, &stuck), 0);
	CHECK_EQ(vg_process_create(&scratch), 0);
	CHECK_EQ(vg_handle_transfer(stuck, scratch, &stuck), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(stuck), 0);
	CHECK_EQ(vg_handle_transfer(log_h, log_h, &stuck), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_close(scratch), 0); /* never started: it just goes */

	isolation_probe = 1; /* the child's copy starts with this */
	CHECK_EQ(spawn_child(give, &child), 0);
	isolation_probe = 2;
	/* The handle moved: the sender no longer has it. */
	CHECK_EQ(vg_handle_close(give), ERR_BAD_HANDLE);

	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), 0); /* IPC across address spaces */
	CHECK_EQ(r.tag, 2);
	CHECK_EQ(r.w[0], 1); /* its memory is its own */
	m = (struct msg){ 3, { 77, 0, 0, 0 } };
	CHECK_EQ(call(ep, &m, &r), 0);
	CHECK_EQ(r.w[0], 77);
	CHECK_EQ(isolation_probe, 2); /* and ours is ours */

	/* A fault kills the child, not us, and fails the call in progress. */
	m = (struct msg){ 2, { 0, 0, 0, 0 } };
	CHECK_EQ(call(ep, &m, &r), ERR_PEER_CLOSED);
	CHECK_EQ(vg_thread_yield(), 0);
	vg_handle_close(child);
	vg_handle_close(ep);
}

/* Every call added with IPC and memory, with each kind of bad argument; each
 * must fail with its documented error and leave nothing behind. */
static void t_invalid_arguments_everywhere(void)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	const uintptr_t unmapped_ptr = 0x200000; /* below the program, never mapped */
	vg_handle_t ep, note, vmo, out;
	CHECK_EQ(vg_endpoint_create(&ep), 0);
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	char buf[16];
	uintptr_t scratch_addr = 0;

	/* Output pointers: kernel and unmapped addresses, and no handle leaks. */
	CHECK_EQ(vg_endpoint_create((vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_notification_create((vg_handle_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_create(4096, 0, (vg_handle_t *)kernel_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_process_create((vg_handle_t *)unmapped_ptr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_endpoint_mint(ep, VG_RIGHT_SIGNAL, 1, (vg_handle_t *)kernel_ptr),
		 ERR_BAD_ADDRESS);
	uintptr_t *bad_addr = (uintptr_t *)kernel_ptr;
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, 4096, VG_VM_READ, bad_addr), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, 4096, VG_VM_READ | VG_VM_FIXED, bad_addr),
		 ERR_BAD_ADDRESS);
	CHECK_EQ(vg_log_read(log_h, 0, (struct vg_log_record *)kernel_ptr, 512), ERR_BAD_ADDRESS);

	/* Data pointers and lengths. */
	CHECK_EQ(vg_vmo_write(vmo, 0, (const void *)kernel_ptr, 8), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_read(vmo, 0, (void *)unmapped_ptr, 8), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_vmo_read(vmo, 4090, buf, 16), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_vmo_read(vmo, (uint64_t)-8, buf, 16), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_futex_wake((const uint32_t *)kernel_ptr, 1), 0); /* nobody waits there */
	CHECK_EQ(vg_futex_wait((const uint32_t *)kernel_ptr, 0, 0), ERR_BAD_ADDRESS);
	CHECK_EQ(vg_futex_wait((const uint32_t *)unmapped_ptr, 0, 0), ERR_BAD_ADDRESS);

	/* Wrong object types. */
	CHECK_EQ(vg_vmo_read(ep, 0, buf, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_ipc_recv(note), ERR_WRONG_TYPE);
	CHECK_EQ(vg_notification_wait(ep, 0), ERR_WRONG_TYPE);
	CHECK_EQ(vg_endpoint_mint(vmo, VG_RIGHT_SIGNAL, 1, &out), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vm_map(self_h, ep, 0, 4096, VG_VM_READ, &scratch_addr), ERR_WRONG_TYPE);
	CHECK_EQ(vg_vm_unmap(vmo, 0x400000, 4096), ERR_WRONG_TYPE);
	CHECK_EQ(vg_handle_transfer(vmo, ep, &out), ERR_WRONG_TYPE);

	/* Missing rights. */
	vg_handle_t weak;
	CHECK_EQ(vg_handle_duplicate(note, VG_RIGHT_DUPLICATE, &weak), 0);
	CHECK_EQ(vg_notification_signal(weak, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_notification_wait(weak, 0), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_duplicate(ep, VG_RIGHT_SIGNAL, &weak), 0);
	CHECK_EQ(vg_ipc_recv(weak), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_ipc_reply_recv(weak, 0, 0, 0, 0, 0), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_endpoint_mint(weak, VG_RIGHT_SIGNAL, 1, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);
	CHECK_EQ(vg_handle_duplicate(vmo, VG_RIGHT_READ, &weak), 0);
	CHECK_EQ(vg_vm_map(self_h, weak, 0, 4096, VG_VM_READ, &scratch_addr), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_transfer(weak, self_h, &out), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_handle_close(weak), 0);

	/* Bad flags and ranges. */
	CHECK_EQ(vg_vm_unmap(self_h, 0x400001, 4096), ERR_INVALID_ARGS);
	CHECK_EQ(vg_vm_unmap(self_h, kernel_ptr, 4096), ERR_INVALID_ARGS);
	CHECK_EQ(vg_thread_create(self_h, kernel_ptr, 0x1000, 0), ERR_INVALID_ARGS);
	CHECK_EQ(vg_futex_wake((const uint32_t *)((uintptr_t)buf | 1), 1), ERR_INVALID_ARGS);

	/* Closed handles. */
	CHECK_EQ(vg_handle_close(note), 0);
	CHECK_EQ(vg_notification_signal(note, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(vmo), 0);
	CHECK_EQ(vg_vmo_read(vmo, 0, buf, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(ep), 0);
	struct msg m = { 1, { 0, 0, 0, 0 } }, r;
	CHECK_EQ(call(ep, &m, &r), ERR_BAD_HANDLE);
}

struct test {
	const char *name;
	void (*fn)(void);
};

static const struct test tests[] = {
	{ "user_log_write_returns_length", t_log_write_returns_length },
	{ "user_bad_handle_values", t_bad_handle_values },
	{ "user_closed_handle_is_dead", t_closed_handle_is_dead },
	{ "user_rights_are_enforced", t_rights_are_enforced },
	{ "user_bad_pointers_are_refused", t_bad_pointers_are_refused },
	{ "user_bad_lengths_are_refused", t_bad_lengths_are_refused },
	{ "user_unknown_syscall", t_unknown_syscall },
	{ "user_clock_and_sleep", t_clock_and_sleep },
	{ "user_log_read_back", t_log_read_back },
	{ "user_memory_is_demand_zero", t_memory_is_demand_zero },
	{ "user_vmo_read_write_and_map", t_vmo_read_write_and_map },
	{ "user_threads_run", t_threads_run },
	{ "user_ipc_call_reply_and_badges", t_ipc_call_reply_and_badges },
	{ "user_ipc_server_death_fails_the_call", t_ipc_server_death_fails_the_call },
	{ "user_ipc_caller_queued_before_receiver", t_ipc_caller_queued_before_receiver },
	{ "user_notifications", t_notifications },
	{ "user_futex_wait_wake_timeout", t_futex_wait_wake_timeout },
	{ "user_process_isolation_transfer_and_crash", t_process_isolation_transfer_and_crash },
	{ "user_invalid_arguments_everywhere", t_invalid_arguments_everywhere },
};

int main(void)
{
	const struct vg_startup *su = (const struct vg_startup *)(uintptr_t)vg_start_arg(1);
	log_h = su->log;
	self_h = su->self;
	if (su->flags & VG_STARTUP_RUN_BENCH) {
		run_benchmarks(self_h);
		return 0;
	}
	if (!(su->flags & VG_STARTUP_RUN_TESTS)) {
		vg_printf("init: Verdigris user space is up on %s; no services yet.\n",
			  VG_ARCH_NAME);
		return 0;
	}
	int n = (int)(sizeof(tests) / sizeof(tests[0]));
	vg_printf("KTEST-PLAN %d\n", n);
	for (int i = 0; i < n; i++) {
		checks_failed_in_test = 0;
		tests[i].fn();
		vg_printf("KTEST %s: %s\n", tests[i].name, checks_failed_in_test ? "FAIL" : "PASS");
		failures += checks_failed_in_test != 0;
	}
	return failures;
}
