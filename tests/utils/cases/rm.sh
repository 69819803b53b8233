# SPDX-License-Identifier: BSD-2-Clause
t file -p 'touch f' -c 'ls' -o '' -- rm f
t several -p 'touch a b c' -c 'ls' -o 'b\n' -- rm a c
t missing -s 1 -e "nofile: No such file or directory" -- rm nofile
t force_missing -- rm -f nofile
t force_none -- rm -f
t dir -p 'mkdir d' -s 1 -e "d: Is a directory" -- rm d
t recursive -p 'mkdir -p d/e/f; touch d/x d/e/y' -c 'ls' -o '' -- rm -r d
t recursive_R -p 'mkdir -p d/e; touch d/e/y' -c 'ls' -o '' -- rm -R d
t link_not_followed -p 'mkdir d; touch d/keep; ln -s d l' -c 'ls d' -o 'keep\n' -- rm -r l
t dot -s 1 -e "refusing to remove" -x -- rm -r .
t dotdot -p 'mkdir d' -s 1 -e "refusing to remove" -x -- rm -rf d/..
t interactive_no -p 'touch f' -i 'n\n' -c 'ls' -o 'f\n' -e "remove 'f'?" -x -- rm -i f
t no_args -s 2 -e usage -x -- rm
t missing_continues -p 'touch a b' -s 1 -e "nofile: No such file or directory" -c 'ls' -o 'b\n' -- rm nofile a
t bad_option -p 'touch a' -s 2 -e "invalid option -- 'Z'" -c 'ls' -o 'a\n' -x -- rm -Z a
