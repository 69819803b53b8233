# SPDX-License-Identifier: BSD-2-Clause
L='apple\nbanana\ncherry\nApple pie\nbanana split\n'
t basic -i "$L" -o 'apple\n' -- grep '^app'
t basic_star -i "$L" -o 'banana\nbanana split\n' -- grep 'an*a$\|split'
t basic_group -i 'abab\naabb\n' -o 'abab\n' -- grep '\(ab\)\1'
t basic_interval -i 'aa\naaa\na\n' -o 'aa\naaa\n' -- grep 'a\{2,\}'
t basic_literal_plus -i 'a+b\naab\n' -o 'a+b\n' -- grep 'a+b'
t extended -i "$L" -o 'apple\ncherry\nApple pie\n' -- grep -E 'pp|rr'
t extended_group -i 'abab\nab\n' -o 'abab\n' -- grep -E '(ab){2}'
t extended_plus -i 'ab\naab\nb\n' -o 'ab\naab\n' -- grep -E 'a+b'
t class -i 'a1\nbb\n2c\n' -o 'a1\n2c\n' -- grep '[[:digit:]]'
t icase -i "$L" -o 'apple\nApple pie\n' -- grep -i '^apple'
t invert -i "$L" -o 'cherry\nApple pie\n' -- grep -v 'an\|pple$'
t count -i "$L" -o '2\n' -- grep -c banana
t count_zero -i "$L" -s 1 -o '0\n' -- grep -c zzz
t number -i "$L" -o '2:banana\n5:banana split\n' -- grep -n banana
t word -i 'cat\ncatalog\nthe cat sat\nbobcat\n' -o 'cat\nthe cat sat\n' -- grep -w cat
t word_later -i 'cats cat\n' -o 'cats cat\n' -- grep -w cat
t line -i 'cat\ncats\n' -o 'cat\n' -- grep -x cat
t line_ere -i 'ab\nabab\nabc\n' -o 'ab\nabab\n' -- grep -xE '(ab)+'
t multiple_e -i "$L" -o 'apple\ncherry\n' -- grep -e apple -e cherry
t newline_patterns -i "$L" -o 'apple\ncherry\n' -- grep "$(printf 'apple\ncherry')"
t fixed -i 'a.b\naxb\n' -o 'a.b\n' -- grep -F 'a.b'
t quiet -i "$L" -- grep -q cherry
t quiet_none -i "$L" -s 1 -- grep -q zzz
t none -i "$L" -s 1 -- grep zzz
t files -p 'echo one > a; echo two > b' -o 'a:one\n' -- grep one a b
t files_h -p 'echo one > a; echo one > b' -o 'one\none\n' -- grep -h one a b
t list -p 'echo one > a; echo two > b; echo one > c' -o 'a\nc\n' -- grep -l one a b c
t recursive -p 'mkdir -p d/e; echo hit > d/x; echo hit > d/e/y; echo no > d/z' -S -o 'd/e/y:hit\nd/x:hit\n' -- grep -r hit d
t missing -s 2 -e "nofile: No such file or directory" -- grep x nofile
t missing_silent -s 2 -- grep -s x nofile
t missing_quiet_match -p 'echo x > a' -s 0 -- grep -qs x nofile a
t bad_regex -s 2 -e "Unmatched" -x -- grep 'a\('
t bad_regex_ere -s 2 -e "Unmatched" -x -- grep -E '(a'
t no_pattern -s 2 -e "usage" -x -- grep
t bad_option -s 2 -e "invalid option" -x -- grep -Z x
t backref_icase -i 'aA\nab\n' -o 'aA\n' -- grep -i '\(a\)\1'
t anchors_middle -i 'a^b\nab\n' -o 'a^b\n' -- grep 'a^b'
t bracket_special -i 'a]b\na-b\nacb\n' -o 'a]b\na-b\n' -- grep 'a[]-]b'
# Ours, not glibc's: our regex caps bounds at RE_DUP_MAX (255), and our getopt
# stops at the first operand as POSIX says (GNU's would take -n as an option).
t dup_max -s 2 -e "Invalid content" -x -- grep -E 'a{1,256}'
t no_permute -p 'echo x > f' -s 2 -o 'f:x\n' -e "-n: No such file" -x -- grep x f -n
