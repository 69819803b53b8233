# SPDX-License-Identifier: BSD-2-Clause
I='abc\n\001\377xyz'
t default -i "$I" -o '0000000 061141 005143 177401 074570 000172\n0000011\n' -- od
t chars -i "$I" -o '0000000   a   b   c  \\n 001 377   x   y   z\n0000011\n' -- od -c
t named -i "$I" -o '0000000   a   b   c  nl soh del   x   y   z\n0000011\n' -- od -t a
t hex_bytes -i "$I" -o '0000000 61 62 63 0a 01 ff 78 79 7a\n0000011\n' -- od -t x1
t octal_bytes -i "$I" -o '0000000 141 142 143 012 001 377 170 171 172\n0000011\n' -- od -t o1
t decimal_bytes -i "$I" -o '000000   97   98   99   10    1   -1  120  121  122\n000009\n' -- od -A x -t d1
t decimal_words -i "$I" -o '0000000  25185   2659   -255  31096    122\n0000011\n' -- od -t d2
t hex_ints -i "$I" -o '0000000 0a636261 7978ff01 0000007a\n0000011\n' -- od -t x4
t no_address -i "$I" -o ' 61 62 63 0a 01 ff 78 79 7a\n' -- od -A n -t x1
t decimal_address -i "$I" -o '0000000 141 142 143 012 001 377 170 171 172\n0000009\n' -- od -A d -b
t skip_count -i "$I" -o '0000001 142 143 012\n0000004\n' -- od -t o1 -j 1 -N 3
t two_types -i 'ab\n' -o '0000000  61  62  0a\n          a   b  \\n\n0000003\n' -- od -t x1 -t c
t repeated_lines -i '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' \
	-o '0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n*\n0000040 00 00 00 00 00 00 00 00\n0000050\n' -- od -t x1
t verbose -i '\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' \
	-o '0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000020 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000040\n' -- od -v -t x1
t files -p 'printf ab > a; printf cd > b' -o '0000000   a   b   c   d\n0000004\n' -- od -c a b
t empty -o '0000000\n' -- od -c
t missing -s 1 -e "nofile: No such file or directory" -- od nofile
t missing_one -p 'printf x > a' -s 1 -e "nofile: No such file or directory" -o '0000000   x\n0000001\n' -- od -c nofile a
t bad_type -s 1 -e "invalid" -x -- od -t q
t bad_size -s 1 -e "invalid" -x -- od -t x3
t bad_radix -s 1 -e "invalid" -x -- od -A z
t skip_past_end -i 'ab' -s 1 -e "cannot skip past end" -- od -j 5
t bad_option -s 1 -e "invalid option" -x -- od -Z
