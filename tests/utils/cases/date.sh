# SPDX-License-Identifier: BSD-2-Clause
t epoch -o '1970-01-01 00:00:00\n' -- date -u -d @0 '+%Y-%m-%d %H:%M:%S'
t seconds -o '2001-09-09T01:46:40\n' -- date -u -d @1000000000 +%Y-%m-%dT%H:%M:%S
t default_form -o 'Sun Sep  9 01:46:40 UTC 2001\n' -- date -u -d @1000000000
t literal -o 'day 252 of 2001\n' -- date -u -d @1000000000 '+day %j of %Y'
t now_year -o "$(date -u +%Y)\n" -- date -u +%Y
t set_refused -s 1 -e "not supported" -x -- date 010100002001
t bad_date -s 1 -e "invalid date" -x -- date -d @x
t bad_set_date -s 1 -e "invalid date" -x -- date -s @x
t set_not_seconds -s 2 -e "only @seconds" -x -- date -s 2001-01-01
t date_no_arg -s 2 -e "option requires an argument -- 'd'" -x -- date -d
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- date -Z
