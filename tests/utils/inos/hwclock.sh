# hwclock: the chip's time in UTC (-r, the default); -s sets the system
# time from the chip, -w the chip from the system time (root, as these
# scripts run); setting the time with date writes the chip too; bad
# options and operands refused.
hwclock -r | grep -c '^20[2-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]+00:00$'
start=$(date +%s)
date -s @1000000000 > /dev/null; hwclock | cut -c 1-13
hwclock -s; echo "s $?"; date -u '+%Y-%m-%d %H'
date -s @$((start + 1)) > /dev/null; [ $(hwclock | cut -c 1-4) -ge 2025 ] && echo chip follows
hwclock -w; echo "w $?"; [ $(hwclock | cut -c 1-4) -ge 2025 ] && echo chip written
hwclock -x 2>&1; echo "bad option $?"
hwclock -r -w 2>&1; echo "two modes $?"
hwclock -f /dev/null 2>&1; echo "not a clock $?"
