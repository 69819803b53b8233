// SPDX-License-Identifier: BSD-2-Clause
// The libc conformance suite (tests/conform/conform.h): each area's cases
// run through our C library, with the code generation of this target, and
// compared with what glibc returned for the same cases on the build host
// (the tables tests/conform/gen.c writes into the build tree). Every
// mismatch is shown with its input, glibc's result and ours.
#include <string.h>
#include <time.h>

#include "../../conform/conform.h"
#include "../utest.h"

struct checker {
	struct conform_sink sink;
	const struct conform_table *table;
	unsigned next, mismatches;
};

/* vg_printf's lines hold 255 bytes; a long text (a %f of DBL_MAX) goes in
 * pieces. */
static void detail(const char *label, const char *text)
{
	size_t n = strlen(text), at = 0;
	do {
		vg_printf("KTEST-DETAIL conform: %s%.200s\n", at ? "  ..." : label, text + at);
		at += 200;
	} while (at < n);
}

static void check_case(struct conform_sink *sink, const char *input, const char *result)
{
	struct checker *c = (struct checker *)sink;
	unsigned i = c->next++;
	if (i >= c->table->count) {
		vg_printf("KTEST-DETAIL conform: case %u not in the table: %s\n", i, input);
		c->mismatches++;
		return;
	}
	const struct conform_case *want = &c->table->cases[i];
	if (strcmp(input, want->input) != 0) {
		/* The enumeration itself went another way here. */
		vg_printf("KTEST-DETAIL conform: case %u is %s, the table's is %s\n", i, input,
			  want->input);
		c->mismatches++;
	} else if (strcmp(result, want->result) != 0) {
		detail("mismatch: ", input);
		detail("  expected ", want->result);
		detail("  got      ", result);
		c->mismatches++;
	}
}

void libc_conform_run(const char *name, void (*run)(struct conform_sink *),
		      const struct conform_table *table)
{
	struct checker c = { { check_case }, table, 0, 0 };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	run(&c.sink);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long us = (t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000;
	if (c.next != table->count) {
		vg_printf("KTEST-DETAIL conform: %s ran %u cases, the table has %u\n", name, c.next,
			  table->count);
		c.mismatches++;
	}
	vg_printf("libc conformance %s: %u cases, %u mismatches (%ld us)\n", name, c.next,
		  c.mismatches, us);
	CHECK(table->count > 0);
	CHECK_EQ(c.mismatches, 0);
}

#define CONFORM_UTEST(name)                                                     \
	UTEST(libc_conform_##name)                                              \
	{                                                                       \
		libc_conform_run(#name, conform_##name, &conform_table_##name); \
	}
/* The areas on files run from libc_wide_stream.c, after the tests of the
 * library without a file system (libc_misc.c). */
CONFORM_PLAIN_AREAS(CONFORM_UTEST)
