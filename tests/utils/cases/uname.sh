# SPDX-License-Identifier: BSD-2-Clause
t sysname -o "$(uname -s)\n" -- uname
t s -o "$(uname -s)\n" -- uname -s
t m -o "$(uname -m)\n" -- uname -m
t n -o "$(uname -n)\n" -- uname -n
t r -o "$(uname -r)\n" -- uname -r
t sm -o "$(uname -s) $(uname -m)\n" -- uname -m -s
t all -o "$(uname -s) $(uname -n) $(uname -r) $(uname -v) $(uname -m)\n" -x -- uname -a
t extra -s 2 -e "extra operand" -x -- uname x
t bad_option -s 2 -e "invalid option" -x -- uname -Z
