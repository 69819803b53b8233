# SPDX-License-Identifier: BSD-2-Clause
t canonical -i 'abc\n' -o '00000000  61 62 63 0a                                       |abc.|\n00000004\n' -- hexdump -C
t canonical_full -i '0123456789abcdefXY' -o '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n00000010  58 59                                             |XY|\n00000012\n' -- hexdump -C
t canonical_repeat -i 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' -o '00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 61  |aaaaaaaaaaaaaaaa|\n*\n00000030  62                                                |b|\n00000031\n' -- hexdump -C
t canonical_binary -i '\0\001\377' -o '00000000  00 01 ff                                          |...|\n00000003\n' -- hexdump -C
# The host's hexdump pads the default form's lines with blanks; ours does not.
t default -i 'abcd' -o '0000000 6261 6463\n0000004\n' -x -- hexdump
t default_odd -i 'abc' -o '0000000 6261 0063\n0000003\n' -x -- hexdump
t empty -i '' -o '' -- hexdump -C
t file -p 'printf "hi" > f' -o '00000000  68 69                                             |hi|\n00000002\n' -- hexdump -C f
t missing -s 1 -e "nofile: No such file or directory" -x -- hexdump -C nofile
t bad_option -s 2 -e "invalid option" -x -- hexdump -Z
