/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <kernel/types.h>

/*
 * In-kernel tests, run at boot when the command line holds "ktest". Each
 * KTEST() lands in the "ktests" section (bracketed by __ktests_start/_end in
 * every linker script). Output, one line each, counted by tools/qemu-test.py:
 *   KTEST-PLAN <n>
 *   KTEST <name>: PASS
 *   KTEST-DETAIL <file>:<line>: <what>   (one per failed check)
 *   KTEST <name>: FAIL (<n> checks failed)
 *   KTEST-SUMMARY passed=<p> failed=<f>
 * then the machine powers off, with a failure status if any test failed.
 */
struct ktest {
	const char *name;
	void (*fn)(void);
};

#define KTEST(test_name)                                                                         \
	static void ktest_fn_##test_name(void);                                                  \
	static const struct ktest ktest_##test_name                                              \
		__attribute__((used, section("ktests"), aligned(8))) = { #test_name,             \
									 ktest_fn_##test_name }; \
	static void ktest_fn_##test_name(void)

void ktest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records a failure and continues. */
#define KT_EXPECT(cond)                                              \
	do {                                                         \
		if (!(cond))                                         \
			ktest_fail(__FILE__, __LINE__, "%s", #cond); \
	} while (0)
/* Compares two integers, printing both on failure. */
#define KT_EXPECT_EQ(a, b)                                                                     \
	do {                                                                                   \
		long long ka_ = (long long)(a), kb_ = (long long)(b);                          \
		if (ka_ != kb_)                                                                \
			ktest_fail(__FILE__, __LINE__, "%s == %s (%lld != %lld)", #a, #b, ka_, \
				   kb_);                                                       \
	} while (0)
/* Records a failure and leaves the test. */
#define KT_ASSERT(cond)                                              \
	do {                                                         \
		if (!(cond)) {                                       \
			ktest_fail(__FILE__, __LINE__, "%s", #cond); \
			return;                                      \
		}                                                    \
	} while (0)

/* Runs every test, prints the summary; returns the number of failures. */
int ktest_run_all(void);

#endif
