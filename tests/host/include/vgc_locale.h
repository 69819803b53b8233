// SPDX-License-Identifier: BSD-2-Clause
// For the host tests that compare lib/c's wide-character functions with
// glibc's: both libraries in one locale, and the count of comparisons.
// Include after <vtest.h> and <vgc_wchar.h>.
#ifndef VGC_LOCALE_H
#define VGC_LOCALE_H

#include <locale.h>
#include <stdio.h>

/* Sets the locale name (C, C.UTF-8) in glibc and in lib/c. */
static inline void vgc_both_locales(const char *name)
{
	CHECK(setlocale(LC_ALL, name) != NULL);
	CHECK(vgc_setlocale(LC_ALL, name) != NULL);
}

/* Prints how many comparisons a test made and starts the count again. */
static inline void vgc_report(const char *test, unsigned long *compared)
{
	printf("# %s: %lu comparisons with glibc\n", test, *compared);
	*compared = 0;
}

#endif
