# SPDX-License-Identifier: BSD-2-Clause
t plain -i 'a\na\nb\na\n' -o 'a\nb\na\n' -- uniq
t count -i 'a\na\nb\n' -o '      2 a\n      1 b\n' -- uniq -c
t repeated -i 'a\na\nb\nc\nc\n' -o 'a\nc\n' -- uniq -d
t unique -i 'a\na\nb\nc\nc\n' -o 'b\n' -- uniq -u
t empty -i '' -o '' -- uniq
t no_newline -i 'a\na' -o 'a\n' -- uniq
t file -p 'printf "x\\nx\\n" > f' -o 'x\n' -- uniq f
t output -p 'printf "x\\nx\\ny\\n" > f' -c 'cat out' -o 'x\ny\n' -- uniq f out
t missing -s 1 -e "nofile: No such file or directory" -- uniq nofile
t bad_option -s 2 -e "invalid option" -x -- uniq -Z
