# SPDX-License-Identifier: BSD-2-Clause
t epoch -o '1970-01-01 00:00:00\n' -- date -u -d @0 '+%Y-%m-%d %H:%M:%S'
t seconds -o '2001-09-09T01:46:40\n' -- date -u -d @1000000000 +%Y-%m-%dT%H:%M:%S
t default_form -o 'Sun Sep  9 01:46:40 UTC 2001\n' -- date -u -d @1000000000
t literal -o 'day 252 of 2001\n' -- date -u -d @1000000000 '+day %j of %Y'
t now_year -o "$(date -u +%Y)\n" -- date -u +%Y
t bad_date -s 1 -e "invalid date" -x -- date -d @x
t bad_set_date -s 1 -e "invalid date" -x -- date -s @x
t set_not_seconds -s 2 -e "only @seconds" -x -- date -s 2001-01-01
t date_no_arg -s 2 -e "option requires an argument -- 'd'" -x -- date -d
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- date -Z
# POSIX's operand MMDDhhmm[[CC]YY][.ss] sets the clock: only refusals here,
# which come before any setting (a good one would set the host's clock;
# tests/utils/inos/date.sh sets and restores Verdigris's). Status 1 and a
# message, as GNU's.
t posix_bad_month -s 1 -e "invalid date '13010000'" -- date 13010000
t posix_no_such_day -s 1 -e "invalid date '02300000'" -- date 02300000
t posix_april_31 -s 1 -e "invalid date" -- date 043112002001
t posix_hour_24 -s 1 -e "invalid date" -- date 01012400
t posix_minute_60 -s 1 -e "invalid date" -- date 01012360
t posix_seven_digits -s 1 -e "invalid date" -- date 0101000
t posix_nine_digits -s 1 -e "invalid date" -- date 010100001
t posix_eleven_digits -s 1 -e "invalid date" -- date 01010000200
t posix_one_second_digit -s 1 -e "invalid date" -- date 01010000.5
t posix_seconds_61 -s 1 -e "invalid date" -x -- date 01010000.61
t posix_not_digits -s 1 -e "invalid date '0101a000'" -- date 0101a000
t posix_before_1970 -s 1 -e "invalid date" -x -- date 010100001969
t posix_with_a_format -s 2 -e "extra operand '+%Y'" -x -- date 010100002001 +%Y
t posix_after_d -s 2 -e "extra operand '010100002001'" -x -- date -d @0 010100002001
