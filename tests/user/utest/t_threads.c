// SPDX-License-Identifier: BSD-2-Clause
// Threads.
#include "../utest.h"

static volatile int thread_ran;

static void flag_thread(uint64_t arg)
{
	thread_ran = (int)arg;
	vg_thread_exit(0);
}

UTEST(threads_run)
{
	uintptr_t sp = vg_stack_create(self_h, 16384);
	CHECK(sp != 0);
	CHECK(vg_thread_create(self_h, (uintptr_t)flag_thread, sp, 42) > 0);
	for (int i = 0; i < 1000 && !thread_ran; i++)
		vg_thread_yield();
	CHECK_EQ(thread_ran, 42);
	CHECK_EQ(vg_thread_create(log_h, (uintptr_t)flag_thread, sp, 1), ERR_WRONG_TYPE);
}
