# SPDX-License-Identifier: BSD-2-Clause
t one -p 'mkdir a' -c 'test -e a || echo gone' -o 'gone\n' -- rmdir a
t parents -p 'mkdir -p a/b/c' -c 'test -e a || echo gone' -o 'gone\n' -- rmdir -p a/b/c
t not_empty -p 'mkdir a; touch a/f' -s 1 -e "a: Directory not empty" -- rmdir a
t missing -s 1 -e "a: No such file or directory" -- rmdir a
t file -p 'touch f' -s 1 -e "f: Not a directory" -- rmdir f
t no_args -s 2 -e usage -x -- rmdir
t missing_continues -p 'mkdir a b' -s 1 -e "nofile: No such file or directory" -c 'ls' -o 'b\n' -- rmdir nofile a
t bad_option -p 'mkdir a' -s 2 -e "invalid option -- 'Z'" -c 'ls' -o 'a\n' -x -- rmdir -Z a
