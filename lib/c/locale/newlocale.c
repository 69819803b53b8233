// SPDX-License-Identifier: BSD-2-Clause
// Locale objects (POSIX 2008): newlocale, duplocale, freelocale and the
// calling thread's choice, uselocale. A thread that never called uselocale
// (or chose LC_GLOBAL_LOCALE) follows setlocale's global locale.
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../internal/locale.h"

static _Thread_local struct __locale_struct *thread_locale;

struct __locale_struct *__libc_locale(void)
{
	return thread_locale ? thread_locale : &__libc_global_locale;
}

locale_t newlocale(int mask, const char *name, locale_t base)
{
	if ((mask & ~LC_ALL_MASK) || !name || base == LC_GLOBAL_LOCALE) {
		errno = EINVAL;
		return 0;
	}
	struct __locale_struct l = { { "C", "C", "C", "C", "C", "C" } };
	if (base)
		l = *base;
	if (!__libc_locale_names(mask, name, l.names)) {
		errno = ENOENT;
		return 0;
	}
	/* POSIX lets newlocale reuse base; it must not be used afterwards. */
	if (!base && !(base = malloc(sizeof(*base)))) {
		errno = ENOMEM;
		return 0;
	}
	*base = l;
	return base;
}

locale_t duplocale(locale_t l)
{
	struct __locale_struct *copy = malloc(sizeof(*copy));
	if (!copy) {
		errno = ENOMEM;
		return 0;
	}
	*copy = *(l == LC_GLOBAL_LOCALE ? &__libc_global_locale : l);
	return copy;
}

void freelocale(locale_t l)
{
	if (l && l != LC_GLOBAL_LOCALE && l != &__libc_global_locale)
		free(l);
}

locale_t uselocale(locale_t l)
{
	locale_t old = thread_locale ? thread_locale : LC_GLOBAL_LOCALE;
	if (l)
		thread_locale = l == LC_GLOBAL_LOCALE ? NULL : l;
	return old;
}
