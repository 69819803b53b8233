// SPDX-License-Identifier: BSD-2-Clause
// setlocale and the names of the two locales we have. A name is accepted
// when it is "C", "POSIX" (kept as "C", as glibc does) or "C." followed by
// a spelling of UTF-8 (case and punctuation ignored: "C.UTF-8", "C.utf8"),
// kept as given; anything else is refused (NULL) and changes nothing.
// "" takes each category's name from the environment: LC_ALL, then the
// category's own variable, then LANG, else "C".
#include <stdlib.h>
#include <string.h>

#include "../internal/locale.h"

struct __locale_struct __libc_global_locale = { { "C", "C", "C", "C", "C", "C" } };

static const char *const category_names[LOCALE_CATEGORIES] = {
	"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES",
};

static bool is_utf8_codeset(const char *s)
{
	static const char want[] = "utf8";
	size_t k = 0;
	for (; *s; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == '-' || c == '_')
			continue;
		if (k == sizeof(want) - 1 || c != want[k])
			return false;
		k++;
	}
	return k == sizeof(want) - 1;
}

bool __libc_locale_utf8(const struct __locale_struct *l)
{
	return l->names[LC_CTYPE][1] == '.';
}

/* The name to keep for a requested one, or NULL when we lack the locale. */
static const char *canonical(const char *name)
{
	if (!strcmp(name, "C") || !strcmp(name, "POSIX"))
		return "C";
	if (name[0] == 'C' && name[1] == '.' && strlen(name) < LOCALE_NAME_MAX &&
	    is_utf8_codeset(name + 2))
		return name;
	return NULL;
}

/* What "" means for a category. */
static const char *from_environment(int cat)
{
	const char *v = getenv("LC_ALL");
	if (!v || !*v)
		v = getenv(category_names[cat]);
	if (!v || !*v)
		v = getenv("LANG");
	return v && *v ? v : "C";
}

bool __libc_locale_names(int mask, const char *name, char out[][LOCALE_NAME_MAX])
{
	char want[LOCALE_CATEGORIES][LOCALE_NAME_MAX];
	memcpy(want, out, sizeof(want));
	if (strchr(name, '=')) {
		/* "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;...": every category named. */
		int seen = 0;
		for (const char *p = name; *p;) {
			const char *eq = strchr(p, '='), *end = strchr(p, ';');
			if (!end)
				end = p + strlen(p);
			if (!eq || eq > end)
				return false;
			int cat = 0;
			while (cat < LOCALE_CATEGORIES &&
			       (strlen(category_names[cat]) != (size_t)(eq - p) ||
				memcmp(category_names[cat], p, (size_t)(eq - p))))
				cat++;
			size_t n = (size_t)(end - eq - 1);
			if (cat == LOCALE_CATEGORIES || n >= LOCALE_NAME_MAX)
				return false;
			char one[LOCALE_NAME_MAX];
			memcpy(one, eq + 1, n);
			one[n] = 0;
			const char *c = canonical(one);
			if (!c)
				return false;
			strcpy(want[cat], c);
			seen |= 1 << cat;
			p = *end ? end + 1 : end;
		}
		if (seen != LC_ALL_MASK)
			return false;
	} else {
		for (int cat = 0; cat < LOCALE_CATEGORIES; cat++) {
			if (!(mask & (1 << cat)))
				continue;
			const char *c = canonical(*name ? name : from_environment(cat));
			if (!c)
				return false;
			strcpy(want[cat], c);
		}
	}
	memcpy(out, want, sizeof(want));
	return true;
}

/* The composite name, or the common one when all categories agree. */
static char *name_of_all(const struct __locale_struct *l)
{
	static char all[LOCALE_CATEGORIES * (LOCALE_NAME_MAX + 16)];
	int cat = 1;
	while (cat < LOCALE_CATEGORIES && !strcmp(l->names[cat], l->names[0]))
		cat++;
	if (cat == LOCALE_CATEGORIES)
		return (char *)l->names[0];
	all[0] = 0;
	for (cat = 0; cat < LOCALE_CATEGORIES; cat++) {
		if (cat)
			strcat(all, ";");
		strcat(all, category_names[cat]);
		strcat(all, "=");
		strcat(all, l->names[cat]);
	}
	return all;
}

char *setlocale(int category, const char *name)
{
	struct __locale_struct *g = &__libc_global_locale;
	if (category < 0 || category > LC_ALL)
		return NULL;
	if (name) {
		int mask = category == LC_ALL ? LC_ALL_MASK : 1 << category;
		if (category != LC_ALL && strchr(name, '='))
			return NULL;
		if (!__libc_locale_names(mask, name, g->names))
			return NULL;
	}
	return category == LC_ALL ? name_of_all(g) : g->names[category];
}
