# SPDX-License-Identifier: BSD-2-Clause
P='printf "abc\ndef\n" > a; printf "abc\nxeg\n" > b; printf "abc\n" > c; : > e'
t same -p "$P" -- cmp a a
t differ -p "$P" -s 1 -o 'a b differ: char 5, line 2\n' -- cmp a b
t silent -p "$P" -s 1 -- cmp -s a b
t silent_same -p "$P" -- cmp -s a a
t list -p "$P" -s 1 -o '5 144 170\n7 146 147\n' -- cmp -l a b
t list_width -p 'i=0; while [ $i -lt 20 ]; do echo xxxxxx; i=$((i+1)); done > a; sed 2s/x/y/ a > b' \
	-s 1 -o '  8 170 171\n' -- cmp -l a b
t shorter -p "$P" -s 1 -e "EOF on c after byte 4, line 1" -- cmp c a
t shorter_list -p "$P" -s 1 -e "EOF on c after byte 4" -- cmp -l a c
t shorter_silent -p "$P" -s 1 -- cmp -s a c
t empty -p "$P" -s 1 -e "EOF on e which is empty" -- cmp e a
t stdin -p "$P" -i 'abc\nxeg\n' -s 1 -o 'a - differ: char 5, line 2\n' -- cmp a -
t stdin_implied -p "$P" -i 'abc\ndef\n' -- cmp a
t skips -p 'printf "xxabc" > a; printf "yabc" > b' -- cmp a b 2 1
t missing -p "$P" -s 2 -e "nofile: No such file or directory" -- cmp a nofile
t missing_silent -p "$P" -s 2 -e "nofile: No such file or directory" -- cmp -s a nofile
t no_operand -s 2 -e "missing operand" -x -- cmp
t bad_option -s 2 -e "invalid option" -x -- cmp -Z a b
