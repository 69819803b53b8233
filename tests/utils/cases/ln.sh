# SPDX-License-Identifier: BSD-2-Clause
t hard -p 'echo x > a' -c 'stat -c %h a; cat b' -o '2\nx\n' -- ln a b
t symbolic -c 'readlink l' -o 'some/target\n' -- ln -s some/target l
t into_dir -p 'touch a; mkdir d' -c 'ls d' -o 'a\n' -- ln a d
t exists -p 'touch a b' -s 1 -e "b: File exists" -- ln a b
t force -p 'echo 1 > a; echo 2 > b' -c 'cat b' -o '1\n' -- ln -f a b
t force_symbolic -p 'touch b' -c 'readlink b' -o 'x\n' -- ln -sf x b
t missing -s 1 -e "b" -- ln nofile b
t no_args -s 2 -e usage -x -- ln
t bad_option -p 'touch a' -s 2 -e "invalid option -- 'Z'" -c 'ls' -o 'a\n' -x -- ln -Z a b
