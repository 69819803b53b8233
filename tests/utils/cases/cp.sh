# SPDX-License-Identifier: BSD-2-Clause
t file -p 'echo hi > a' -c 'cat b' -o 'hi\n' -- cp a b
t overwrite -p 'echo new > a; echo old > b' -c 'cat b' -o 'new\n' -- cp a b
t into_dir -p 'echo hi > a; mkdir d' -c 'cat d/a' -o 'hi\n' -- cp a d
t several -p 'echo 1 > a; echo 2 > b; mkdir d' -c 'cat d/a d/b' -o '1\n2\n' -- cp a b d
t several_not_dir -p 'touch a b c' -s 1 -e "is not a directory" -- cp a b c
t dir_no_r -p 'mkdir d' -s 1 -e "omitting directory" -- cp d e
t recursive -p 'mkdir -p d/e; echo x > d/e/f' -c 'cat n/e/f' -o 'x\n' -- cp -r d n
t recursive_into -p 'mkdir -p d t; echo x > d/f' -c 'cat t/d/f' -o 'x\n' -- cp -R d t
t preserve -p 'echo x > a; chmod 640 a; touch -d 2001-02-03T04:05:06 a' -c 'stat -c "%a %Y" b' -o '640 981173106\n' -- cp -p a b
t mode -p 'echo x > a; chmod 750 a' -c 'stat -c %a b' -o '750\n' -- cp a b
t symlink_r -p 'mkdir d; ln -s target d/l' -c 'readlink n/l' -o 'target\n' -- cp -r d n
t same -p 'touch a' -s 1 -e "are the same file" -- cp a a
t missing -s 1 -e "nofile: No such file or directory" -- cp nofile b
t into_itself -p 'mkdir d' -s 1 -e "into itself" -- cp -r d d/sub
t one_arg -p 'touch a' -s 2 -e "missing destination" -x -- cp a
t missing_continues -p 'echo x > a; mkdir d' -s 1 -e "nofile: No such file or directory" -c 'cat d/a' -o 'x\n' -- cp nofile a d
t bad_option -p 'touch a' -s 2 -e "invalid option -- 'Q'" -x -- cp -Q a b
