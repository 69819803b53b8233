# SPDX-License-Identifier: BSD-2-Clause
t default -i '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' -o '3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' -- tail
t n -i 'a\nb\nc\n' -o 'b\nc\n' -- tail -n 2
t n_more -i 'a\nb\n' -o 'a\nb\n' -- tail -n 5
t n_zero -i 'a\nb\n' -o '' -- tail -n 0
t plus -i 'a\nb\nc\n' -o 'b\nc\n' -- tail -n +2
t plus_one -i 'a\nb\n' -o 'a\nb\n' -- tail -n +1
t c -i 'abcdef' -o 'def' -- tail -c 3
t c_plus -i 'abcdef' -o 'cdef' -- tail -c +3
t no_newline -i 'a\nb\nc' -o 'b\nc' -- tail -n 2
t file -p 'printf "1\\n2\\n3\\n" > f' -o '3\n' -- tail -n 1 f
t missing -s 1 -e "nofile: No such file or directory" -- tail nofile
t bad_count -s 2 -e "invalid number of lines" -x -- tail -n x
