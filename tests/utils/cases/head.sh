# SPDX-License-Identifier: BSD-2-Clause
t default -i '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' -o '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n' -- head
t n -i 'a\nb\nc\n' -o 'a\nb\n' -- head -n 2
t n_more -i 'a\nb\n' -o 'a\nb\n' -- head -n 5
t n_zero -i 'a\nb\n' -o '' -- head -n 0
t c -i 'abcdef' -o 'abc' -- head -c 3
t no_newline -i 'a\nb' -o 'a\nb' -- head -n 5
t files -p 'printf "1\\n2\\n" > a; printf "3\\n" > b' -o '==> a <==\n1\n\n==> b <==\n3\n' -- head -n 1 a b
t missing -s 1 -e "nofile: No such file or directory" -- head nofile
t bad_count -s 2 -e "invalid number of lines" -x -- head -n x
t bad_option -s 2 -e "invalid option" -x -- head -Z
