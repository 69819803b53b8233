# SPDX-License-Identifier: BSD-2-Clause
# Each case runs in $WORK/d.
t physical -o "$(cd "$WORK" && pwd -P)/d\n" -- pwd -P
t logical -o "$(cd "$WORK" && pwd -P)/d\n" -- pwd -L
t bad_option -s 2 -e "invalid option" -x -- pwd -Z
