# SPDX-License-Identifier: BSD-2-Clause
L='one\ntwo\nthree\nfour\n'
t s_first -i 'aaa\n' -o 'baa\n' -- sed 's/a/b/'
t s_global -i 'aaa\nxa\n' -o 'bbb\nxb\n' -- sed 's/a/b/g'
t s_nth -i 'aaaa\n' -o 'aaba\n' -- sed 's/a/b/3'
t s_nth_global -i 'aaaa\n' -o 'abbb\n' -- sed 's/a/b/2g'
t s_print -i "$L" -o 'tWo\n' -- sed -n 's/w/W/p'
t s_amp -i 'cat\n' -o '[cat]\n' -- sed 's/.*/[&]/'
t s_escaped_amp -i 'cat\n' -o 'c&t\n' -- sed 's/a/\&/'
t s_backrefs -i 'hello world\n' -o 'world hello\n' -- sed 's/\(hello\) \(world\)/\2 \1/'
t s_ere -i 'aab abb\n' -o '<aa>b <a>bb\n' -- sed -E 's/(a+)(b)/<\1>\2/g'
t s_empty_matches -i 'abc\n' -o '-a-b-c-\n' -- sed 's/x*/-/g'
t s_delimiter -i '/usr/bin\n' -o '/opt/bin\n' -- sed 's|/usr|/opt|'
t s_escaped_delimiter -i 'a/b\n' -o 'a_b\n' -- sed 's/\//_/'
t s_newline_in -i 'a\nb\n' -o 'a+b\n' -- sed 'N;s/\n/+/'
t s_newline_out -i 'a,b\n' -o 'a\nb\n' -- sed 's/,/\n/'
t s_reuse_regex -i 'foo bar\nbaz\n' -o 'X bar\nbaz\n' -- sed '/foo/s//X/'
t s_class -i 'a b\tc\n' -o 'a_b_c\n' -- sed 's/[[:space:]]/_/g'
t delete -i "$L" -o 'one\nthree\nfour\n' -- sed 2d
t delete_last -i "$L" -o 'one\ntwo\nthree\n' -- sed '$d'
t print_quiet -i "$L" -o 'two\n' -- sed -n 2p
t print_twice -i 'a\n' -o 'a\na\n' -- sed p
t quit -i "$L" -o 'one\ntwo\n' -- sed 2q
t quit_status -i "$L" -s 3 -o 'one\n' -- sed 'q3'
t range_lines -i "$L" -o 'two\nthree\n' -- sed -n 2,3p
t range_regex -i "$L" -o 'one\nfour\n' -- sed '/two/,/three/d'
t range_to_last -i "$L" -o 'one\ntwo\n' -- sed '/three/,$d'
t range_backwards -i "$L" -o 'three\n' -- sed -n '3,1p'
t range_twice -i 'a\nb\nx\na\nb\n' -o 'x\n' -- sed '/a/,/b/d'
t negate -i "$L" -o 'two\n' -- sed '2!d'
t negate_range -i "$L" -o 'two\nthree\n' -- sed '2,3!d'
t regex_address -i "$L" -o 'two\nthree\n' -- sed -n '/t/p'
t custom_delimiter_address -i 'a/b\nc\n' -o 'c\n' -- sed '\,/,d'
t append -i 'a\nb\n' -o 'a\nnew\nb\n' -- sed '1a\
new'
t append_gnu -i 'a\nb\n' -o 'a\nb\nend\n' -- sed '$a end'
t insert -i 'a\nb\n' -o 'a\nnew\nb\n' -- sed '2i\
new'
t change -i "$L" -o 'one\nX\nfour\n' -- sed '2,3c\
X'
t change_each -i "$L" -o 'one\nX\nX\nfour\n' -- sed '/t/c\
X'
t append_two_lines -i 'a\n' -o 'a\nl1\nl2\n' -- sed 'a\
l1\
l2'
t append_split_e -i 'a\n' -o 'a\nx\n' -- sed -e 'a\' -e x
t transliterate -i 'hello\n' -o 'HELLo\n' -- sed 'y/hel/HEL/'
t transliterate_newline -i 'a\nb\n' -o 'a b\n' -- sed 'N;y/\n/ /'
t line_number -i 'a\nb\n' -o '1\na\n2\nb\n' -- sed =
t line_number_last -i 'a\nb\n' -o '2\n' -- sed -n '$='
t next -i "$L" -o 'one\nthree\n' -- sed 'n;d'
t next_at_end -i 'a\n' -o 'a\n' -- sed 'n;d'
t join_pairs -i "$L" -o 'one two\nthree four\n' -- sed 'N;s/\n/ /'
t join_odd_end -i 'a\nb\nc\n' -o 'a b\nc\n' -- sed 'N;s/\n/ /'
t join_all -i "$L" -o 'one,two,three,four\n' -- sed ':a;N;$!ba;s/\n/,/g'
t block -i "$L" -o 'one\nTWO\nTWO\nthree\nfour\n' -- sed '/two/{s/two/TWO/;p;}'
t hold -i "$L" -o 'four\nthree\ntwo\none\n' -- sed -n '1!G;h;$p'
t branch_t -i 'aaa\n' -o 'bbb\n' -- sed ':x;s/a/b/;tx'
t delete_first_line -i "$L" -o 'four\n' -- sed '$!N;$!D;s/.*\n//'
t multiple_e -i "$L" -o 'one\nfour\n' -- sed -e 2d -e 3d
t script_file -p 'printf "s/o/0/g\n2d\n" > s' -i "$L" -o '0ne\nthree\nf0ur\n' -- sed -f s
t comment_n -i "$L" -o 'two\n' -- sed '#n
2p'
t files -p 'echo a > x; echo b > y' -o 'a\nB\n' -- sed '$s/b/B/' x y
t no_newline_at_end -i 'a\nb' -o 'a\nb\nb' -- sed '$p'
t missing_file -p 'echo a > x' -s 2 -o 'a\n' -e "nofile: No such file or directory" -- sed -n p nofile x
t no_script -s 1 -e usage -x -- sed
t bad_option -s 1 -e "invalid option" -x -- sed -Z p
t bad_command -s 1 -e "unknown command" -x -- sed k
t unterminated_s -s 1 -e "unterminated" -x -- sed 's/a/b'
t unknown_s_flag -s 1 -e "extra characters" -x -- sed 's/a/b/z'
t bad_backref -s 1 -e "invalid reference" -x -- sed 's/a/\1/'
t bad_regex -s 1 -e "Unmatched" -x -- sed '/a\(/d'
t unmatched_brace -s 1 -e "unmatched" -x -- sed '{p'
t y_lengths -s 1 -e "different lengths" -x -- sed 'y/ab/c/'
t bad_label -s 1 -e "can't find label" -x -- sed 'b nowhere'
t missing_script_file -s 1 -e "nofile: No such file" -x -- sed -f nofile
