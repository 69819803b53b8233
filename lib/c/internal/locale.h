// SPDX-License-Identifier: BSD-2-Clause
// The locale objects behind <locale.h> (lib/c/locale): a name per category
// and the one property that changes behaviour, whether LC_CTYPE is UTF-8.
#ifndef LIBC_INTERNAL_LOCALE_H
#define LIBC_INTERNAL_LOCALE_H

#include <locale.h>
#include <stdbool.h>

/* The longest name we keep: "C." and a code set's spelling. */
#define LOCALE_NAME_MAX 24
#define LOCALE_CATEGORIES 6

struct __locale_struct {
	char names[LOCALE_CATEGORIES][LOCALE_NAME_MAX];
};

/* The locale setlocale changes. */
extern struct __locale_struct __libc_global_locale;

/* The calling thread's locale: its uselocale one, else the global one. */
struct __locale_struct *__libc_locale(void);

/* The names a request gives each category of mask into out (which holds
 * the current ones): name, "" (from the environment) or the composite form
 * setlocale(LC_ALL, NULL) returns. false, out untouched, when a name is
 * refused. */
bool __libc_locale_names(int mask, const char *name, char out[][LOCALE_NAME_MAX]);

/* Whether a locale's LC_CTYPE is UTF-8 (else it is the C locale's ASCII). */
bool __libc_locale_utf8(const struct __locale_struct *l);

/* Whether the calling thread's characters are UTF-8. */
static inline bool __libc_utf8(void)
{
	return __libc_locale_utf8(__libc_locale());
}

#endif
