# SPDX-License-Identifier: BSD-2-Clause
# Sizes change as other programs write: only the form is checked.
t header -o 'File                  1K-blocks       Used  Available Capacity\n' -u df -- sh -c '"$BIN/df" . | head -n 1'
t row -o 'ok\n' -u df -- sh -c '"$BIN/df" / | tail -n 1 | grep -Eq "^/ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+%$" && echo ok'
t human -o 'ok\n' -u df -- sh -c '"$BIN/df" -h / | tail -n 1 | grep -Eq "^/ +[0-9.]+[KMGTPE]? " && echo ok'
t missing -s 1 -e "nofile: No such file or directory" -x -- df nofile
t bad_option -s 2 -e "invalid option" -x -- df -Z
# Without operands: every mounted file system (the host's /proc/mounts,
# Verdigris's VFS table), / among them.
t all_mounts -o 'ok\n' -u df -- sh -c '"$BIN/df" | grep -Eq "^/ +[0-9]+ " && echo ok'
