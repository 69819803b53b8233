# SPDX-License-Identifier: BSD-2-Clause
# The host's tests run unprivileged: to one's own user and groups only.
t own_name -p 'touch f' -c 'stat -c "%U %G" f' -o "$(id -un) $(id -gn)\n" -- chown "$(id -un):$(id -gn)" f
t own_number -p 'touch f' -c 'stat -c %u f' -o "$(id -u)\n" -- chown "$(id -u)" f
t recursive -p 'mkdir -p d/e; touch d/e/f' -c 'stat -c %G d/e/f' -o "$(id -gn)\n" -- chown -R "$(id -un):$(id -gn)" d
t bad_user -p 'touch f' -s 1 -e "invalid user: 'no_such_user_here'" -x -- chown no_such_user_here f
t bad_group -p 'touch f' -s 1 -e "invalid group: 'no_such_group_here'" -x -- chown "$(id -un):no_such_group_here" f
t missing -s 1 -e "No such file or directory" -x -- chown "$(id -un)" nofile
t no_operand -s 2 -e "missing operand" -x -- chown
