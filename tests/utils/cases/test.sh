# SPDX-License-Identifier: BSD-2-Clause
t empty -s 1 -- test
t string -- test abc
t empty_string -s 1 -- test ''
t n -- test -n x
t z -- test -z ''
t not -s 1 -- test ! x
t eq -- test abc = abc
t ne -- test abc != abd
t int_eq -- test 10 -eq 10
t int_lt -- test 3 -lt 10
t int_gt_false -s 1 -- test 3 -gt 10
t int_ge -- test -5 -ge -5
t bad_int -s 2 -e "integer" -- test x -eq 1
t file_f -p 'touch f' -- test -f f
t file_d -p 'mkdir d' -- test -d d
t file_d_not -p 'touch f' -s 1 -- test -d f
t file_e_missing -s 1 -- test -e nothing
t file_s -p 'echo x > f; touch e' -- test -s f
t file_s_empty -p 'touch e' -s 1 -- test -s e
t link -p 'ln -s x l' -- test -h l
t and -- test a -a b
t and_false -s 1 -- test a -a ''
t or -- test '' -o b
t paren -- test '(' a = a ')'
t complex -- test a = b -o '(' 1 -lt 2 -a c ')'
t not_complex -s 1 -- test ! a = a -o ! b = b
t bracket -- [ 1 -lt 2 ]
t bracket_missing -s 2 -e "missing ']'" -x -- [ 1 -lt 2
t newer -p 'touch -d 2020-01-01T00:00:00 old; touch new' -- test new -nt old
t bad_binary -s 2 -e "binary operator expected" -x -- test a b c
