# date sets the clock as root (the scripts run as uid 0 without the root
# resource: through /dev/rtc0): -s @seconds and POSIX's
# MMDDhhmm[[CC]YY][.ss], here in UTC (-u); the year defaults to the
# clock's; bad dates are refused with status 1 and the clock stays. Put
# back (to within a few seconds) at the end.
start=$(date +%s)
date -u 090901462001.40; echo "set $?"
date -u '+%Y-%m-%d %H:%M'
date -u 0101000070 > /dev/null; date -u +%Y-%m-%d
date -u 1231235999.30; date -u '+%Y %m'
date -u 0229000099 2>&1; echo "not leap $?"
date -u 0101000000 > /dev/null; date -u 02291230; echo "this year $?"
date -u 13010000 2>&1; echo "month 13 $?"
date -u +%Y
date -u -s @1000000000; echo "at $?"
date -s @$((start + 3)) > /dev/null; [ $(date +%Y) -ge 2025 ] && echo restored
