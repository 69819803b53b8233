// SPDX-License-Identifier: BSD-2-Clause
// The in-OS test runner (bin/testrun): the root task of test and benchmark
// boots (init=bin/testrun on the kernel command line; init, the default
// root task, runs services). Started by the kernel with its struct
// vg_startup (its handles and flags) at arg0, linked with the C library.
// When the kernel runs its tests it runs the user-mode tests
// (tests/user/utest/, one "KTEST" line each) and exits with 1 when any
// failed, which the kernel reports; with "bench", the benchmarks.
#include "bench.h"
#include "utest.h"

vg_handle_t log_h, self_h, resource_h;
int utest_checks_failed;

/* The linker gathers every UTEST here (lib/vg/user.ld). */
extern const struct utest __start_utests[], __stop_utests[];

static int run_tests(void)
{
	int failures = 0;
	vg_printf("KTEST-PLAN %d\n", (int)(__stop_utests - __start_utests));
	for (const struct utest *t = __start_utests; t < __stop_utests; t++) {
		utest_checks_failed = 0;
		t->fn();
		vg_printf("KTEST user_%s: %s\n", t->name, utest_checks_failed ? "FAIL" : "PASS");
		failures += utest_checks_failed != 0;
	}
	return failures != 0; /* a count could be a multiple of 256 */
}

int main(void)
{
	const struct vg_startup *su = vg_startup();
	log_h = su->log;
	self_h = su->self;
	resource_h = su->resource;
	if (su->flags & VG_STARTUP_RUN_BENCH) {
		run_benchmarks();
		return 0;
	}
	if (su->flags & VG_STARTUP_RUN_TESTS)
		return run_tests();
	vg_printf("testrun: on %s; nothing to do without ktest or bench\n", VG_ARCH_NAME);
	return 0;
}
