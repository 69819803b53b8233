# SPDX-License-Identifier: BSD-2-Clause
t stdin -i 'one two\nthree\n' -o '      2       3      14\n' -- wc
t lines -i 'a\nb\nc\n' -o '3\n' -- wc -l
t words -i '  a  b\t c \n' -o '3\n' -- wc -w
t bytes -i 'abcd' -o '4\n' -- wc -c
t chars -i 'abcd' -o '4\n' -- wc -m
t empty -i '' -o '0\n' -- wc -l
t file -p 'printf "a b\\nc\\n" > f' -o '2 3 6 f\n' -- wc f
t file_l -p 'printf "a\\nb\\n" > f' -o '2 f\n' -- wc -l f
t total -p 'printf "a\\n" > f; printf "b c\\n" > g' -o '1 1 2 f\n1 2 4 g\n2 3 6 total\n' -- wc f g
t missing -s 1 -e "nofile: No such file or directory" -- wc nofile
t bad_option -s 2 -e "invalid option" -x -- wc -Z
