// SPDX-License-Identifier: BSD-2-Clause
// Interruptions, the kernel mechanism under signals: the saved context
// comes back exactly, blocked calls end with ERR_INTERRUPTED, faults reach
// the entry, bad frames and arguments are refused, and processes stop and
// continue (docs/ARCHITECTURE.md section 15).
#include "../utest.h"
#include <setjmp.h>
#include <verdigris/exit.h>
#include <verdigris/intr.h>

#define MS 1000000ull
#define NOW() ((uint64_t)vg_clock_monotonic())
#define FLAG_VALUE 0x5eed5eed5eed5eedull

/* tests/user/arch/<arch>/intr.S */
void intr_spin_regs(void);
void intr_clobber(void);
void intr_illegal(void);
void intr_divide(void);
void intr_misaligned(uintptr_t addr);
void fpu_store(uint64_t *buf); /* fpu.S */
uint64_t intr_gpr_in[32], intr_gpr_out[32], intr_fp_in[64], intr_fp_out[64], intr_fp_junk[64];

#if defined(__x86_64__)
/* rax rbx rcx rdx rsi rdi rbp r8-r15: r15 holds the flag's address, r14
 * reads it. */
#define GPR_FIRST 0
#define GPR_END 15
#define FLAG_ADDR_REG 14
#define FLAG_VALUE_REG 13
#define FP_WORDS 32
#define GPR_USED(i) 1
#define FRAME_HAS_PATTERN(f) ((f)->regs.rbx == intr_gpr_in[1] && (f)->regs.r12 == intr_gpr_in[11])
#elif defined(__aarch64__)
#define GPR_FIRST 0
#define GPR_END 31
#define FLAG_ADDR_REG 28
#define FLAG_VALUE_REG 27
#define FP_WORDS 64
#define GPR_USED(i) 1
#define FRAME_HAS_PATTERN(f) \
	((f)->regs.x[0] == intr_gpr_in[0] && (f)->regs.x[30] == intr_gpr_in[30])
#else
/* x1 and x5-x31; sp, gp and tp stay. */
#define GPR_FIRST 1
#define GPR_END 32
#define FLAG_ADDR_REG 31
#define FLAG_VALUE_REG 30
#define FP_WORDS 32
#define GPR_USED(i) ((i) == 1 || (i) >= 5)
#define FRAME_HAS_PATTERN(f) ((f)->regs.x[1] == intr_gpr_in[1] && (f)->regs.x[9] == intr_gpr_in[9])
#endif

static volatile uint64_t spin_flag;
static volatile uint64_t last_arg, last_addr;
static volatile int entries, saw_pattern;
static volatile int spinner_done;

/* The entry of the register test: checks the frame, sets the flag the
 * spinner waits for, trashes every register it can, and returns. */
static void regs_entry(uint64_t arg, struct vg_intr_frame *f)
{
	last_arg = arg;
	entries++;
	if (f->magic == VG_INTR_MAGIC && FRAME_HAS_PATTERN(f))
		saw_pattern = 1;
	spin_flag = FLAG_VALUE;
	intr_clobber();
	vg_interrupt_return(f, 0);
}

/* The entry of most tests: counts, and returns. */
static void count_entry(uint64_t arg, struct vg_intr_frame *f)
{
	last_arg = arg;
	last_addr = f->addr;
	entries++;
	vg_interrupt_return(f, 0);
}

static void spinner(uint64_t arg)
{
	(void)arg;
	intr_spin_regs();
	spinner_done = 1;
	vg_thread_exit(0);
}

static void wait_for(volatile int *flag)
{
	for (int i = 0; i < 400 && !*flag; i++)
		vg_thread_sleep_until(NOW() + 5 * MS);
}

UTEST(intr_restores_every_register)
{
	for (int i = 0; i < 32; i++)
		intr_gpr_in[i] = 0x1000000000000001ull * (uint64_t)(i + 3) ^ 0x0123456789abcdefull;
	intr_gpr_in[FLAG_ADDR_REG] = (uintptr_t)&spin_flag;
	for (int i = 0; i < 64; i++) {
		intr_fp_in[i] = 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1);
		intr_fp_junk[i] = ~intr_fp_in[i];
	}
	spin_flag = 0;
	spinner_done = entries = saw_pattern = 0;
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)regs_entry, 0, 0), 0);
	vg_handle_t th;
	CHECK_EQ(vg_thread_start(spinner, 0, &th), 0);
	vg_thread_sleep_until(NOW() + 20 * MS); /* it spins, with the pattern loaded */
	uint64_t mine[64];
	fpu_store(mine); /* the FP registers are ours now (lazy switching) */
	CHECK_EQ(vg_thread_interrupt(th, 0x1234), 0);
	wait_for(&spinner_done);
	CHECK_EQ(spinner_done, 1);
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, 0x1234);
	CHECK_EQ(saw_pattern, 1);
	for (int i = GPR_FIRST; i < GPR_END; i++) {
		uint64_t want = i == FLAG_VALUE_REG ? FLAG_VALUE : intr_gpr_in[i];
		if (GPR_USED(i))
			CHECK_EQ(intr_gpr_out[i], want);
	}
	for (int i = 0; i < FP_WORDS; i++)
		CHECK_EQ(intr_fp_out[i], intr_fp_in[i]);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	vg_handle_close(th);
}

/* Blocked calls: each kind in a thread of its own, interrupted. */
enum { B_FUTEX, B_SLEEP, B_NOTIFICATION, B_PORT, B_RECV, B_CALL, B_KINDS };
static vg_handle_t block_ep, block_note, block_port;
static volatile long block_result;
static volatile int block_done;

static void blocker(uint64_t kind)
{
	static uint32_t word;
	struct vg_port_packet pkt;
	long r = 1;
	switch (kind) {
	case B_FUTEX: r = vg_futex_wait(&word, 0, UINT64_MAX); break;
	case B_SLEEP: r = vg_thread_sleep_until(NOW() + 5000 * MS); break;
	case B_NOTIFICATION: r = vg_notification_wait(block_note, UINT64_MAX); break;
	case B_PORT: r = vg_port_wait(block_port, UINT64_MAX, &pkt); break;
	case B_RECV: r = vg_ipc_recv(block_ep); break;
	case B_CALL: r = vg_ipc_call(block_ep, 1, 0, 0, 0, 0); break;
	}
	block_result = r;
	block_done = 1;
	vg_thread_exit(0);
}

UTEST(intr_ends_every_blocking_call)
{
	CHECK_EQ(vg_endpoint_create(&block_ep), 0);
	CHECK_EQ(vg_notification_create(&block_note), 0);
	CHECK_EQ(vg_port_create(&block_port), 0);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0, 0), 0);
	for (uint64_t kind = 0; kind < B_KINDS; kind++) {
		entries = 0;
		block_done = 0;
		block_result = 1;
		vg_handle_t th;
		CHECK_EQ(vg_thread_start(blocker, kind, &th), 0);
		vg_thread_sleep_until(NOW() + 10 * MS);
		CHECK_EQ(block_done, 0); /* blocked */
		CHECK_EQ(vg_thread_interrupt(th, 100 + kind), 0);
		wait_for(&block_done);
		if (block_result != ERR_INTERRUPTED)
			vg_printf("KTEST-DETAIL blocking call %d\n", (int)kind);
		CHECK_EQ(block_result, ERR_INTERRUPTED);
		CHECK_EQ(entries, 1);
		CHECK_EQ(last_arg, 100 + kind);
		vg_handle_close(th);
	}
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	vg_handle_close(block_ep);
	vg_handle_close(block_note);
	vg_handle_close(block_port);
}

UTEST(intr_process_interrupt_reaches_the_oldest_thread)
{
	CHECK_EQ(vg_process_interrupt(self_h, 5), ERR_BAD_STATE); /* no entry */
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0, 0), 0);
	entries = 0;
	/* This is the root task's first thread: the entry runs on the way
	 * back from the call, before the next line. */
	CHECK_EQ(vg_process_interrupt(self_h, 7), 0);
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, 7);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
}

/* An alternate stack: the frame lands there. */
static uint8_t alt_stack[16384] __attribute__((aligned(16)));
static volatile uintptr_t entry_sp_seen;

static void alt_entry(uint64_t arg, struct vg_intr_frame *f)
{
	(void)arg;
	entry_sp_seen = (uintptr_t)f;
	entries++;
	vg_interrupt_return(f, 0);
}

UTEST(intr_uses_the_alternate_stack)
{
	entries = 0;
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)alt_entry, (uintptr_t)alt_stack,
					sizeof(alt_stack)),
		 0);
	CHECK_EQ(vg_process_interrupt(self_h, 1), 0);
	CHECK_EQ(entries, 1);
	CHECK(entry_sp_seen >= (uintptr_t)alt_stack &&
	      entry_sp_seen < (uintptr_t)alt_stack + sizeof(alt_stack));
	CHECK_EQ(entry_sp_seen % 16, 0);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
}

/* Frames interrupt_return must refuse; each try comes back with an
 * error, and the real frame still works afterwards. */
static volatile long bad_results[8];

static void bad_frame_entry(uint64_t arg, struct vg_intr_frame *f)
{
	(void)arg;
	static struct vg_intr_frame c;
	int n = 0;
	c = *f;
	c.magic++;
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
#if defined(__x86_64__)
	c.regs.rip = 0xffffffff80100000ull;
#elif defined(__aarch64__)
	c.regs.pc = 0xffffffff80100000ull;
#else
	c.regs.pc = 0xffffffff80100000ull;
#endif
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
#if defined(__x86_64__)
	c.regs.rflags |= 0x3000; /* IOPL 3 */
#elif defined(__aarch64__)
	c.regs.pstate |= 0x5; /* EL1h */
#else
	c.regs.sstatus |= 0x100; /* SPP: back to S-mode */
#endif
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
#if defined(__x86_64__)
	c.regs.cs = 0x08; /* the kernel's code segment */
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
	*(uint32_t *)(c.fpu + 24) |= 0x80000000u; /* a reserved MXCSR bit */
	bad_results[n++] = vg_interrupt_return(&c, 0);
#elif defined(__aarch64__)
	c.regs.pstate |= 0x3c0; /* DAIF */
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
	c.regs.pstate |= 1u << 21; /* software step */
	bad_results[n++] = vg_interrupt_return(&c, 0);
#else
	c.regs.sstatus |= 0x40000; /* SUM */
	bad_results[n++] = vg_interrupt_return(&c, 0);
	c = *f;
	c.regs.sstatus &= ~0x20ul; /* SPIE */
	bad_results[n++] = vg_interrupt_return(&c, 0);
#endif
	bad_results[n++] = vg_interrupt_return((void *)0xffffffff80100000ull, 0);
	bad_results[n++] = vg_interrupt_return((void *)0x200000, 0); /* unmapped */
	entries++;
	vg_interrupt_return(f, 0);
}

UTEST(intr_return_refuses_bad_frames)
{
	for (int i = 0; i < 8; i++)
		bad_results[i] = 1;
	entries = 0;
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)bad_frame_entry, 0, 0), 0);
	CHECK_EQ(vg_process_interrupt(self_h, 3), 0);
	CHECK_EQ(entries, 1);
	for (int i = 0; i < 5; i++)
		CHECK_EQ(bad_results[i], ERR_INVALID_ARGS);
	CHECK_EQ(bad_results[5], ERR_BAD_ADDRESS);
	CHECK_EQ(bad_results[6], ERR_BAD_ADDRESS);
	/* Outside an entry, garbage is refused just the same. */
	static struct vg_intr_frame junk;
	CHECK_EQ(vg_interrupt_return(&junk, 0), ERR_INVALID_ARGS);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
}

UTEST(intr_invalid_arguments)
{
	const uintptr_t kernel_ptr = (uintptr_t)0xffffffff80100000ull;
	CHECK_EQ(vg_interrupt_set_entry(kernel_ptr, 0, 0), ERR_INVALID_ARGS);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, (uintptr_t)alt_stack, 64),
		 ERR_INVALID_ARGS); /* too small */
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, kernel_ptr, 65536),
		 ERR_INVALID_ARGS);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0x20000, UINT64_MAX - 0x1000),
		 ERR_INVALID_ARGS); /* wraps */
	vg_handle_t note, weak, th;
	CHECK_EQ(vg_notification_create(&note), 0);
	CHECK_EQ(vg_thread_interrupt(0x7ffff, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_process_interrupt(0x7ffff, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_process_suspend(0x7ffff, 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_thread_interrupt(note, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_process_interrupt(note, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_process_suspend(note, 1), ERR_WRONG_TYPE);
	CHECK_EQ(vg_process_suspend(self_h, 2), ERR_INVALID_ARGS);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_FAULT | 1), ERR_INVALID_ARGS);
	struct vg_handle_info info;
	CHECK_EQ(vg_handle_info(self_h, &info), 0);
	CHECK_EQ(vg_handle_duplicate(self_h, info.rights & ~(uint32_t)VG_RIGHT_MANAGE, &weak), 0);
	CHECK_EQ(vg_process_interrupt(weak, 1), ERR_ACCESS_DENIED);
	CHECK_EQ(vg_process_suspend(weak, 1), ERR_ACCESS_DENIED);
	/* A thread of a process with no entry; then a dead one. */
	block_done = 0;
	CHECK_EQ(vg_notification_create(&block_note), 0);
	CHECK_EQ(vg_thread_start(blocker, B_NOTIFICATION, &th), 0);
	CHECK_EQ(vg_thread_interrupt(th, VG_INTR_FAULT), ERR_INVALID_ARGS);
	CHECK_EQ(vg_thread_interrupt(th, 1), ERR_BAD_STATE);
	CHECK_EQ(vg_notification_signal(block_note, 1), 0);
	wait_for(&block_done);
	vg_thread_sleep_until(NOW() + 5 * MS);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0, 0), 0);
	CHECK_EQ(vg_thread_interrupt(th, 1), ERR_PEER_CLOSED);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	vg_handle_close(th);
	vg_handle_close(weak);
	vg_handle_close(note);
	vg_handle_close(block_note);
}

/* Several waiting for a thread together: one frame, the oldest; the
 * others are deferred - no frame comes for them even across a system call
 * in the entry - and interrupt_take gives them in the order sent. Before,
 * a frame each came at once, nested, the newest run first. */
static volatile int take_depth, take_max_depth, take_n, take_frames;
static volatile uint64_t take_seen[8];
static volatile int take_stop;

static void take_entry(uint64_t arg, struct vg_intr_frame *f)
{
	if (++take_depth > take_max_depth)
		take_max_depth = take_depth;
	take_frames++;
	if (take_n < 8)
		take_seen[take_n++] = arg;
	vg_thread_yield(); /* a return to user mode: nothing nests here */
	uint64_t more[VG_INTR_WAITING_MAX][2];
	long n;
	while ((n = vg_interrupt_take(&more[0][0], VG_INTR_WAITING_MAX)) > 0)
		for (long i = 0; i < n && take_n < 8; i++)
			take_seen[take_n++] = more[i][0];
	take_depth--;
	vg_interrupt_return(f, 0);
}

static void take_spinner(uint64_t arg)
{
	(void)arg;
	while (!take_stop)
		;
	vg_thread_exit(0);
}

UTEST(intr_one_frame_the_rest_taken_in_order)
{
	take_depth = take_max_depth = take_n = take_frames = 0;
	take_stop = 0;
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)take_entry, 0, 0), 0);
	vg_handle_t th;
	CHECK_EQ(vg_thread_start(take_spinner, 0, &th), 0);
	/* On one CPU it does not run until we sleep: all three wait
	 * together. (On two it may take the first before the others come.) */
	for (uint64_t a = 1; a <= 3; a++)
		CHECK_EQ(vg_thread_interrupt(th, a), 0);
	for (int i = 0; i < 400 && take_n < 3; i++)
		vg_thread_sleep_until(NOW() + 5 * MS);
	take_stop = 1;
	CHECK_EQ(take_n, 3);
	for (int i = 0; i < 3; i++)
		CHECK_EQ(take_seen[i], (uint64_t)i + 1);
	CHECK_EQ(take_max_depth, 1);
	CHECK(take_frames >= 1);
	long bad = vg_interrupt_take((uint64_t *)0xffffffff80100000ull, 1);
	CHECK(bad == 0 || bad == ERR_BAD_ADDRESS); /* nothing waits for us */
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	vg_handle_close(th);
}

/* Counted interruptions: 32 for the process until given back, then
 * ERR_SHOULD_WAIT; each released one makes room. */
UTEST(intr_counted_refused_until_released)
{
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0, 0), 0);
	CHECK_EQ(vg_interrupt_release(UINT32_MAX), 0); /* none counted from earlier tests */
	entries = 0;
	for (int i = 0; i < VG_INTR_COUNTED_MAX; i++)
		CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), 0);
	CHECK_EQ(entries, VG_INTR_COUNTED_MAX);
	CHECK_EQ(last_arg, VG_INTR_COUNTED | 9);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), ERR_SHOULD_WAIT);
	CHECK_EQ(vg_process_interrupt(self_h, 9), 0); /* an uncounted one still goes */
	CHECK_EQ(vg_interrupt_release(1), 0);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), 0);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), ERR_SHOULD_WAIT);
	CHECK_EQ(vg_interrupt_release(UINT32_MAX), 0); /* all of them, no more */
	CHECK_EQ(vg_interrupt_count(VG_INTR_COUNTED_MAX - 1), 0);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), 0);
	CHECK_EQ(vg_process_interrupt(self_h, VG_INTR_COUNTED | 9), ERR_SHOULD_WAIT);
	CHECK_EQ(vg_interrupt_release(UINT32_MAX), 0);
	CHECK_EQ(entries, VG_INTR_COUNTED_MAX + 3);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
}

/* Held: with no entry, an interruption waits (0, not ERR_BAD_STATE)
 * without ending the thread's wait, and comes once an entry is set. */
UTEST(intr_held_until_an_entry)
{
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	CHECK_EQ(vg_notification_create(&block_note), 0);
	block_done = 0;
	block_result = 1;
	entries = 0;
	vg_handle_t th;
	CHECK_EQ(vg_thread_start(blocker, B_NOTIFICATION, &th), 0);
	vg_thread_sleep_until(NOW() + 10 * MS);
	CHECK_EQ(vg_thread_interrupt(th, 5), ERR_BAD_STATE);
	CHECK_EQ(vg_process_interrupt_hold(self_h), 0);
	CHECK_EQ(vg_thread_interrupt(th, 5), 0);
	vg_thread_sleep_until(NOW() + 10 * MS);
	CHECK_EQ(block_done, 0); /* still waiting */
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)count_entry, 0, 0), 0);
	CHECK_EQ(vg_notification_signal(block_note, 1), 0);
	wait_for(&block_done);
	CHECK_EQ(block_result, 0); /* the wait ended by the signal, not interrupted */
	for (int i = 0; i < 100 && !entries; i++)
		vg_thread_sleep_until(NOW() + 5 * MS);
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, 5);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
	CHECK_EQ(vg_process_interrupt(self_h, 5), ERR_BAD_STATE); /* the hold ended */
	vg_handle_close(th);
	vg_handle_close(block_note);
}

/* Faults of this process reach the entry; it recovers with longjmp. */
static jmp_buf fault_env;

static void fault_entry(uint64_t arg, struct vg_intr_frame *f)
{
	last_arg = arg;
	last_addr = f->addr;
	entries++;
	longjmp(fault_env, 1);
}

/* Maps a page at the faulting address and retries the access. */
static vg_handle_t fix_vmo;
static void fixing_entry(uint64_t arg, struct vg_intr_frame *f)
{
	last_arg = arg;
	last_addr = f->addr;
	entries++;
	uintptr_t at = f->addr & ~(uintptr_t)4095;
	if (vg_vm_map(self_h, fix_vmo, 0, 4096, VG_VM_READ | VG_VM_WRITE | VG_VM_FIXED, &at))
		vg_interrupt_return(f, 99); /* cannot fix it: dies */
	vg_interrupt_return(f, 0);
}

UTEST(intr_delivers_faults)
{
	const uintptr_t hole = 0x200000; /* below the program, never mapped */
	CHECK_EQ(vg_vmo_create(4096, 0, &fix_vmo), 0);
	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)fixing_entry, 0, 0), 0);
	entries = 0;
	*(volatile uint32_t *)(hole + 12) = 77;
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, VG_INTR_FAULT | VG_EXC_WRITE_FAULT);
	CHECK_EQ(last_addr, hole + 12);
	CHECK_EQ(*(volatile uint32_t *)(hole + 12), 77);
	CHECK_EQ(vg_vm_unmap(self_h, hole, 4096), 0);
	vg_handle_close(fix_vmo);

	CHECK_EQ(vg_interrupt_set_entry((uintptr_t)fault_entry, 0, 0), 0);
	entries = 0;
	if (!setjmp(fault_env))
		intr_illegal();
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, VG_INTR_FAULT | VG_EXC_ILLEGAL);
	CHECK_EQ(last_addr, (uintptr_t)intr_illegal);
#if defined(__x86_64__)
	entries = 0;
	if (!setjmp(fault_env))
		intr_divide();
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, VG_INTR_FAULT | VG_EXC_ARITHMETIC);
#else
	static uint64_t words[2];
	entries = 0;
	if (!setjmp(fault_env))
		intr_misaligned((uintptr_t)words + 1);
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, VG_INTR_FAULT | VG_EXC_ALIGNMENT);
	CHECK_EQ(last_addr, (uintptr_t)words + 1);
#endif
	entries = 0;
	if (!setjmp(fault_env))
		(void)*(volatile uint64_t *)(hole + 8);
	CHECK_EQ(entries, 1);
	CHECK_EQ(last_arg, VG_INTR_FAULT | VG_EXC_READ_FAULT);
	CHECK_EQ(last_addr, hole + 8);
	CHECK_EQ(vg_interrupt_set_entry(0, 0, 0), 0);
}

/* Children for the process tests. */
static void die_entry(uint64_t arg, struct vg_intr_frame *f)
{
	(void)arg;
	vg_interrupt_return(f, VG_EXIT_SIGNAL_DEFAULT(11)); /* SIGSEGV's default action */
}

static void faulting_child(uint64_t arg)
{
	(void)arg;
	vg_interrupt_set_entry((uintptr_t)die_entry, 0, 0);
	(void)*(volatile uint64_t *)0x200008;
	vg_thread_exit(1); /* not reached */
}

/* A child process running fn, a function of a copy of this image, with
 * arg: where vmo (if any) is mapped in it, read and write. */
static long start_copy(void (*fn)(uint64_t), vg_handle_t vmo, vg_handle_t *child_out)
{
	vg_handle_t child, thread;
	long st = vg_process_create(&child);
	if (st)
		return st;
	uintptr_t at = 0, sp = 0;
	if (vmo)
		st = vg_vm_map(child, vmo, 0, 4096, VG_VM_READ | VG_VM_WRITE, &at);
	if (!st)
		st = copy_image_into(child);
	if (!st && !(sp = vg_stack_create(child, 16384)))
		st = ERR_NO_MEMORY;
	if (!st)
		st = vg_thread_create(child, (uintptr_t)fn, sp, at, 0, &thread);
	if (st) {
		vg_process_kill(child, -1);
		vg_handle_close(child);
		return st;
	}
	vg_handle_close(thread);
	*child_out = child;
	return 0;
}

static long exit_code_of(vg_handle_t child, uint64_t timeout_ns)
{
	vg_handle_t port;
	struct vg_port_packet pkt;
	long st = vg_port_create(&port);
	if (!st)
		st = vg_port_bind(port, child, 1);
	if (!st)
		st = next_packet(port, timeout_ns, &pkt);
	vg_handle_close(port);
	return st ? st - 1000 : (long)pkt.data[0];
}

UTEST(intr_kill_code_ends_the_process_with_a_report)
{
	vg_handle_t child;
	CHECK_EQ(start_copy(faulting_child, VG_HANDLE_INVALID, &child), 0);
	CHECK_EQ(exit_code_of(child, 2000 * MS), VG_EXIT_SIGNAL_DEFAULT(11));
	vg_handle_close(child);
}

static void counting_child(uint64_t at)
{
	volatile uint64_t *counter = (volatile uint64_t *)at;
	for (;;)
		(*counter)++;
}

UTEST(intr_suspend_resume_and_kill_while_stopped)
{
	vg_handle_t vmo, child;
	CHECK_EQ(vg_vmo_create(4096, 0, &vmo), 0);
	uintptr_t at = 0;
	CHECK_EQ(vg_vm_map(self_h, vmo, 0, 4096, VG_VM_READ | VG_VM_WRITE, &at), 0);
	volatile uint64_t *counter = (volatile uint64_t *)at;
	CHECK_EQ(start_copy(counting_child, vmo, &child), 0);
	vg_thread_sleep_until(NOW() + 30 * MS);
	CHECK(*counter > 0);
	CHECK_EQ(vg_process_suspend(child, 1), 0);
	vg_thread_sleep_until(NOW() + 10 * MS); /* it reaches its stop */
	uint64_t c1 = *counter;
	vg_thread_sleep_until(NOW() + 30 * MS);
	CHECK_EQ(*counter, c1); /* stopped */
	CHECK_EQ(vg_process_suspend(child, 0), 0);
	vg_thread_sleep_until(NOW() + 30 * MS);
	CHECK(*counter > c1); /* running again */
	CHECK_EQ(vg_process_suspend(child, 1), 0);
	vg_thread_sleep_until(NOW() + 10 * MS);
	CHECK_EQ(vg_process_kill(child, 55), 0); /* a stopped process still dies */
	CHECK_EQ(exit_code_of(child, 2000 * MS), 55);
	CHECK_EQ(vg_process_suspend(child, 0), ERR_PEER_CLOSED);
	CHECK_EQ(vg_vm_unmap(self_h, at, 4096), 0);
	vg_handle_close(vmo);
	vg_handle_close(child);
}
