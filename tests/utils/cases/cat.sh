# SPDX-License-Identifier: BSD-2-Clause
t stdin -i 'abc\ndef\n' -o 'abc\ndef\n' -- cat
t file -p 'printf "x\\ny\\n" > f' -o 'x\ny\n' -- cat f
t files -p 'echo a > a; echo b > b' -o 'a\nb\n' -- cat a b
t dash -p 'echo a > a' -i 'in\n' -o 'a\nin\na\n' -- cat a - a
t no_newline -i 'abc' -o 'abc' -- cat
t binary -i 'a\0b\377' -o 'a\0b\377' -- cat
t u_flag -i 'z\n' -o 'z\n' -- cat -u
t missing -s 1 -e "nofile: No such file or directory" -- cat nofile
t missing_continues -p 'echo ok > a' -s 1 -o 'ok\n' -e nofile -- cat nofile a
t directory -p 'mkdir d' -s 1 -e "d: Is a directory" -- cat d
t bad_option -s 2 -e "invalid option" -x -- cat -Z
