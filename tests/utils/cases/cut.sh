# SPDX-License-Identifier: BSD-2-Clause
t bytes -i 'abcdef\n' -o 'bcd\n' -- cut -b 2-4
t chars -i 'abcdef\n' -o 'ace\n' -- cut -c 1,3,5
t open_end -i 'abcdef\n' -o 'def\n' -- cut -c 4-
t open_start -i 'abcdef\n' -o 'ab\n' -- cut -c -2
t fields_tab -i 'a\tb\tc\n' -o 'b\n' -- cut -f 2
t fields_delim -i 'a:b:c\n1:2:3\n' -o 'a:c\n1:3\n' -- cut -d : -f 1,3
t fields_range -i 'a,b,c,d\n' -o 'b,c,d\n' -- cut -d , -f 2-
t no_delim -i 'abc\nx:y\n' -o 'abc\ny\n' -- cut -d : -f 2
t only_delimited -i 'abc\nx:y\n' -o 'y\n' -- cut -s -d : -f 2
t missing_field -i 'a:b\n' -o '\n' -- cut -d : -f 5
t overlap -i 'abcdef\n' -o 'abcd\n' -- cut -c 1-3,2-4
t file -p 'printf "1 2\\n" > f' -o '2\n' -- cut -d ' ' -f 2 f
t no_list -s 2 -e "specify a list" -x -- cut
t bad_list -s 1 -e "invalid" -x -- cut -f 0
t bad_delim -s 1 -e "delimiter" -x -- cut -d ab -f 1
t missing -s 1 -e "nofile: No such file or directory" -- cut -f 1 nofile
t missing_continues -p 'printf "1 2\\n" > f' -s 1 -e "nofile: No such file or directory" -o '2\n' -- cut -d ' ' -f 2 nofile f
t delim_no_arg -s 2 -e "option requires an argument -- 'd'" -x -- cut -f 1 -d
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- cut -Z -f 1
