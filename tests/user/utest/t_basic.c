// SPDX-License-Identifier: BSD-2-Clause
// Handles, rights, pointers, lengths, the clock and the log.
#include "../utest.h"

UTEST(log_write_returns_length)
{
	CHECK_EQ(vg_log_write(log_h, "", 0), 0);
	CHECK_EQ(vg_log_write(log_h, "user: log line\n", 15), 15);
}

UTEST(bad_handle_values)
{
	CHECK_EQ(vg_log_write(0, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_log_write(0xdeadbeef, "x", 1), ERR_BAD_HANDLE);
	CHECK_EQ(vg_handle_close(0x00ffffff), ERR_BAD_HANDLE);
}

UTEST(closed_handle_is_dead)
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

UTEST(rights_are_enforced)
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

UTEST(bad_pointers_are_refused)
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

UTEST(bad_lengths_are_refused)
{
	static const char text[8] = "1234567";
	CHECK_EQ(vg_log_write(log_h, text, 1ull << 40), ERR_OUT_OF_RANGE);
	CHECK_EQ(vg_log_write(log_h, text, (size_t)-1), ERR_OUT_OF_RANGE);
}

UTEST(unknown_syscall)
{
	CHECK_EQ(vg_syscall0(999), ERR_NOT_SUPPORTED);
	CHECK_EQ(vg_syscall0(-1), ERR_NOT_SUPPORTED);
}

UTEST(clock_and_sleep)
{
	long t0 = vg_clock_monotonic();
	CHECK(t0 > 0);
	CHECK_EQ(vg_thread_sleep_until((uint64_t)t0 + 20000000), 0);
	long t1 = vg_clock_monotonic();
	CHECK(t1 - t0 >= 20000000);
	CHECK_EQ(vg_thread_yield(), 0);
}

UTEST(log_read_back)
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
