// SPDX-License-Identifier: BSD-2-Clause
// strftime in the C locale (UTC, so %z is +0000 and %Z is UTC). Every C11
// conversion except the E and O modifiers' alternatives, which are ignored.
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const wdays[] = { "Sunday",	 "Monday", "Tuesday", "Wednesday",
				     "Thursday", "Friday", "Saturday" };
static const char *const months[] = { "January",   "February", "March",	   "April",
				      "May",	   "June",     "July",	   "August",
				      "September", "October",  "November", "December" };

struct out {
	char *s;
	size_t max, n;
	int full;
};

static void put(struct out *o, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (o->n + 1 >= o->max) {
			o->full = 1;
			return;
		}
		o->s[o->n++] = p[i];
	}
}

static void putnum(struct out *o, long v, int width, char pad)
{
	char b[32];
	int n = pad == '0' ? snprintf(b, sizeof(b), "%0*ld", width, v)
			   : snprintf(b, sizeof(b), "%*ld", width, v);
	put(o, b, (size_t)n);
}

static int iso_week(const struct tm *tm, long *year)
{
	int wday = (tm->tm_wday + 6) % 7; /* Monday 0 */
	int week = (tm->tm_yday - wday + 10) / 7;
	long y = (long)tm->tm_year + 1900;
	if (week < 1) {
		y--;
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		int yday = tm->tm_yday + 365 + leap;
		week = (yday - wday + 10) / 7;
	} else {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (week == 53 && tm->tm_yday - wday + 3 >= 365 + leap) {
			week = 1;
			y++;
		}
	}
	*year = y;
	return week;
}

static void conv(struct out *o, char c, const struct tm *tm);

static void sub(struct out *o, const char *fmt, const struct tm *tm)
{
	for (; *fmt; fmt++) {
		if (*fmt == '%' && fmt[1])
			conv(o, *++fmt, tm);
		else
			put(o, fmt, 1);
	}
}

static void conv(struct out *o, char c, const struct tm *tm)
{
	long y;
	switch (c) {
	case 'a': put(o, wdays[tm->tm_wday % 7], 3); break;
	case 'A': put(o, wdays[tm->tm_wday % 7], strlen(wdays[tm->tm_wday % 7])); break;
	case 'b':
	case 'h': put(o, months[tm->tm_mon % 12], 3); break;
	case 'B': put(o, months[tm->tm_mon % 12], strlen(months[tm->tm_mon % 12])); break;
	case 'c': sub(o, "%a %b %e %H:%M:%S %Y", tm); break;
	case 'C': putnum(o, ((long)tm->tm_year + 1900) / 100, 2, '0'); break;
	case 'd': putnum(o, tm->tm_mday, 2, '0'); break;
	case 'D': sub(o, "%m/%d/%y", tm); break;
	case 'e': putnum(o, tm->tm_mday, 2, ' '); break;
	case 'F': sub(o, "%Y-%m-%d", tm); break;
	case 'g':
		iso_week(tm, &y);
		putnum(o, y % 100, 2, '0');
		break;
	case 'G':
		iso_week(tm, &y);
		putnum(o, y, 1, '0');
		break;
	case 'H': putnum(o, tm->tm_hour, 2, '0'); break;
	case 'I': putnum(o, tm->tm_hour % 12 ? tm->tm_hour % 12 : 12, 2, '0'); break;
	case 'j': putnum(o, tm->tm_yday + 1, 3, '0'); break;
	case 'm': putnum(o, tm->tm_mon + 1, 2, '0'); break;
	case 'M': putnum(o, tm->tm_min, 2, '0'); break;
	case 'n': put(o, "\n", 1); break;
	case 'p': put(o, tm->tm_hour < 12 ? "AM" : "PM", 2); break;
	case 'r': sub(o, "%I:%M:%S %p", tm); break;
	case 'R': sub(o, "%H:%M", tm); break;
	case 's': {
		struct tm t = *tm;
		putnum(o, (long)timegm(&t), 1, '0');
		break;
	}
	case 'S': putnum(o, tm->tm_sec, 2, '0'); break;
	case 't': put(o, "\t", 1); break;
	case 'T': sub(o, "%H:%M:%S", tm); break;
	case 'u': putnum(o, tm->tm_wday ? tm->tm_wday : 7, 1, '0'); break;
	case 'U': putnum(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0'); break;
	case 'V': putnum(o, iso_week(tm, &y), 2, '0'); break;
	case 'w': putnum(o, tm->tm_wday, 1, '0'); break;
	case 'W': putnum(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0'); break;
	case 'x': sub(o, "%m/%d/%y", tm); break;
	case 'X': sub(o, "%H:%M:%S", tm); break;
	case 'y': putnum(o, ((long)tm->tm_year + 1900) % 100, 2, '0'); break;
	case 'Y': putnum(o, (long)tm->tm_year + 1900, 1, '0'); break;
	case 'z': put(o, "+0000", 5); break;
	case 'Z': put(o, "UTC", 3); break;
	case '%': put(o, "%", 1); break;
	default: {
		char b[2] = { '%', c };
		put(o, b, 2);
	}
	}
}

size_t strftime(char *restrict s, size_t max, const char *restrict fmt,
		const struct tm *restrict tm)
{
	struct out o = { s, max, 0, 0 };
	if (!max)
		return 0;
	for (; *fmt && !o.full; fmt++) {
		if (*fmt != '%' || !fmt[1]) {
			put(&o, fmt, 1);
			continue;
		}
		fmt++;
		while (*fmt == 'E' || *fmt == 'O')
			fmt++;
		if (!*fmt)
			break;
		conv(&o, *fmt, tm);
	}
	s[o.n] = 0;
	return o.full ? 0 : o.n;
}
