/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * date's operand that sets the clock, POSIX's MMDDhhmm[[CC]YY][.ss], in
 * the local time zone (UTC with -u). Pure but for mktime and localtime_r:
 * the host's utility tests run it.
 */
#ifndef DATE_OPERAND_H
#define DATE_OPERAND_H

#include <stdbool.h>
#include <time.h>

/* The time s names, now giving the year when s has none: true and *out,
 * or false when s is not of the form or names no time (a month 13, 30
 * February, a year before 1970). A two-digit year YY is 19YY for 69-99,
 * 20YY for 00-68, as POSIX says. */
bool date_operand(const char *s, time_t now, time_t *out);

#endif
