// SPDX-License-Identifier: BSD-2-Clause
#include <kernel/ktest.h>
#include <kernel/log.h>

extern const struct ktest __ktests_start[], __ktests_end[];

static int current_failures;

void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	/* Only the first failure of a test names it on the result line; the
	 * rest are printed before it as detail. */
	va_list ap;
	va_start(ap, fmt);
	kprintf("KTEST-DETAIL %s:%d: ", file, line);
	vkprintf(fmt, ap);
	kprintf("\n");
	va_end(ap);
	current_failures++;
}

int ktest_run_all(void)
{
	int passed = 0, failed = 0;
	/* The linker brackets one array with the two symbols. */
	// cppcheck-suppress comparePointers
	kprintf("KTEST-PLAN %d\n", (int)(__ktests_end - __ktests_start));
	// cppcheck-suppress comparePointers
	for (const struct ktest *t = __ktests_start; t < __ktests_end; t++) {
		current_failures = 0;
		t->fn();
		if (current_failures) {
			kprintf("KTEST %s: FAIL (%d checks failed)\n", t->name, current_failures);
			failed++;
		} else {
			kprintf("KTEST %s: PASS\n", t->name);
			passed++;
		}
	}
	kprintf("KTEST-SUMMARY passed=%d failed=%d\n", passed, failed);
	return failed;
}
