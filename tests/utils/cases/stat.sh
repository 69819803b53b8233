# SPDX-License-Identifier: BSD-2-Clause
t size -p 'printf 12345 > f' -o '5\n' -- stat -c %s f
t name_type -p 'echo x > f; mkdir d' -o 'f regular file\nd directory\n' -- stat -c '%n %F' f d
t mode -p 'touch f; chmod 640 f' -o '640 -rw-r-----\n' -- stat -c '%a %A' f
t mtime -p 'touch -d 2001-02-03T04:05:06 f' -o '981173106\n' -- stat -c %Y f
t links -p 'touch f; ln f g' -o '2\n' -- stat -c %h f
t link_itself -p 'ln -s target l' -o 'symbolic link\n' -- stat -c %F l
t link_followed -p 'mkdir target; ln -s target l' -o 'directory\n' -- stat -L -c %F l
t percent -p 'touch f' -o '100%\n' -- stat -c '100%%' f
t default_form -p 'printf 123 > f' -o '  File: f\n' -x -c 'true' -u stat -- sh -c '"$BIN/stat" f | head -n 1'
t missing -s 1 -e "nofile: No such file or directory" -x -- stat nofile
t none -s 2 -e "usage" -x -- stat
t missing_continues -p 'printf 123 > f' -s 1 -e "nofile: No such file or directory" -o '3\n' -- stat -c %s nofile f
t format_no_arg -s 2 -e "option requires an argument -- 'c'" -x -- stat -c
t bad_option -p 'touch f' -s 2 -e "invalid option -- 'Z'" -x -- stat -Z f
t names -p "touch f" -o "$(id -un) $(id -gn)\\n" -- stat -c "%U %G" f
