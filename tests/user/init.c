// SPDX-License-Identifier: BSD-2-Clause
// The root task. Started by the kernel with a handle to the kernel log
// (arg0) and arg1 = 1 when the kernel runs its tests: then it runs the
// user-mode tests below, one "KTEST" line each, and exits with the number
// of failures, which the kernel reports. Otherwise it greets and exits:
// services come later.
#include <kernel/string.h>
#include <vg/vg.h>

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

static vg_handle_t log_h;

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
};

int main(void)
{
	log_h = vg_log_handle();
	if (vg_start_arg(1) != 1) {
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
