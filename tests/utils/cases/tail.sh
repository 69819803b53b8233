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
t follow -p 'printf "a\\nb\\n" > f' -o 'b\nc\n' -u tail -- sh -c '"$BIN/tail" -f -n 1 f > out & p=$!; sleep 1; echo c >> f; sleep 1; kill $p; wait $p 2>/dev/null; cat out'
t follow_truncated -p 'printf "a\\nb\\n" > f' -o 'b\nz\n' -u tail -- sh -c '"$BIN/tail" -f -n 1 f > out 2>err & p=$!; sleep 1; echo z > f; sleep 1; kill $p; wait $p 2>/dev/null; cat out; grep -q "f: file truncated" err'
t follow_missing -s 1 -e "nofile: No such file or directory" -- tail -f nofile
t bad_option -s 2 -e "invalid option -- 'Z'" -x -- tail -Z
