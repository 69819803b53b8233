# SPDX-License-Identifier: BSD-2-Clause
t ignore -o 'A=1\n' -- env -i A=1
t ignore_two -o 'A=1\nB=x y\n' -- env -i A=1 'B=x y'
t run -o 'hello\n' -- env -i /bin/echo hello
t set_for_command -o 'V=2\n' -- env -i V=2 /usr/bin/env
t unset -o 'B=2\n' -- env -i A=1 B=2 /usr/bin/env -u A
t dash -o '' -- env - 
t not_found -s 127 -e "nosuchcommand" -- env nosuchcommand
t bad_option -s 125 -e "usage" -x -- env -Z
