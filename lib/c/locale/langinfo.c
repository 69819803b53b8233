// SPDX-License-Identifier: BSD-2-Clause
// nl_langinfo: the C locale's strings (POSIX's definitions of the POSIX
// locale), shared by C.UTF-8 except for the code set's name. An unknown
// item gives "", as POSIX asks.
#include <langinfo.h>

#include "../internal/locale.h"

static const char *const c_items[_NL_ITEM_COUNT] = {
	[D_T_FMT] = "%a %b %e %H:%M:%S %Y",
	[D_FMT] = "%m/%d/%y",
	[T_FMT] = "%H:%M:%S",
	[T_FMT_AMPM] = "%I:%M:%S %p",
	[AM_STR] = "AM",
	[PM_STR] = "PM",
	[DAY_1] = "Sunday",
	[DAY_2] = "Monday",
	[DAY_3] = "Tuesday",
	[DAY_4] = "Wednesday",
	[DAY_5] = "Thursday",
	[DAY_6] = "Friday",
	[DAY_7] = "Saturday",
	[ABDAY_1] = "Sun",
	[ABDAY_2] = "Mon",
	[ABDAY_3] = "Tue",
	[ABDAY_4] = "Wed",
	[ABDAY_5] = "Thu",
	[ABDAY_6] = "Fri",
	[ABDAY_7] = "Sat",
	[MON_1] = "January",
	[MON_2] = "February",
	[MON_3] = "March",
	[MON_4] = "April",
	[MON_5] = "May",
	[MON_6] = "June",
	[MON_7] = "July",
	[MON_8] = "August",
	[MON_9] = "September",
	[MON_10] = "October",
	[MON_11] = "November",
	[MON_12] = "December",
	[ABMON_1] = "Jan",
	[ABMON_2] = "Feb",
	[ABMON_3] = "Mar",
	[ABMON_4] = "Apr",
	[ABMON_5] = "May",
	[ABMON_6] = "Jun",
	[ABMON_7] = "Jul",
	[ABMON_8] = "Aug",
	[ABMON_9] = "Sep",
	[ABMON_10] = "Oct",
	[ABMON_11] = "Nov",
	[ABMON_12] = "Dec",
	[RADIXCHAR] = ".",
	[YESEXPR] = "^[yY]",
	[NOEXPR] = "^[nN]",
	[CRNCYSTR] = "-",
};

char *nl_langinfo_l(nl_item item, locale_t l)
{
	if (l == LC_GLOBAL_LOCALE)
		l = &__libc_global_locale;
	if (item == CODESET)
		return __libc_locale_utf8(l) ? "UTF-8" : "ANSI_X3.4-1968";
	if (item < 0 || item >= _NL_ITEM_COUNT || !c_items[item])
		return "";
	return (char *)c_items[item];
}

char *nl_langinfo(nl_item item)
{
	return nl_langinfo_l(item, __libc_locale());
}
