// SPDX-License-Identifier: BSD-2-Clause
// <wctype.h>: in the C locale a wide character has a class or a case only
// when it is ASCII (<ctype.h>'s answer); in C.UTF-8 the Unicode tables
// decide (gen_unicode.py says how each class is derived).
#include <ctype.h>
#include <string.h>
#include <wctype.h>

#include "../internal/locale.h"
#include "../internal/unicode.h"

/* Which answer applies: ASCII's, Unicode's, or none (not a character). */
enum source { NONE, ASCII, UNICODE };

static enum source source(wint_t wc)
{
	if ((uint32_t)wc < 0x80)
		return ASCII;
	return (uint32_t)wc < 0x110000 && __libc_utf8() ? UNICODE : NONE;
}

int iswalpha(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? isalpha((int)wc) != 0 : s == UNICODE && UC_IN(alpha, wc);
}

int iswdigit(wint_t wc)
{
	return (uint32_t)wc - '0' < 10;
}

int iswalnum(wint_t wc)
{
	return iswalpha(wc) || iswdigit(wc);
}

int iswxdigit(wint_t wc)
{
	return source(wc) == ASCII && isxdigit((int)wc);
}

int iswupper(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? isupper((int)wc) != 0 : s == UNICODE && UC_IN(upper, wc);
}

int iswlower(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? islower((int)wc) != 0 : s == UNICODE && UC_IN(lower, wc);
}

int iswspace(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? isspace((int)wc) != 0 : s == UNICODE && UC_IN(space, wc);
}

int iswblank(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? isblank((int)wc) != 0 : s == UNICODE && UC_IN(blank, wc);
}

int iswcntrl(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? iscntrl((int)wc) != 0 : s == UNICODE && UC_IN(cntrl, wc);
}

int iswprint(wint_t wc)
{
	enum source s = source(wc);
	return s == ASCII ? isprint((int)wc) != 0 : s == UNICODE && UC_IN(print, wc);
}

int iswgraph(wint_t wc)
{
	return iswprint(wc) && !iswspace(wc);
}

int iswpunct(wint_t wc)
{
	return iswgraph(wc) && !iswalnum(wc);
}

wint_t towupper(wint_t wc)
{
	enum source s = source(wc);
	if (s == ASCII)
		return (wint_t)toupper((int)wc);
	return s == UNICODE ? __uc_map(__uc_toupper, __uc_toupper_count, wc) : wc;
}

wint_t towlower(wint_t wc)
{
	enum source s = source(wc);
	if (s == ASCII)
		return (wint_t)tolower((int)wc);
	return s == UNICODE ? __uc_map(__uc_tolower, __uc_tolower_count, wc) : wc;
}

static int (*const classes[])(wint_t) = { iswalnum, iswalpha, iswblank, iswcntrl,
					  iswdigit, iswgraph, iswlower, iswprint,
					  iswpunct, iswspace, iswupper, iswxdigit };
static const char *const class_names[] = { "alnum", "alpha", "blank", "cntrl", "digit", "graph",
					   "lower", "print", "punct", "space", "upper", "xdigit" };

/* A class is its index plus one (0 is no class). */
wctype_t wctype(const char *name)
{
	for (unsigned i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (!strcmp(name, class_names[i]))
			return i + 1;
	return 0;
}

int iswctype(wint_t wc, wctype_t t)
{
	if (!t || t > sizeof(classes) / sizeof(classes[0]))
		return 0;
	return classes[t - 1](wc);
}

/* A mapping is the address of one of these two. */
static const int trans_upper, trans_lower;

wctrans_t wctrans(const char *name)
{
	if (!strcmp(name, "toupper"))
		return &trans_upper;
	if (!strcmp(name, "tolower"))
		return &trans_lower;
	return 0;
}

wint_t towctrans(wint_t wc, wctrans_t t)
{
	if (t == &trans_upper)
		return towupper(wc);
	if (t == &trans_lower)
		return towlower(wc);
	return wc;
}
