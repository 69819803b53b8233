# SPDX-License-Identifier: BSD-2-Clause
FILES='touch b a c .hidden; mkdir dir; touch dir/x'
t plain -p "$FILES" -o 'a\nb\nc\ndir\n' -- ls
t one -p "$FILES" -o 'a\nb\nc\ndir\n' -- ls -1
t all -p "$FILES" -o '.\n..\n.hidden\na\nb\nc\ndir\n' -- ls -a
t almost_all -p "$FILES" -o '.hidden\na\nb\nc\ndir\n' -- ls -A
t dir_operand -p "$FILES" -o 'x\n' -- ls dir
t dir_itself -p "$FILES" -o 'dir\n' -- ls -d dir
t files_then_dirs -p "$FILES" -o 'a\nb\n\ndir:\nx\n' -- ls dir b a
t recursive -p 'mkdir -p d/e; touch d/f d/e/g' -o 'd:\ne\nf\n\nd/e:\ng\n' -- ls -R d
t long -p 'printf 12345 > f; chmod 644 f; touch -d 2001-02-03T04:05:06 f' -o "-rw-r--r-- 1 $(id -un) $(id -gn) 5 Feb  3  2001 f\n" -- ls -l f
t long_dir -p 'mkdir d; printf 12 > d/f; chmod 600 d/f; touch -d 2001-02-03T04:05:06 d/f' -o "total 4\n-rw------- 1 $(id -un) $(id -gn) 2 Feb  3  2001 f\n" -- ls -l d
t long_link -p 'ln -s some/target l; touch -h -d 2001-02-03T04:05:06 l' -o "lrwxrwxrwx 1 $(id -un) $(id -gn) 11 Feb  3  2001 l -> some/target\n" -- ls -l l
# A day ago, read once: the expected line is made now and the file touched
# later, so each reading a time of its own could straddle a minute.
RECENT=$(date -d '-1 day' +%s)
t long_recent -p "touch f; chmod 644 f; touch -d @$RECENT f" -o "-rw-r--r-- 1 $(id -un) $(id -gn) 0 $(date -d "@$RECENT" '+%b %e %H:%M') f\n" -- ls -l f
t human -p 'head -c 2048 /dev/zero > f; chmod 644 f; touch -d 2001-02-03T04:05:06 f' -o "-rw-r--r-- 1 $(id -un) $(id -gn) 2.0K Feb  3  2001 f\n" -- ls -lh f
t human_small -p 'printf 123 > f; chmod 644 f; touch -d 2001-02-03T04:05:06 f' -o "-rw-r--r-- 1 $(id -un) $(id -gn) 3 Feb  3  2001 f\n" -- ls -lh f
t widths -p 'printf 1 > a; head -c 1000 /dev/zero > b; chmod 644 a b; touch -d 2001-02-03T04:05:06 a b' -o "-rw-r--r-- 1 $(id -un) $(id -gn)    1 Feb  3  2001 a\n-rw-r--r-- 1 $(id -un) $(id -gn) 1000 Feb  3  2001 b\n" -- ls -l a b
t missing -s 2 -e "nofile: No such file or directory" -x -- ls nofile
t missing_and_found -p 'touch a' -s 2 -o 'a\n' -e "nofile" -x -- ls nofile a
t bad_option -s 2 -e "invalid option" -x -- ls -Z
t human_round_up -p 'head -c 1030 /dev/zero > f; chmod 644 f; touch -d 2001-02-03T04:05:06 f' -o "-rw-r--r-- 1 $(id -un) $(id -gn) 1.1K Feb  3  2001 f\n" -- ls -lh f
t human_mega -p 'head -c 20000000 /dev/zero > f; chmod 644 f; touch -d 2001-02-03T04:05:06 f' -o "-rw-r--r-- 1 $(id -un) $(id -gn) 20M Feb  3  2001 f\n" -- ls -lh f
