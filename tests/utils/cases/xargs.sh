# SPDX-License-Identifier: BSD-2-Clause
t default -i 'a b\nc\n' -o 'a b c\n' -- xargs
t command -i 'a b\n' -o 'x a b\n' -- xargs echo x
t n -i 'a b c d e\n' -o 'a b\nc d\ne\n' -- xargs -n 2
t n1 -i 'a b\n' -o 'a\nb\n' -- xargs -n 1 echo
t quotes -i "'a b' \"c d\" e\\\\ f\n" -o 'a b|c d|e f|' -- xargs printf '%s|'
t nul -i 'a b\0c\0' -o 'a b|c|' -- xargs -0 printf '%s|'
t replace -i 'one\n  two\n' -o '[one]\n[two]\n' -- xargs -I X echo '[X]'
t replace_twice -i 'a\n' -o 'a-a\n' -- xargs -I {} echo {}-{}
t empty -i '' -o '\n' -- xargs
t failure -i 'a\n' -s 123 -- xargs false
t not_found -i 'a\n' -s 127 -e "nosuchcommand" -- xargs nosuchcommand
t trace -o 'echo a\na\n' -u xargs -- sh -c 'echo a | "$BIN/xargs" -t echo 2>&1'
t unmatched -i "'a\n" -s 1 -e "unmatched single quote" -- xargs
t bad_n -s 1 -e "invalid number" -x -- xargs -n 0
t n_no_arg -s 2 -e "option requires an argument -- 'n'" -x -- xargs -n
t bad_option -i 'a\n' -s 2 -e "invalid option -- 'Z'" -x -- xargs -Z echo
