# SPDX-License-Identifier: BSD-2-Clause
t translate -i 'hello\n' -o 'HELLO\n' -- tr a-z A-Z
t class -i 'Hello 1\n' -o 'hELLO 1\n' -x -- tr '[:lower:][:upper:]' '[:upper:][:lower:]'
t class_upper -i 'hello\n' -o 'HELLO\n' -- tr '[:lower:]' '[:upper:]'
t pad -i 'abcd\n' -o 'xyyy\n' -- tr abcd xy
t delete -i 'hello world\n' -o 'hll wrld\n' -- tr -d aeiou
t delete_class -i 'a1b2c3\n' -o 'abc\n' -- tr -d '[:digit:]'
t squeeze -i 'aaabbbccc\n' -o 'abc\n' -- tr -s abc
t squeeze_translate -i 'aabbcc\n' -o 'x\n' -- tr -s abc x
t complement -i 'a1b2\n' -o 'a_b__' -- tr -c ab _
t complement_delete -i 'a1b2\n' -o 'ab' -- tr -cd ab
t delete_squeeze -i 'aabbxx  yy\n' -o 'x y\n' -- tr -ds ab 'xy '
t escapes -i 'a b\n' -o 'a\nb\n' -- tr ' ' '\n'
t octal -i 'a\n' -o 'b\n' -- tr '\141' '\142'
t repeat -i 'abc\n' -o 'xxx\n' -- tr abc '[x*]'
t newlines -i 'a\nb\n' -o 'a b ' -- tr '\n' ' '
t bad_range -s 1 -e "reverse collating" -x -- tr z-a x
t missing_set -s 2 -e "missing operand" -x -- tr a
t bad_option -i 'abc\n' -s 2 -e "invalid option -- 'Z'" -x -- tr -Z a b
