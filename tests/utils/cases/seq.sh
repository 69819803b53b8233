# SPDX-License-Identifier: BSD-2-Clause
t last -o '1\n2\n3\n' -- seq 3
t first_last -o '5\n6\n7\n' -- seq 5 7
t incr -o '1\n4\n7\n10\n' -- seq 1 3 10
t down -o '5\n3\n1\n' -- seq 5 -2 1
t negative -o '-2\n-1\n0\n' -- seq -2 0
t empty -o '' -- seq 5 1
t sep -o '1,2,3\n' -- seq -s , 3
t width -o '08\n09\n10\n' -- seq -w 8 10
t fraction -o '0.5\n1.0\n1.5\n' -- seq 0.5 0.5 1.5
t bad -s 1 -e "invalid floating point argument" -- seq x
t zero_incr -s 1 -e "Zero increment" -- seq 1 0 5
t no_args -s 2 -e usage -x -- seq
t bad_option -s 2 -e "invalid option '-Z'" -x -- seq -Z 3
t sep_no_arg -s 2 -e "option requires an argument -- 's'" -x -- seq -s
