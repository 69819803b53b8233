# SPDX-License-Identifier: BSD-2-Clause
t rename -p 'echo x > a' -c 'ls; cat b' -o 'b\nx\n' -- mv a b
t into_dir -p 'echo x > a; mkdir d' -c 'ls; cat d/a' -o 'd\nx\n' -- mv a d
t several -p 'touch a b; mkdir d' -c 'ls d' -o 'a\nb\n' -- mv a b d
t dir -p 'mkdir d; touch d/f' -c 'ls e' -o 'f\n' -- mv d e
t overwrite -p 'echo new > a; echo old > b' -c 'cat b' -o 'new\n' -- mv a b
t missing -s 1 -e "nofile: No such file or directory" -- mv nofile b
t several_not_dir -p 'touch a b c' -s 1 -e "is not a directory" -- mv a b c
t one_arg -p 'touch a' -s 2 -e "missing destination" -x -- mv a
t missing_continues -p 'touch a; mkdir d' -s 1 -e "nofile: No such file or directory" -c 'ls d' -o 'a\n' -- mv nofile a d
t bad_option -p 'touch a' -s 2 -e "invalid option -- 'Q'" -c 'ls' -o 'a\n' -x -- mv -Q a b
