# SPDX-License-Identifier: BSD-2-Clause
t plain -i 'c\na\nb\n' -o 'a\nb\nc\n' -- sort
t bytes -i 'b\nB\na\nA\n' -o 'A\nB\na\nb\n' -- sort
t reverse -i 'a\nc\nb\n' -o 'c\nb\na\n' -- sort -r
t numeric -i '10\n9\n-1\n2.5\n100\n' -o '-1\n2.5\n9\n10\n100\n' -- sort -n
t numeric_reverse -i '1\n3\n2\n' -o '3\n2\n1\n' -- sort -rn
t numeric_ties -i 'b 1\na 1\n' -o 'a 1\nb 1\n' -- sort -n
t unique -i 'b\na\nb\na\n' -o 'a\nb\n' -- sort -u
t key -i 'x 3\ny 1\nz 2\n' -o 'y 1\nz 2\nx 3\n' -- sort -k 2
t key_numeric -i 'a 10\nb 9\nc 100\n' -o 'b 9\na 10\nc 100\n' -- sort -k 2n
t key_tab -i 'a:3\nb:1\nc:2\n' -o 'b:1\nc:2\na:3\n' -- sort -t : -k 2
t key_range -i 'a b 2\na a 1\n' -o 'a a 1\na b 2\n' -- sort -k 1,2
t key_reverse -i 'a 1\nb 2\n' -o 'b 2\na 1\n' -- sort -k 2r
t key_second_key -i 'x 1 b\ny 1 a\nz 0 c\n' -o 'z 0 c\ny 1 a\nx 1 b\n' -- sort -k 2,2n -k 3
t key_char -i 'xb\nya\n' -o 'ya\nxb\n' -- sort -k 1.2
t unique_key -i 'a 1\nb 1\nc 2\n' -o 'a 1\nc 2\n' -- sort -u -k 2
t files -p 'printf "b\\na\\n" > f; printf "c\\n" > g' -o 'a\nb\nc\n' -- sort f g
t no_newline -i 'b\na' -o 'a\nb\n' -- sort
t empty -i '' -o '' -- sort
t missing -s 2 -e "nofile: No such file or directory" -- sort nofile
t bad_key -s 2 -e "invalid key" -x -- sort -k 0
t bad_option -s 2 -e "invalid option" -x -- sort -Z
