# SPDX-License-Identifier: BSD-2-Clause
t plain -o 'hello' -- printf hello
t newline -o 'a\nb\n' -- printf 'a\nb\n'
t string -o '[x] [yz]\n' -- printf '[%s] [%s]\n' x yz
t reuse -o 'a\nb\nc\n' -- printf '%s\n' a b c
t reuse_pairs -o 'a=1 b=2 c= ' -- printf '%s=%s ' a 1 b 2 c
t decimal -o '42 -7 +5\n' -- printf '%d %i %+d\n' 42 -7 5
t width -o '[   ab] [ab   ] [007]\n' -- printf '[%5s] [%-5s] [%03d]\n' ab ab 7
t star -o '[   x]\n' -- printf '[%*s]\n' 4 x
t hex_octal -o 'ff FF 17 10\n' -- printf '%x %X %o %u\n' 255 255 15 10
t hex_input -o '255 8\n' -- printf '%d %d\n' 0xff 010
t char_value -o '97 65\n' -- printf '%d %d\n' "'a" '"A'
t float -o '3.14 1.500000e+00 0.25\n' -- printf '%.2f %e %g\n' 3.14159 1.5 0.25
t char -o 'ab' -- printf '%c%c' apple banana
t b_escapes -o 'x\ty\n' -- printf '%b\n' 'x\ty'
t b_stop -o 'ab' -- printf '%b%s' 'ab\cde' zz
t octal_escape -o 'A\n' -- printf '\101\n'
t percent -o '100%\n' -- printf '100%%\n'
t missing_args -o '[] [0]\n' -- printf '[%s] [%d]\n'
t bad_number -s 1 -o '12\n' -e "'12x'" -- printf '%d\n' 12x
t not_number -s 1 -o '0\n' -e "expected a numeric value" -- printf '%d\n' abc
t no_format -s 2 -e usage -x -- printf
t dash_format -o '-Z\n' -- printf '-Z\n'
t dashdash -o '-Z\n' -- printf -- '-Z\n'
