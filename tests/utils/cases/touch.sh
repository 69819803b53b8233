# SPDX-License-Identifier: BSD-2-Clause
t create -c 'ls' -o 'f\n' -- touch f
t several -c 'ls' -o 'a\nb\n' -- touch a b
t no_create -c 'ls' -o '' -- touch -c f
t keeps_content -p 'echo x > f' -c 'cat f' -o 'x\n' -- touch f
t t_time -c 'stat -c %Y f' -o '1262347200\n' -- touch -t 201001011200 f
t t_seconds -c 'stat -c %Y f' -o '1262347230\n' -- touch -t 201001011200.30 f
t d_time -c 'stat -c %Y f' -o '981173106\n' -- touch -d 2001-02-03T04:05:06 f
t reference -p 'touch -d 2001-02-03T04:05:06 r' -c 'stat -c %Y f' -o '981173106\n' -- touch -r r f
t m_only -p 'touch -d 2001-02-03T04:05:06 f' -c 'stat -c "%X %Y" f' -o '981173106 1262347200\n' -- touch -m -t 201001011200 f
t a_only -p 'touch -d 2001-02-03T04:05:06 f' -c 'stat -c "%X %Y" f' -o '1262347200 981173106\n' -- touch -a -t 201001011200 f
t bad_time -s 1 -e "invalid date format" -x -- touch -t 99 f
t missing_dir -s 1 -e "nodir/f" -- touch nodir/f
t no_args -s 2 -e usage -x -- touch
t missing_dir_continues -s 1 -e "nodir/f: No such file or directory" -c 'ls' -o 'g\n' -- touch nodir/f g
t missing_reference -s 1 -e "nofile: No such file or directory" -c 'ls' -o '' -- touch -r nofile f
t reference_no_arg -s 2 -e "option requires an argument -- 'r'" -x -- touch -r
t bad_option -s 2 -e "invalid option -- 'Z'" -c 'ls' -o '' -x -- touch -Z f
