# SPDX-License-Identifier: BSD-2-Clause
t one -c 'test -d a && echo yes' -o 'yes\n' -- mkdir a
t several -c 'ls' -o 'a\nb\n' -- mkdir a b
t parents -c 'test -d a/b/c && echo yes' -o 'yes\n' -- mkdir -p a/b/c
t parents_exist -p 'mkdir -p a/b' -c 'test -d a/b/c && echo yes' -o 'yes\n' -- mkdir -p a/b/c
t parents_trailing -c 'test -d a/b && echo yes' -o 'yes\n' -- mkdir -p a/b/
t exists -p 'mkdir a' -s 1 -e "a: File exists" -- mkdir a
t missing_parent -s 1 -e "a/b: No such file or directory" -- mkdir a/b
t file_in_way -p 'touch a' -s 1 -e "a" -- mkdir -p a/b
t mode -c 'stat -c %a a' -o '700\n' -- mkdir -m 700 a
t no_args -s 2 -e usage -x -- mkdir
t bad_option -s 2 -e "invalid option" -x -- mkdir -Z a
