// SPDX-License-Identifier: BSD-2-Clause
// Notifications and futexes.
#include "../utest.h"

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

UTEST(notifications)
{
	CHECK_EQ(vg_notification_create(&note_h), 0);
	uint64_t bits = 0;
	CHECK_EQ(vg_notification_signal(note_h, 0x5), 0);
	CHECK_EQ(vg_notification_signal(note_h, 0x100), 0);
	CHECK_EQ(note_wait(note_h, UINT64_MAX, &bits), 0);
	CHECK_EQ(bits, 0x105); /* ORed, then read and cleared */
	long now = vg_clock_monotonic();
	CHECK_EQ(note_wait(note_h, (uint64_t)now + 5000000, &bits), ERR_TIMED_OUT);
	CHECK(vg_thread_start(signaller, 1ull << 63, NULL) == 0);
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

UTEST(futex_wait_wake_timeout)
{
	futex_word = 0;
	long now = vg_clock_monotonic();
	CHECK_EQ(vg_futex_wait((const uint32_t *)&futex_word, 0, (uint64_t)now + 5000000),
		 ERR_TIMED_OUT);
	CHECK_EQ(vg_futex_wait((const uint32_t *)&futex_word, 1, UINT64_MAX), ERR_SHOULD_WAIT);
	CHECK_EQ(vg_futex_wait((const uint32_t *)((uintptr_t)&futex_word + 1), 0, 0),
		 ERR_INVALID_ARGS);
	CHECK(vg_thread_start(futex_waker, 0, NULL) == 0);
	while (futex_word == 0) {
		long st = vg_futex_wait((const uint32_t *)&futex_word, 0, UINT64_MAX);
		CHECK(st == 0 || st == ERR_SHOULD_WAIT);
	}
	CHECK_EQ(futex_word, 1);
	CHECK_EQ(vg_futex_wake((const uint32_t *)&futex_word, 10), 0); /* nobody waits */
}
